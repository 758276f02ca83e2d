#pragma once

#include "lessons/renderedlesson.h"

#include <QByteArray>

namespace dblearn {

// Renders one lesson file (docs/lesson-format.md) to body HTML plus everything the app needs to
// drive the page: headings, runnable snippets, exercises, quizzes, links. Refuses files over
// maxLessonBytes, invalid UTF-8, NUL bytes and broken front matter with a clear error. Raw HTML
// never passes, link and image URLs are allow-listed, every text is escaped.
class MarkdownRenderer final
{
public:
    static constexpr qsizetype maxLessonBytes = 4 * 1024 * 1024;

    RenderedLesson render(const QByteArray &fileContents) const;

    // The md4c parser flags used (MD_DIALECT_GITHUB | MD_FLAG_NOHTML | MD_FLAG_LATEXMATHSPANS),
    // for benchmarks comparing with md_html().
    static unsigned parserFlags();
};

} // namespace dblearn

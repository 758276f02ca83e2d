#pragma once

#include "lessons/headingslugger.h"
#include "lessons/htmlbuffer.h"
#include "lessons/renderedlesson.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace dblearn {

// What the lesson render and the fragment renders inside it (exercise prompts, hints, quiz
// questions and options) share: the result being filled, anchors and ids already used.
struct LessonRenderContext {
    LessonRenderContext() { slugger.reserve(QStringLiteral("lesson")); } // <main id="lesson"> in the page

    RenderedLesson *lesson = nullptr;
    const HtmlBuffer *bodyBuffer = nullptr; // the buffer that becomes lesson->bodyHtml
    HeadingSlugger slugger;
    int snippetCount = 0;
    QSet<QString> blockIds; // exercise and quiz ids in use
    QStringList engines;    // front matter engines and datasets, to warn about blocks using others
    QStringList datasets;
};

} // namespace dblearn

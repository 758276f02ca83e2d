#pragma once

#include "lessons/exercise.h"
#include "lessons/quiz.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace dblearn {

// A fenced code block: ```sql run engine=sqlite dataset=shop (docs/lesson-format.md, "Code").
// Every fenced block outside exercise/quiz/mermaid fences is recorded; only runnable ones get a
// wrapper in the page and may be run through the bridge.
struct CodeSnippet {
    QString id;       // stable within the lesson: "snippet-1", ... (counts every recorded block)
    QString language; // "sql", "python", ...
    QString engine;   // "sqlite", "postgresql", "mariadb"; empty when not given
    QString dataset;  // "shop", ...; empty = an empty database
    bool runnable = false;
    QString code;     // without the final line break
    int line = 0; // 1-based line of the opening fence in the source file
};

// A ```worksheet template=ID block: a card that opens a cost worksheet template
// (content/worksheets/ID.json) in the worksheet window; its body is the card's caption.
struct WorksheetLink {
    QString templateId;
    QString caption;
    int line = 0;
};

struct Heading {
    int level = 0;
    QString text;
    QString anchor; // id attribute in the HTML
};

// A link or image that passed the URL filter (dropped ones are in warnings).
struct LessonLink {
    QString url;      // as written, character references decoded
    bool image = false;
    bool external = false; // http:, https:, mailto:
    int line = 0;
};

// A SQL code block in RenderedLesson::bodyHtml, highlighted when the page is put together.
struct SqlCodeRange {
    qsizetype classEnd = 0; // the closing quote of its <code class="language-...">
    qsizetype begin = 0;    // its escaped code: [begin, end)
    qsizetype end = 0;
    QString dialect;        // SqlCodeHighlighter's: "sqlite", "postgresql" or "mysql"
};

// A math span of the body (`$...$`, `$$...$$`) in RenderedLesson::bodyHtml, shown with math
// rendered ahead of time (MathCache) when there is some for its TeX.
struct MathSpan {
    qsizetype open = 0;  // its <span class="math ...">
    qsizetype begin = 0; // its escaped TeX: [begin, end)
    qsizetype end = 0;
    qsizetype close = 0; // just after its </span>
    bool display = false;
};

// The result of rendering one lesson's markdown.
struct RenderedLesson {
    bool ok = false;
    QString error;        // why it could not be rendered (invalid UTF-8, broken front matter, ...)
    QVariantMap frontMatter;
    QString title;        // front matter title, else the first heading
    QByteArray bodyHtml;  // HTML of the body only (no <html>/<head>), UTF-8 as the page is served
    QList<SqlCodeRange> sqlCode; // in bodyHtml, in order
    QList<MathSpan> math;        // in bodyHtml, in order (those of the body's own text, not of lesson blocks)
    QList<qsizetype> blockEnds;  // in bodyHtml, in order: where each top-level block ends
    // KaTeX's HTML for math spans, by MathCache::key(); filled by LessonLibrary from MathCache.
    QHash<QByteArray, QByteArray> mathHtml;
    QList<Heading> headings;
    QList<CodeSnippet> snippets;
    QList<Exercise> exercises;
    QList<Quiz> quizzes;
    QList<WorksheetLink> worksheets;
    QList<LessonLink> links;
    QStringList objectives;   // items of the "## Learning objectives" list
    QStringList keyTakeaways; // items of the "## Key takeaways" list
    QStringList references;   // items of the "## References" list(s)
    int proseWords = 0;       // words of text outside code, math and lesson blocks
    QStringList warnings; // e.g. links dropped by the URL filter: "line 12: ..." (at most 500, then a count)
    QStringList errors;   // authoring errors that do not stop rendering (a quiz without a correct
                          // option, a missing required field or section): "quiz block line 93: ..."

    // bodyHtml as the page shows it: its SQL highlighted with highlight.js's class names
    // (SqlCodeHighlighter), so the page needs highlight.js only for code in other languages, and
    // its math from mathHtml where there is some (class "is-rendered"), so the page needs KaTeX's
    // script only for the rest.
    // With leadBytes > 0, the top-level blocks after the first leadBytes of bodyHtml (the lead)
    // come inside <div class="lesson-later" id="lesson-later" hidden>, which lesson.js unwraps once
    // the lead is on screen: the first frame of a long lesson styles and lays out one screen of it.
    QByteArray pageBodyHtml(qsizetype leadBytes = 0) const;
    // The TeX of a math span, as KaTeX is given it: unescaped, without delimiters, trimmed.
    QString mathTex(const MathSpan &span) const;

    const CodeSnippet *snippet(const QString &id) const;
    const Exercise *exercise(const QString &id) const;
    const Quiz *quiz(const QString &id) const;
};

} // namespace dblearn

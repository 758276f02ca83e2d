#pragma once

#include "lessons/htmlbuffer.h"

#include <QByteArrayView>
#include <QString>

namespace dblearn {

// Highlights a lesson's SQL code blocks when its page is put together (RenderedLesson::
// pageBodyHtml), with highlight.js's class names (hljs-keyword, hljs-string, ...; lesson.css
// colours them), so that a page whose code is all SQL does not load highlight.js at all. Words are those of the console's highlighter
// (SqlKeywords) for the block's engine. Code in any other language is left to highlight.js.
class SqlCodeHighlighter final
{
public:
    // True for the fence languages written as SQL: sql, sqlite, postgresql, pgsql, psql, plpgsql,
    // mysql, mariadb.
    static bool handles(QByteArrayView language);
    // "sqlite", "postgresql" or "mysql": from the block's engine when it has one, else from its
    // language; SQLite's words otherwise.
    static QString dialectFor(QByteArrayView language, const QString &engine);
    // Appends code that is already HTML-escaped (&amp; &lt; &gt; &quot;), with its tokens wrapped
    // in <span class="hljs-...">.
    static void writeEscaped(HtmlBuffer &out, QByteArrayView escapedCode, const QString &dialect);
};

} // namespace dblearn

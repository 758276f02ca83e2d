#pragma once

#include "lessons/htmlbuffer.h"

#include <QByteArrayView>
#include <QString>

namespace dblearn {

// Highlights a lesson's SQL code blocks while the lesson is rendered, with highlight.js's class
// names (hljs-keyword, hljs-string, ...; lesson.css colours them), so that a page whose code is
// all SQL does not load highlight.js at all. Words are those of the console's highlighter
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
    // Appends code, escaped, with the tokens wrapped in <span class="hljs-...">.
    static void write(HtmlBuffer &out, QByteArrayView code, const QString &dialect);
};

} // namespace dblearn

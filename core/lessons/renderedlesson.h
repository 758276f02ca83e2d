#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace dblearn {

// A fenced code block that the page can run: ```sql run engine=sqlite dataset=shop
struct CodeSnippet {
    QString id;       // stable within the lesson: "snippet-1", ...
    QString language; // "sql", "python", ...
    QString engine;   // "sqlite", "postgresql", "mariadb"; empty when not runnable
    QString dataset;  // "shop", ...; may be empty
    bool runnable = false;
    QString code;
    int line = 0; // 1-based line of the opening fence in the source file
};

struct Heading {
    int level = 0;
    QString text;
    QString anchor; // id attribute in the HTML
};

// The result of rendering one lesson's markdown.
struct RenderedLesson {
    bool ok = false;
    QString error;        // why it could not be rendered (invalid UTF-8, broken front matter, ...)
    QVariantMap frontMatter;
    QString title;        // front matter title, else the first heading
    QString bodyHtml;     // HTML of the body only (no <html>/<head>)
    QList<Heading> headings;
    QList<CodeSnippet> snippets;
    QStringList warnings; // e.g. links dropped by the URL filter
};

} // namespace dblearn

#include "lessons/sqlcodehighlighter.h"

#include "console/sqlkeywords.h"

#include <QHash>

namespace dblearn {

namespace {

enum class Kind : char { Keyword, Literal, Type, Function };

using WordTable = QHash<QByteArray, Kind>; // upper-case words

WordTable makeTable(const QString &dialect)
{
    WordTable table;
    for (const QString &w : SqlKeywords::functions(dialect))
        table.insert(w.toLatin1(), Kind::Function);
    for (const QString &w : SqlKeywords::types(dialect))
        table.insert(w.toLatin1(), Kind::Type);
    for (const QString &w : SqlKeywords::keywords(dialect))
        table.insert(w.toLatin1(), Kind::Keyword); // REPLACE, DATE, ...: a keyword unless called
    for (const char *w : {"TRUE", "FALSE", "NULL"})
        table.insert(QByteArray(w), Kind::Literal);
    return table;
}

const WordTable &tableFor(const QString &dialect)
{
    static const WordTable sqlite = makeTable(QStringLiteral("sqlite"));
    static const WordTable postgresql = makeTable(QStringLiteral("postgresql"));
    static const WordTable mysql = makeTable(QStringLiteral("mysql"));
    if (dialect == QLatin1String("postgresql"))
        return postgresql;
    if (dialect == QLatin1String("mysql"))
        return mysql;
    return sqlite;
}

bool isWordStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isWordChar(char c)
{
    return isWordStart(c) || (c >= '0' && c <= '9') || c == '$';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

void span(HtmlBuffer &out, const char *cssClass, QByteArrayView escapedText)
{
    out.put("<span class=\"");
    out.appendCString(cssClass);
    out.put("\">");
    out.append(escapedText);
    out.put("</span>");
}

} // namespace

bool SqlCodeHighlighter::handles(QByteArrayView language)
{
    for (const char *l : {"sql", "sqlite", "postgresql", "pgsql", "psql", "plpgsql", "mysql", "mariadb"}) {
        if (language == l)
            return true;
    }
    return false;
}

QString SqlCodeHighlighter::dialectFor(QByteArrayView language, const QString &engine)
{
    if (engine == QLatin1String("postgresql"))
        return engine;
    if (engine == QLatin1String("mariadb") || engine == QLatin1String("mysql"))
        return QStringLiteral("mysql");
    if (!engine.isEmpty())
        return QStringLiteral("sqlite");
    if (language == "postgresql" || language == "pgsql" || language == "psql" || language == "plpgsql")
        return QStringLiteral("postgresql");
    if (language == "mysql" || language == "mariadb")
        return QStringLiteral("mysql");
    return QStringLiteral("sqlite");
}

void SqlCodeHighlighter::writeEscaped(HtmlBuffer &out, QByteArrayView code, const QString &dialect)
{
    const WordTable &table = tableFor(dialect);
    const char *s = code.data();
    const qsizetype n = code.size();
    qsizetype plain = 0; // start of the text not written yet
    qsizetype i = 0;
    QByteArray upper;
    auto flushPlain = [&](qsizetype end) {
        out.append(s + plain, end - plain);
        plain = end;
    };
    while (i < n) {
        const char c = s[i];
        qsizetype end = i;
        const char *cssClass = nullptr;
        if (c == '&') {
            // A character reference (&lt; &gt; &amp; &quot;): an operator or a quote, never a word.
            const qsizetype semicolon = code.indexOf(';', i);
            i = semicolon < 0 || semicolon - i > 8 ? i + 1 : semicolon + 1;
            continue;
        }
        if (c == '-' && i + 1 < n && s[i + 1] == '-') {
            end = i + 2;
            while (end < n && s[end] != '\n')
                ++end;
            cssClass = "hljs-comment";
        } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
            const qsizetype close = code.indexOf("*/", i + 2);
            end = close < 0 ? n : close + 2;
            cssClass = "hljs-comment";
        } else if (c == '\'') {
            end = i + 1;
            while (end < n) {
                if (s[end] == '\'') {
                    if (end + 1 < n && s[end + 1] == '\'') {
                        end += 2;
                        continue;
                    }
                    ++end;
                    break;
                }
                ++end;
            }
            cssClass = "hljs-string";
        } else if (isDigit(c) && (i == 0 || !isWordChar(s[i - 1]))) {
            end = i;
            while (end < n && isDigit(s[end]))
                ++end;
            if (end + 1 < n && s[end] == '.' && isDigit(s[end + 1])) {
                ++end;
                while (end < n && isDigit(s[end]))
                    ++end;
            }
            if (end < n && (s[end] == 'e' || s[end] == 'E')) {
                qsizetype e = end + 1;
                if (e < n && (s[e] == '+' || s[e] == '-'))
                    ++e;
                if (e < n && isDigit(s[e])) {
                    end = e;
                    while (end < n && isDigit(s[end]))
                        ++end;
                }
            }
            if (end < n && isWordChar(s[end])) {
                while (end < n && isWordChar(s[end]))
                    ++end; // 1st, 3d: part of a name, not a number
            } else {
                cssClass = "hljs-number";
            }
        } else if (isWordStart(c) && (i == 0 || (!isWordChar(s[i - 1]) && s[i - 1] != '.'))) {
            end = i + 1;
            while (end < n && isWordChar(s[end]))
                ++end;
            upper.resize(end - i); // keeps its capacity: no allocation per word
            char *u = upper.data();
            for (qsizetype k = 0; k < end - i; ++k)
                u[k] = (s[i + k] >= 'a' && s[i + k] <= 'z') ? char(s[i + k] - 'a' + 'A') : s[i + k];
            const auto it = end - i <= 40 ? table.constFind(upper) : table.cend();
            if (it != table.cend()) {
                qsizetype next = end;
                while (next < n && (s[next] == ' ' || s[next] == '\t'))
                    ++next;
                const bool called = next < n && s[next] == '(';
                switch (*it) {
                case Kind::Keyword: cssClass = "hljs-keyword"; break;
                case Kind::Literal: cssClass = "hljs-literal"; break;
                case Kind::Type: cssClass = "hljs-type"; break;
                case Kind::Function: cssClass = called ? "hljs-built_in" : nullptr; break;
                }
            }
        } else {
            ++i;
            continue;
        }
        if (cssClass) {
            flushPlain(i);
            span(out, cssClass, QByteArrayView(s + i, end - i));
            plain = end;
        }
        i = end > i ? end : i + 1;
    }
    flushPlain(n);
}

} // namespace dblearn

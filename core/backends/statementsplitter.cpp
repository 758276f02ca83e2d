#include "backends/statementsplitter.h"

namespace dblearn {

namespace {

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// Index just past the comment starting at i (which must start one), or sql.size() if unclosed.
qsizetype skipComment(QStringView sql, qsizetype i, StatementSplitter::Dialect dialect)
{
    const qsizetype n = sql.size();
    if (sql[i] == QLatin1Char('/')) { // /* ... */, nested in PostgreSQL
        int depth = 1;
        i += 2;
        while (i < n && depth > 0) {
            if (i + 1 < n && sql[i] == QLatin1Char('*') && sql[i + 1] == QLatin1Char('/')) {
                --depth;
                i += 2;
            } else if (dialect == StatementSplitter::Dialect::PostgreSQL && i + 1 < n && sql[i] == QLatin1Char('/')
                       && sql[i + 1] == QLatin1Char('*')) {
                ++depth;
                i += 2;
            } else {
                ++i;
            }
        }
        return i;
    }
    while (i < n && sql[i] != QLatin1Char('\n')) // -- or #
        ++i;
    return i;
}

bool startsComment(QStringView sql, qsizetype i, StatementSplitter::Dialect dialect)
{
    const qsizetype n = sql.size();
    const QChar c = sql[i];
    if (c == QLatin1Char('/') && i + 1 < n && sql[i + 1] == QLatin1Char('*'))
        return true;
    if (c == QLatin1Char('-') && i + 1 < n && sql[i + 1] == QLatin1Char('-')) {
        // MySQL needs whitespace (or the end) after "--".
        return dialect == StatementSplitter::Dialect::PostgreSQL || i + 2 >= n || sql[i + 2].isSpace();
    }
    return dialect == StatementSplitter::Dialect::MySQL && c == QLatin1Char('#');
}

// Index just past a quoted run starting at i with `quote`; `backslash` escapes the next character.
qsizetype skipQuoted(QStringView sql, qsizetype i, QChar quote, bool backslash)
{
    const qsizetype n = sql.size();
    ++i;
    while (i < n) {
        const QChar c = sql[i];
        if (backslash && c == QLatin1Char('\\')) {
            i += 2;
        } else if (c == quote) {
            if (i + 1 < n && sql[i + 1] == quote) // doubled quote
                i += 2;
            else
                return i + 1;
        } else {
            ++i;
        }
    }
    return n;
}

// PostgreSQL dollar quoting: $$...$$ or $tag$...$tag$. Returns i unchanged if no tag starts here.
qsizetype skipDollarQuoted(QStringView sql, qsizetype i)
{
    const qsizetype n = sql.size();
    qsizetype j = i + 1;
    if (j < n && (sql[j].isDigit()))
        return i; // $1 is a parameter
    while (j < n && isIdentifierChar(sql[j]))
        ++j;
    if (j >= n || sql[j] != QLatin1Char('$'))
        return i;
    const QStringView tag = sql.mid(i, j - i + 1);
    const qsizetype close = sql.indexOf(tag, j + 1);
    return close < 0 ? n : close + tag.size();
}

} // namespace

StatementSplitter::Span StatementSplitter::first(QStringView sql, Dialect dialect)
{
    const qsizetype n = sql.size();
    Span span;
    qsizetype i = 0;
    // Leading whitespace, comments and stray semicolons.
    while (i < n) {
        if (sql[i].isSpace() || sql[i] == QLatin1Char(';'))
            ++i;
        else if (startsComment(sql, i, dialect))
            i = skipComment(sql, i, dialect);
        else
            break;
    }
    span.begin = i;
    if (i >= n) {
        span.end = span.next = n;
        return span;
    }
    span.empty = false;
    qsizetype lastSignificant = i;
    while (i < n) {
        const QChar c = sql[i];
        if (c == QLatin1Char(';')) {
            span.end = lastSignificant;
            span.next = i + 1;
            return span;
        }
        qsizetype next = i + 1;
        if (startsComment(sql, i, dialect)) {
            i = skipComment(sql, i, dialect);
            continue; // comments do not extend the statement's end
        }
        if (c == QLatin1Char('\'')) {
            // PostgreSQL: E'...' takes backslash escapes; MySQL: always (default sql_mode).
            const bool escape = dialect == Dialect::MySQL
                                || (i > 0 && (sql[i - 1] == QLatin1Char('E') || sql[i - 1] == QLatin1Char('e'))
                                    && (i < 2 || !isIdentifierChar(sql[i - 2])));
            next = skipQuoted(sql, i, c, escape);
        } else if (c == QLatin1Char('"')) {
            next = skipQuoted(sql, i, c, dialect == Dialect::MySQL);
        } else if (c == QLatin1Char('`') && dialect == Dialect::MySQL) {
            next = skipQuoted(sql, i, c, false);
        } else if (c == QLatin1Char('$') && dialect == Dialect::PostgreSQL
                   && (i == 0 || !isIdentifierChar(sql[i - 1]))) {
            const qsizetype after = skipDollarQuoted(sql, i);
            next = after > i ? after : i + 1;
        }
        if (!c.isSpace())
            lastSignificant = next;
        i = next;
    }
    span.end = lastSignificant;
    span.next = n;
    return span;
}

} // namespace dblearn

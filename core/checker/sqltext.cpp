#include "checker/sqltext.h"

namespace dblearn {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

qsizetype SqlText::skipBlank(QStringView sql, qsizetype from, bool skipSemicolons)
{
    qsizetype i = from;
    const qsizetype n = sql.size();
    while (i < n) {
        const QChar c = sql[i];
        if (c.isSpace() || (skipSemicolons && c == QLatin1Char(';'))) {
            ++i;
        } else if (c == QLatin1Char('-') && i + 1 < n && sql[i + 1] == QLatin1Char('-')) {
            while (i < n && sql[i] != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && sql[i + 1] == QLatin1Char('*')) {
            const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? n : end + 2;
        } else {
            break;
        }
    }
    return i;
}

bool SqlText::isBlank(QStringView sql)
{
    return skipBlank(sql, 0, true) >= sql.size();
}

QString SqlText::firstKeyword(QStringView sql)
{
    const qsizetype start = skipBlank(sql, 0, true);
    qsizetype end = start;
    while (end < sql.size() && isWordChar(sql[end]))
        ++end;
    return sql.mid(start, end - start).toString().toUpper();
}

bool SqlText::startsWithTransactionControl(QStringView sql)
{
    const QString word = firstKeyword(sql);
    if (word == QLatin1String("BEGIN") || word == QLatin1String("COMMIT") || word == QLatin1String("END")
        || word == QLatin1String("ROLLBACK") || word == QLatin1String("SAVEPOINT") || word == QLatin1String("RELEASE")
        || word == QLatin1String("ABORT")) {
        return true;
    }
    if (word == QLatin1String("START")) {
        const qsizetype start = skipBlank(sql, 0, true) + 5;
        return firstKeyword(sql.mid(start)) == QLatin1String("TRANSACTION");
    }
    return false;
}

} // namespace dblearn

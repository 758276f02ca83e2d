#include "plans/psqlframing.h"

#include <QRegularExpression>
#include <QStringList>

namespace dblearn {

namespace {

bool isDashLine(const QString &line)
{
    const QString trimmed = line.trimmed();
    if (trimmed.size() < 3)
        return false;
    for (QChar c : trimmed) {
        if (c != QLatin1Char('-') && c != QLatin1Char('+'))
            return false;
    }
    return true;
}

bool isQuoted(const QString &line)
{
    const QString trimmed = line.trimmed();
    return trimmed.size() >= 2 && trimmed.startsWith(QLatin1Char('"')) && trimmed.endsWith(QLatin1Char('"'));
}

} // namespace

bool PsqlFraming::isFramed(const QString &text)
{
    const QStringList lines = text.left(4096).split(QLatin1Char('\n'));
    int first = 0;
    while (first < lines.size() && lines[first].trimmed().isEmpty())
        ++first;
    if (first + 1 < lines.size() && lines[first].trimmed() == QLatin1String("QUERY PLAN")
        && isDashLine(lines[first + 1]))
        return true;
    return first < lines.size() && isQuoted(lines[first]) && !lines[first].trimmed().startsWith(QLatin1String("\"\""))
        && !lines[first].trimmed().startsWith(QLatin1String("\"Plan\""));
}

QString PsqlFraming::strip(const QString &text)
{
    if (!isFramed(text))
        return text;
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.first().trimmed().isEmpty())
        lines.removeFirst();
    bool header = false;
    if (lines.size() >= 2 && lines[0].trimmed() == QLatin1String("QUERY PLAN") && isDashLine(lines[1])) {
        lines.remove(0, 2);
        header = true;
    }
    static const QRegularExpression rowCount(QStringLiteral("^\\s*\\(\\d+ rows?\\)\\s*$"));
    while (!lines.isEmpty() && (lines.last().trimmed().isEmpty() || rowCount.match(lines.last()).hasMatch()))
        lines.removeLast();

    QString result;
    result.reserve(text.size());
    for (QString line : std::as_const(lines)) {
        if (!header && isQuoted(line)) {
            line = line.trimmed();
            line = line.mid(1, line.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        } else if (header) {
            // psql's aligned format: one space of margin, and "+" closing a line that continues.
            if (line.startsWith(QLatin1Char(' ')))
                line.remove(0, 1);
            QString trimmedEnd = line;
            while (trimmedEnd.endsWith(QLatin1Char(' ')))
                trimmedEnd.chop(1);
            if (trimmedEnd.endsWith(QLatin1Char('+')))
                trimmedEnd.chop(1);
            while (trimmedEnd.endsWith(QLatin1Char(' ')))
                trimmedEnd.chop(1);
            line = trimmedEnd;
        }
        result += line;
        result += QLatin1Char('\n');
    }
    return result;
}

} // namespace dblearn

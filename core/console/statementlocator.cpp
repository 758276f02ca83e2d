#include "console/statementlocator.h"

#include "backends/statementsplitter.h"

namespace dblearn {

QList<StatementLocator::Range> StatementLocator::split(QStringView sql, const QString &dialect)
{
    // SQLite quotes like PostgreSQL ('…', "…") and also accepts `…`; its comments are PostgreSQL's.
    const StatementSplitter::Dialect d = dialect == QLatin1String("mysql") || dialect == QLatin1String("mariadb")
        ? StatementSplitter::Dialect::MySQL
        : StatementSplitter::Dialect::PostgreSQL;
    QList<Range> ranges;
    qsizetype offset = 0;
    while (offset < sql.size()) {
        const StatementSplitter::Span span = StatementSplitter::first(sql.mid(offset), d);
        if (!span.empty && span.end > span.begin)
            ranges.append(Range{int(offset + span.begin), int(offset + span.end)});
        if (span.next <= 0)
            break;
        offset += span.next;
    }
    return ranges;
}

StatementLocator::Range StatementLocator::at(QStringView sql, int cursor, const QString &dialect)
{
    const QList<Range> ranges = split(sql, dialect);
    if (ranges.isEmpty())
        return {};
    for (int i = 0; i < ranges.size(); ++i) {
        const Range &r = ranges[i];
        if (cursor >= r.begin && cursor <= r.end)
            return r;
        if (cursor < r.begin) {
            if (i == 0)
                return r;
            const Range &before = ranges[i - 1];
            const QStringView gap = sql.mid(before.end, cursor - before.end);
            return gap.contains(QLatin1Char('\n')) ? r : before;
        }
    }
    return ranges.last();
}

void StatementLocator::lineAndColumn(QStringView sql, int offset, int *line, int *column)
{
    offset = qBound(0, offset, int(sql.size()));
    const QStringView head = sql.left(offset);
    *line = int(head.count(QLatin1Char('\n'))) + 1;
    *column = offset - int(head.lastIndexOf(QLatin1Char('\n')));
}

} // namespace dblearn

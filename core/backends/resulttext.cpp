#include "backends/resulttext.h"

#include "backends/databasebackend.h"

#include <QStringList>

namespace dblearn {

QString ResultText::run(DatabaseConnection &connection, const QString &sql, QueryError *error)
{
    const StatementStatus status = connection.execute(sql);
    if (!status.ok) {
        *error = status.error;
        return {};
    }
    QStringList lines;
    if (status.hasRows) {
        RowBatch batch(int(connection.columns().size()));
        bool atEnd = false;
        while (!atEnd) {
            batch.clear();
            if (!connection.fetch(batch, 1000, &atEnd, error))
                return {};
            for (int r = 0; r < batch.rowCount(); ++r) {
                QStringList cells;
                for (int c = 0; c < batch.columnCount(); ++c)
                    cells << (batch.isNull(r, c) ? QStringLiteral("NULL") : batch.textAt(r, c));
                lines << cells.join(QLatin1Char('\t'));
            }
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace dblearn

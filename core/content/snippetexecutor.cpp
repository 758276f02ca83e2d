#include "content/snippetexecutor.h"

#include "backends/databasebackend.h"
#include "checker/querywatchdog.h"
#include "checker/sqltext.h"

#include <QElapsedTimer>

namespace dblearn {

int SnippetOutcome::errorLine(const QString &script) const
{
    if (errorOffset < 0)
        return -1;
    return int(QStringView(script).left(qMin<qsizetype>(errorOffset, script.size())).count(QLatin1Char('\n')));
}

SnippetOutcome SnippetExecutor::run(DatabaseConnection &connection, const QString &script, int timeoutMs,
                                    qint64 maxRows)
{
    SnippetOutcome outcome;
    QElapsedTimer timer;
    timer.start();
    QueryWatchdog watchdog(&connection, timeoutMs);
    // offset: where the input given to execute() starts; start: where its statement starts.
    auto failed = [&](const QueryError &error, qsizetype offset, qsizetype start) {
        watchdog.stop();
        outcome.ok = false;
        outcome.error = error;
        outcome.timedOut = watchdog.fired();
        if (outcome.timedOut)
            outcome.error.kind = QueryError::Kind::Timeout;
        outcome.errorOffset = int(error.position >= 0 ? offset + error.position : start);
        outcome.elapsedMs = timer.elapsed();
        return outcome;
    };

    qsizetype offset = 0;
    RowBatch batch;
    while (offset < script.size()) {
        // A view of the rest, not a copy: copying per statement is quadratic on long scripts.
        const QString rest = QString::fromRawData(script.constData() + offset, script.size() - offset);
        if (SqlText::isBlank(rest))
            break;
        if (watchdog.fired()) // the limit passed between two statements
            return failed(QueryError::make(QueryError::Kind::Timeout, QStringLiteral("time limit reached")), offset,
                          offset + SqlText::skipBlank(rest));
        const StatementStatus status = connection.execute(rest);
        if (!status.ok)
            return failed(status.error, offset, offset + SqlText::skipBlank(rest));
        if (status.empty || status.consumed <= 0) {
            connection.finish();
            break;
        }
        if (status.hasRows) {
            const int columns = int(connection.columns().size());
            qint64 fetched = 0;
            bool atEnd = false;
            while (!atEnd && fetched < maxRows) {
                batch.reset(columns);
                QueryError error;
                if (!connection.fetch(batch, 256, &atEnd, &error)) {
                    connection.finish();
                    return failed(error, offset, offset + SqlText::skipBlank(rest));
                }
                fetched += batch.rowCount();
            }
        }
        connection.finish();
        ++outcome.statements;
        offset += status.consumed;
    }
    watchdog.stop();
    outcome.elapsedMs = timer.elapsed();
    return outcome;
}

} // namespace dblearn

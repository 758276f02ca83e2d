#include "checker/resultcapture.h"

#include "backends/databasebackend.h"
#include "checker/querywatchdog.h"
#include "checker/sqltext.h"

#include <QElapsedTimer>
#include <QLocale>

#include <algorithm>

namespace dblearn {

namespace {

QString capitalized(const QString &text)
{
    if (text.isEmpty())
        return text;
    return text.left(1).toUpper() + text.mid(1);
}

QString seconds(int ms)
{
    return QLocale(QLocale::English).toString(ms / 1000.0, 'g', 3) + QStringLiteral(" s");
}

QString where(const QString &sql, int position)
{
    if (position < 0 || position > sql.size())
        return QString();
    const int line = int(sql.left(position).count(QLatin1Char('\n'))) + 1;
    const int column = position - int(sql.lastIndexOf(QLatin1Char('\n'), position - 1));
    return QStringLiteral(" (line %1, column %2)").arg(line).arg(column);
}

Capture::Status failure(const QueryWatchdog &watchdog)
{
    return watchdog.fired() ? Capture::Status::TimedOut : Capture::Status::Error;
}

} // namespace

QString Capture::message(const QString &subject, bool plural) const
{
    const QLocale english(QLocale::English);
    const QString was = plural ? QStringLiteral("were") : QStringLiteral("was");
    const QString is = plural ? QStringLiteral("are") : QStringLiteral("is");
    switch (status) {
    case Status::Ok:
        return QString();
    case Status::Empty:
        return capitalized(subject) + QLatin1Char(' ') + is + QStringLiteral(" empty.");
    case Status::Error: {
        QString text = error.message.trimmed();
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
        return capitalized(subject) + QStringLiteral(" failed: ") + text + where(sql, error.position) + QLatin1Char('.');
    }
    case Status::TimedOut:
        return capitalized(subject) + QStringLiteral(" ran longer than ") + seconds(limits.timeoutMs)
            + QStringLiteral(" and ") + was + QStringLiteral(" stopped.");
    case Status::TooManyRows:
        return capitalized(subject) + QStringLiteral(" returned more than ") + english.toString(limits.maxRows)
            + QStringLiteral(" rows.");
    case Status::TooLarge:
        return QStringLiteral("The result of ") + subject + QStringLiteral(" is larger than ")
            + english.toString(limits.maxBytes / (1024 * 1024)) + QStringLiteral(" MB; it was stopped.");
    case Status::NoResult:
        return capitalized(subject) + QStringLiteral(" returns no rows: this exercise expects a query (SELECT …).");
    case Status::MultipleStatements:
        return capitalized(subject) + QStringLiteral(" holds more than one statement; write a single query.");
    case Status::TransactionControl:
        return QStringLiteral("Leave out BEGIN, COMMIT and ROLLBACK: the checker runs ") + subject
            + QStringLiteral(" in a transaction of its own and undoes it afterwards.");
    }
    return QString();
}

Capture ResultCapture::run(DatabaseConnection &connection, const QString &sql, const CaptureLimits &limits)
{
    Capture capture;
    capture.sql = sql;
    capture.limits = limits;
    if (SqlText::isBlank(sql)) {
        capture.status = Capture::Status::Empty;
        return capture;
    }
    if (SqlText::startsWithTransactionControl(sql)) {
        capture.status = Capture::Status::TransactionControl;
        return capture;
    }

    QElapsedTimer timer;
    timer.start();
    QueryWatchdog watchdog(&connection, limits.timeoutMs);
    auto done = [&](Capture::Status status) {
        watchdog.stop();
        capture.status = status;
        capture.elapsedMs = timer.elapsed();
        if (status != Capture::Status::Ok)
            capture.result = ResultSet(); // free what was fetched
        return capture;
    };

    const StatementStatus status = connection.execute(sql);
    if (!status.ok) {
        capture.error = status.error;
        return done(failure(watchdog));
    }
    if (status.empty)
        return done(Capture::Status::Empty);
    capture.statements = 1;
    if (!SqlText::isBlank(QStringView(sql).mid(status.consumed))) {
        connection.finish();
        return done(Capture::Status::MultipleStatements);
    }
    if (!status.hasRows) {
        capture.rowsAffected = status.rowsAffected;
        connection.finish();
        return done(Capture::Status::NoResult);
    }

    const ColumnList columns = connection.columns();
    capture.result = ResultSet(columns);
    RowBatch batch(int(columns.size()));
    bool atEnd = false;
    while (!atEnd) {
        // Never ask for more than one row past the limit.
        const qint64 room = limits.maxRows + 1 - capture.result.rowCount();
        const int want = int(std::min<qint64>(batchRows, std::max<qint64>(room, 1)));
        batch.reset(int(columns.size()));
        QueryError error;
        if (!connection.fetch(batch, want, &atEnd, &error)) {
            capture.error = error;
            connection.finish();
            return done(failure(watchdog));
        }
        if (capture.result.rowCount() + batch.rowCount() > limits.maxRows) {
            connection.finish();
            return done(Capture::Status::TooManyRows);
        }
        capture.result.appendBatch(batch);
        if (capture.result.memoryUsed() > limits.maxBytes) {
            connection.finish();
            return done(Capture::Status::TooLarge);
        }
    }
    connection.finish();
    return done(Capture::Status::Ok);
}

Capture ResultCapture::runScript(DatabaseConnection &connection, const QString &sql, const CaptureLimits &limits)
{
    Capture capture;
    capture.sql = sql;
    capture.limits = limits;
    if (SqlText::isBlank(sql)) {
        capture.status = Capture::Status::Empty;
        return capture;
    }

    QElapsedTimer timer;
    timer.start();
    QueryWatchdog watchdog(&connection, limits.timeoutMs);
    auto done = [&](Capture::Status status) {
        watchdog.stop();
        capture.status = status;
        capture.elapsedMs = timer.elapsed();
        return capture;
    };

    int offset = 0;
    RowBatch batch;
    while (offset < sql.size()) {
        const QString rest = sql.mid(offset);
        if (SqlText::isBlank(rest))
            break;
        if (SqlText::startsWithTransactionControl(rest))
            return done(Capture::Status::TransactionControl);
        const StatementStatus status = connection.execute(rest);
        if (!status.ok) {
            capture.error = status.error;
            if (capture.error.position >= 0)
                capture.error.position += offset;
            return done(failure(watchdog));
        }
        if (status.empty || status.consumed <= 0) {
            connection.finish();
            break;
        }
        ++capture.statements;
        if (status.hasRows) {
            const int columns = int(connection.columns().size());
            qint64 fetched = 0;
            bool atEnd = false;
            while (!atEnd && fetched <= limits.maxRows) {
                batch.reset(columns);
                QueryError error;
                if (!connection.fetch(batch, batchRows, &atEnd, &error)) {
                    capture.error = error;
                    connection.finish();
                    return done(failure(watchdog));
                }
                fetched += batch.rowCount();
            }
        }
        const qint64 affected = status.hasRows ? connection.rowsAffected() : status.rowsAffected;
        if (affected >= 0)
            capture.rowsAffected = std::max<qint64>(capture.rowsAffected, 0) + affected;
        connection.finish();
        offset += status.consumed;
    }
    return done(Capture::Status::Ok); // a limit that passed just as the last statement ended is forgiven
}

} // namespace dblearn

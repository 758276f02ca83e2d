#include "clicontext.h"
#include "commands.h"
#include "resultprinter.h"

#include "backends/backendregistry.h"

#include <QElapsedTimer>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>

namespace dblearn::cli {

namespace {

std::atomic<DatabaseConnection *> g_running{nullptr};

extern "C" void onInterrupt(int)
{
    // sqlite3_interrupt and PQcancel are safe to call from a signal handler.
    if (DatabaseConnection *connection = g_running.load())
        connection->cancel();
}

// Cancels the connection when the time limit passes, unless stopped first.
class Watchdog final
{
public:
    Watchdog(DatabaseConnection *connection, double seconds)
    {
        if (seconds <= 0)
            return;
        m_thread = std::thread([this, connection, seconds] {
            std::unique_lock<std::mutex> lock(m_mutex);
            if (!m_cv.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return m_stop; })) {
                m_fired = true;
                connection->cancel();
            }
        });
    }
    ~Watchdog()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }
    bool fired() const { return m_fired; }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    std::atomic<bool> m_fired{false};
    std::thread m_thread;
};

QString describe(const QueryError &error, const QString &sql, int offset)
{
    QString text = error.message;
    if (error.position >= 0) {
        const int absolute = offset + error.position;
        const int line = int(sql.left(absolute).count(QLatin1Char('\n'))) + 1;
        const int column = absolute - int(sql.lastIndexOf(QLatin1Char('\n'), absolute - 1));
        text += QStringLiteral(" (line %1, column %2)").arg(line).arg(column);
    }
    return text;
}

} // namespace

int queryCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Run SQL on a database and print the results."));
    parser.addPositionalArgument(QStringLiteral("SQL"), QStringLiteral("One or more statements, or - to read stdin."));
    const QCommandLineOption backendOption(QStringLiteral("backend"), QStringLiteral("Backend id (see `backends`)."),
                                           QStringLiteral("ID"));
    const QCommandLineOption connectionOption(QStringLiteral("connection"),
                                              QStringLiteral("Connection URI: sqlite::memory:, sqlite:///abs/path.db"),
                                              QStringLiteral("URI"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("table (default), csv or json."),
                                          QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Cancel the query after this many seconds (0: none)."),
                                           QStringLiteral("SECONDS"), QStringLiteral("0"));
    const QCommandLineOption maxRowsOption(QStringLiteral("max-rows"),
                                           QStringLiteral("Print at most N rows per statement (-1: all)."),
                                           QStringLiteral("N"), QStringLiteral("-1"));
    parser.addOptions({backendOption, connectionOption, formatOption, timeoutOption, maxRowsOption});
    if (const int code = parseCommand(parser, QStringLiteral("query"), args); code >= 0)
        return code;

    if (!parser.isSet(backendOption))
        return fail(QStringLiteral("query needs --backend ID (see dblearn-cli backends)"), 2);
    if (!parser.isSet(connectionOption))
        return fail(QStringLiteral("query needs --connection URI, e.g. sqlite::memory:"), 2);
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("query needs exactly one SQL argument (quote it), or - to read stdin"), 2);
    ResultPrinter::Format format;
    if (!ResultPrinter::parseFormat(parser.value(formatOption), &format))
        return fail(QStringLiteral("unknown format \"%1\" (table, csv or json)").arg(parser.value(formatOption)), 2);
    bool numberOk = false;
    const double timeout = parser.value(timeoutOption).toDouble(&numberOk);
    if (!numberOk || timeout < 0)
        return fail(QStringLiteral("--timeout needs a number of seconds"), 2);
    const qint64 maxRows = parser.value(maxRowsOption).toLongLong(&numberOk);
    if (!numberOk)
        return fail(QStringLiteral("--max-rows needs a whole number"), 2);

    QString sql = parser.positionalArguments().first();
    if (sql == QLatin1String("-")) {
        QTextStream in(stdin);
        sql = in.readAll();
    }

    QString error;
    const ConnectionUri uri = ConnectionUri::parse(parser.value(connectionOption), &error);
    if (!uri.isValid())
        return fail(error, 2);

    BackendRegistry registry;
    registry.scan();
    std::unique_ptr<DatabaseConnection> connection = registry.createConnection(parser.value(backendOption), &error);
    if (!connection)
        return fail(error, 2);
    if (const BackendInfo *info = registry.find(parser.value(backendOption));
        !info->uriSchemes.isEmpty() && !info->uriSchemes.contains(uri.scheme())) {
        return fail(QStringLiteral("backend \"%1\" does not take %2: URIs (it takes %3)")
                        .arg(info->id, uri.scheme(), info->uriSchemes.join(QStringLiteral(", "))),
                    2);
    }

    QueryError openError;
    if (!connection->open(uri, &openError))
        return fail(QStringLiteral("cannot open %1: %2").arg(uri.displayString(), openError.message));

    g_running = connection.get();
    std::signal(SIGINT, onInterrupt);
    Watchdog watchdog(connection.get(), timeout);

    ResultPrinter printer(out(), format);
    printer.begin();
    int offset = 0;
    int exitCode = 0;
    RowBatch batch;
    while (offset < sql.size()) {
        // A view of the rest of the script, not a copy: copying it per statement is quadratic.
        const QString rest = QString::fromRawData(sql.constData() + offset, sql.size() - offset);
        StatementStatus status = connection->execute(rest);
        if (!status.ok) {
            printer.end();
            QString message = describe(status.error, sql, offset);
            if (status.error.kind == QueryError::Kind::Cancelled && watchdog.fired())
                message = QStringLiteral("cancelled after the %1 s time limit").arg(timeout);
            exitCode = fail(message);
            break;
        }
        if (status.empty || status.consumed <= 0 || rest.left(status.consumed).trimmed().isEmpty())
            break;
        if (status.hasRows) {
            const ColumnList columns = connection->columns();
            printer.beginResult(columns);
            qint64 rowCount = 0;
            bool atEnd = false;
            bool truncated = false;
            QueryError fetchError;
            while (!atEnd) {
                int want = 5000;
                if (maxRows >= 0 && rowCount + want > maxRows)
                    want = int(maxRows - rowCount);
                if (want <= 0) {
                    truncated = true;
                    break;
                }
                batch.reset(int(columns.size()));
                if (!connection->fetch(batch, want, &atEnd, &fetchError))
                    break;
                rowCount += batch.rowCount();
                printer.addRows(batch);
            }
            if (fetchError.isError()) {
                printer.endResult(rowCount, true);
                printer.end();
                QString message = describe(fetchError, sql, offset);
                if (fetchError.kind == QueryError::Kind::Cancelled && watchdog.fired())
                    message = QStringLiteral("cancelled after the %1 s time limit").arg(timeout);
                exitCode = fail(message);
                break;
            }
            printer.endResult(rowCount, truncated);
        } else {
            printer.statementDone(status.rowsAffected);
            if (format != ResultPrinter::Format::Json && status.rowsAffected > 0)
                err() << status.rowsAffected << (status.rowsAffected == 1 ? " row" : " rows") << " affected\n";
        }
        connection->finish();
        for (const QString &message : status.messages + connection->takeMessages())
            err() << message << '\n';
        offset += status.consumed;
    }
    if (exitCode == 0)
        printer.end();
    g_running = nullptr;
    std::signal(SIGINT, SIG_DFL);
    connection->close();
    err().flush();
    return exitCode;
}

} // namespace dblearn::cli

// dblearn-bench-fetch --db FILE --mode ours|raw [--rows N]
//
// Times fetching every row of table t in FILE (created with N rows if missing, default 10,000,000):
//   raw:  sqlite3_prepare + a sqlite3_step loop that reads every value with the C API;
//   ours: the sqlite backend plugin, loaded through BackendRegistry, fetching batches of 10,000 rows
//         into one reused RowBatch.
// Prints one JSON line: {"mode": ..., "rows": ..., "seconds": ...}. Only the query and the fetch are timed.

#include "backends/backendregistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

#include <cstdio>

using namespace dblearn;

namespace {

constexpr int BatchRows = 10000;

int fail(const QString &message)
{
    std::fprintf(stderr, "dblearn-bench-fetch: %s\n", qUtf8Printable(message));
    return 1;
}

bool exec(sqlite3 *db, const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    std::fprintf(stderr, "dblearn-bench-fetch: %s: %s\n", sql, message);
    sqlite3_free(message);
    return false;
}

// Writes the table into FILE.part in one transaction, then renames it, so that an interrupted
// run never leaves a half-filled database behind.
bool createDatabase(const QString &path, qint64 rows)
{
    const QString partial = path + QStringLiteral(".part");
    QFile::remove(partial);
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(partial).constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "dblearn-bench-fetch: cannot create %s: %s\n", qUtf8Printable(partial), sqlite3_errmsg(db));
        sqlite3_close_v2(db);
        return false;
    }
    bool ok = exec(db, "PRAGMA journal_mode = OFF") && exec(db, "PRAGMA synchronous = OFF")
        && exec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, amount REAL, note TEXT)")
        && exec(db, "BEGIN");
    sqlite3_stmt *insert = nullptr;
    ok = ok && sqlite3_prepare_v2(db, "INSERT INTO t(id, name, amount, note) VALUES (?1, ?2, ?3, ?4)", -1, &insert,
                                  nullptr) == SQLITE_OK;
    static const char *const notes[] = {"ok", "paid", "late", "refund", "gift", "new customer"};
    char name[32];
    for (qint64 id = 1; ok && id <= rows; ++id) {
        const int nameSize = std::snprintf(name, sizeof name, "customer-%lld", static_cast<long long>(id % 100000));
        sqlite3_bind_int64(insert, 1, id);
        sqlite3_bind_text(insert, 2, name, nameSize, SQLITE_STATIC);
        sqlite3_bind_double(insert, 3, double((id * 7919) % 1000000) / 100.0);
        if (id % 7 == 0)
            sqlite3_bind_null(insert, 4);
        else
            sqlite3_bind_text(insert, 4, notes[id % 6], -1, SQLITE_STATIC);
        ok = sqlite3_step(insert) == SQLITE_DONE;
        sqlite3_reset(insert);
    }
    if (!ok)
        std::fprintf(stderr, "dblearn-bench-fetch: %s\n", sqlite3_errmsg(db));
    sqlite3_finalize(insert);
    ok = ok && exec(db, "COMMIT");
    sqlite3_close_v2(db);
    return ok && QFile::rename(partial, path);
}

// The baseline: what any program reading these rows with the C API has to do at least.
// Opened like the plugin opens files (one thread per connection: no mutex per call).
bool fetchRaw(const QString &path, qint64 *rows, double *seconds)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "dblearn-bench-fetch: %s\n", sqlite3_errmsg(db));
        sqlite3_close_v2(db);
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT * FROM t", -1, &stmt, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "dblearn-bench-fetch: %s\n", sqlite3_errmsg(db));
        sqlite3_close_v2(db);
        return false;
    }
    const int columns = sqlite3_column_count(stmt);
    qint64 count = 0;
    quint64 checksum = 0;
    double total = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        ++count;
        for (int c = 0; c < columns; ++c) {
            switch (sqlite3_column_type(stmt, c)) {
            case SQLITE_INTEGER:
                checksum += quint64(sqlite3_column_int64(stmt, c));
                break;
            case SQLITE_FLOAT:
                total += sqlite3_column_double(stmt, c);
                break;
            case SQLITE_TEXT: {
                const unsigned char *text = sqlite3_column_text(stmt, c);
                const int size = sqlite3_column_bytes(stmt, c);
                checksum += quint64(size) + (size ? text[size - 1] : 0);
                break;
            }
            case SQLITE_BLOB: {
                const void *blob = sqlite3_column_blob(stmt, c);
                checksum += quint64(sqlite3_column_bytes(stmt, c)) + (blob ? 1 : 0);
                break;
            }
            default:
                ++checksum;
                break;
            }
        }
    }
    sqlite3_finalize(stmt);
    *seconds = double(timer.nsecsElapsed()) / 1e9;
    sqlite3_close_v2(db);
    if (rc != SQLITE_DONE)
        return false;
    *rows = count;
    // Keeps the reads observable, so the compiler cannot drop them.
    if (checksum == 42 && total == 4.2)
        std::fprintf(stderr, "\n");
    return true;
}

bool fetchOurs(const QString &path, qint64 *rows, double *seconds)
{
    BackendRegistry registry;
    registry.scan();
    QString error;
    std::unique_ptr<DatabaseConnection> connection = registry.createConnection(QStringLiteral("sqlite"), &error);
    if (!connection) {
        std::fprintf(stderr, "dblearn-bench-fetch: %s\n", qUtf8Printable(error));
        return false;
    }
    const ConnectionUri uri = ConnectionUri::parse(QStringLiteral("sqlite://") + path, &error);
    QueryError queryError;
    if (!uri.isValid() || !connection->open(uri, &queryError)) {
        std::fprintf(stderr, "dblearn-bench-fetch: %s\n", qUtf8Printable(uri.isValid() ? queryError.message : error));
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const StatementStatus status = connection->execute(QStringLiteral("SELECT * FROM t"));
    if (!status.ok || !status.hasRows) {
        std::fprintf(stderr, "dblearn-bench-fetch: %s\n", qUtf8Printable(status.error.message));
        return false;
    }
    RowBatch batch(int(connection->columns().size()));
    qint64 count = 0;
    bool atEnd = false;
    while (!atEnd) {
        batch.clear();
        if (!connection->fetch(batch, BatchRows, &atEnd, &queryError)) {
            std::fprintf(stderr, "dblearn-bench-fetch: %s\n", qUtf8Printable(queryError.message));
            return false;
        }
        count += batch.rowCount();
    }
    connection->finish();
    *seconds = double(timer.nsecsElapsed()) / 1e9;
    *rows = count;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times fetching every row of a SQLite table."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The database file (created if missing)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption modeOption(QStringLiteral("mode"), QStringLiteral("ours (the plugin) or raw (C API)."),
                                        QStringLiteral("MODE"));
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Rows when creating (default 10000000)."),
                                        QStringLiteral("N"), QStringLiteral("10000000"));
    parser.addOptions({dbOption, modeOption, rowsOption});
    parser.process(app);

    const QString mode = parser.value(modeOption);
    if (!parser.isSet(dbOption) || (mode != QLatin1String("ours") && mode != QLatin1String("raw")))
        return fail(QStringLiteral("usage: dblearn-bench-fetch --db FILE --mode ours|raw [--rows N]"));
    bool ok = false;
    const qint64 createRows = parser.value(rowsOption).toLongLong(&ok);
    if (!ok || createRows < 0)
        return fail(QStringLiteral("--rows needs a whole number"));
    const QString path = QFileInfo(parser.value(dbOption)).absoluteFilePath();
    if (!QFile::exists(path) && !createDatabase(path, createRows))
        return fail(QStringLiteral("could not create %1").arg(path));

    qint64 rows = 0;
    double seconds = 0;
    if (!(mode == QLatin1String("raw") ? fetchRaw(path, &rows, &seconds) : fetchOurs(path, &rows, &seconds)))
        return 1;
    const QJsonObject result{{QStringLiteral("mode"), mode},
                             {QStringLiteral("rows"), rows},
                             {QStringLiteral("seconds"), seconds}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

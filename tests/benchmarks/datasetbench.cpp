// dblearn-bench-dataset: how long creating a dataset in a SQLite file takes through the backend
// interface (DatasetBuilder: rows in batches through DatabaseConnection::insertRows(), which the
// SQLite plugin binds to a prepared statement), against a baseline of raw prepared-statement
// inserts of the same rows in one transaction through the SQLite C API.
//
//   dblearn-bench-dataset --mode ours|raw --scale N --db FILE [--dataset shop] [--seed S] [--checksum]
//
// Prints one JSON line: {"mode","dataset","scale","orders","rows","seconds","cpuSeconds"[,"checksum"]}.
// Both modes run the same DDL, the same generator code and the same index statements; only the
// way rows reach SQLite differs.

#include "backends/backendregistry.h"
#include "datasets/datasetbuilder.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetchecksum.h"
#include "datasets/sqldialect.h"
#include "datasets/valuetext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>
#include <sys/resource.h>

#include <cstdio>
#include <memory>
#include <vector>

using namespace dblearn;

namespace {

// User plus system CPU time of this process: steadier than wall time on a busy machine.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "dblearn-bench-dataset: %s\n", qPrintable(message));
    return 1;
}

// Binds each value to a prepared INSERT and steps it at the end of the row.
class PreparedWriter final : public TableWriter
{
public:
    PreparedWriter(sqlite3 *db, const TableSpec &table, QString *error) : m_db(db), m_name(table.name)
    {
        QStringList marks;
        for (int i = 0; i < table.columns.size(); ++i)
            marks << QStringLiteral("?");
        const QByteArray sql = SqlDialect().insertPrefix(table) + '(' + marks.join(QLatin1Char(',')).toUtf8() + ')';
        if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
            *error = QString::fromUtf8(sqlite3_errmsg(db));
    }
    ~PreparedWriter() override { sqlite3_finalize(m_stmt); }

    void addNull() override { sqlite3_bind_null(m_stmt, ++m_column); }
    void addInteger(qint64 value) override { sqlite3_bind_int64(m_stmt, ++m_column, value); }
    void addFixed(qint64 units, int decimals) override
    {
        double scale = 1;
        for (int i = 0; i < decimals; ++i)
            scale *= 10;
        sqlite3_bind_double(m_stmt, ++m_column, double(units) / scale);
    }
    void addText(const char *utf8, int size) override
    {
        sqlite3_bind_text(m_stmt, ++m_column, utf8, size, SQLITE_TRANSIENT);
    }
    void addTimestamp(qint64 seconds) override
    {
        char buffer[32];
        sqlite3_bind_text(m_stmt, ++m_column, buffer, ValueText::timestamp(seconds, buffer), SQLITE_TRANSIENT);
    }
    void addDate(qint64 seconds) override
    {
        char buffer[32];
        sqlite3_bind_text(m_stmt, ++m_column, buffer, ValueText::date(seconds, buffer), SQLITE_TRANSIENT);
    }
    void addBoolean(bool value) override { sqlite3_bind_int(m_stmt, ++m_column, value ? 1 : 0); }
    bool endRow() override
    {
        m_column = 0;
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        if (rc != SQLITE_DONE) {
            std::fprintf(stderr, "insert into %s: %s\n", qPrintable(m_name), sqlite3_errmsg(m_db));
            return false;
        }
        return true;
    }
    using TableWriter::addText;

    const QString &name() const { return m_name; }

private:
    sqlite3 *m_db;
    QString m_name;
    sqlite3_stmt *m_stmt = nullptr;
    int m_column = 0;
};

class PreparedSink final : public DatasetSink
{
public:
    PreparedSink(sqlite3 *db, const DatasetGenerator &generator, QString *error)
    {
        for (const TableSpec &table : generator.tables())
            m_writers.push_back(std::make_unique<PreparedWriter>(db, table, error));
    }
    TableWriter &table(const QString &name) override
    {
        for (const auto &w : m_writers) {
            if (w->name() == name)
                return *w;
        }
        qFatal("no table %s", qPrintable(name));
    }

private:
    std::vector<std::unique_ptr<PreparedWriter>> m_writers;
};

bool exec(sqlite3 *db, const QString &sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    *error = QString::fromUtf8(message) + QStringLiteral(" in: ") + sql.left(80);
    sqlite3_free(message);
    return false;
}

bool createRaw(const QString &path, const DatasetGenerator &generator, int scale, quint64 seed, QString *error)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, // as the plugin
                        nullptr)
        != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close_v2(db);
        return false;
    }
    // The same order of work as DatasetBuilder on SQLite: one transaction around everything.
    const SqlDialect dialect(SqlDialect::Kind::SQLite);
    bool ok = exec(db, QStringLiteral("BEGIN"), error);
    for (const QString &sql : DatasetBuilder::tableStatements(dialect, generator))
        ok = ok && exec(db, sql, error);
    if (ok) {
        PreparedSink sink(db, generator, error);
        ok = error->isEmpty() && generator.generate(sink, scale, seed);
    }
    for (const QString &sql : DatasetBuilder::indexStatements(dialect, generator))
        ok = ok && exec(db, sql, error);
    ok = ok && exec(db, QStringLiteral("COMMIT"), error);
    sqlite3_close_v2(db);
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Time creating a dataset in a SQLite file."));
    parser.addHelpOption();
    const QCommandLineOption modeOption(QStringLiteral("mode"), QStringLiteral("ours or raw"), QStringLiteral("MODE"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"), QStringLiteral("Scale factor."), QStringLiteral("N"),
                                         QStringLiteral("1"));
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The SQLite file (replaced)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption datasetOption(QStringLiteral("dataset"), QStringLiteral("Dataset (default shop)."),
                                           QStringLiteral("NAME"), QStringLiteral("shop"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Seed."), QStringLiteral("S"),
                                        QString::number(DatasetOptions::defaultSeed));
    const QCommandLineOption checksumOption(QStringLiteral("checksum"),
                                            QStringLiteral("Also print the dataset checksum (read through the plugin)."));
    parser.addOptions({modeOption, scaleOption, dbOption, datasetOption, seedOption, checksumOption});
    parser.process(app);

    const QString mode = parser.value(modeOption);
    if (mode != QLatin1String("ours") && mode != QLatin1String("raw"))
        return fail(QStringLiteral("--mode must be ours or raw"));
    bool ok = false;
    const int scale = parser.value(scaleOption).toInt(&ok);
    if (!ok || scale < 1)
        return fail(QStringLiteral("--scale needs a whole number of at least 1"));
    const quint64 seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--seed needs a whole number"));
    if (!parser.isSet(dbOption))
        return fail(QStringLiteral("--db FILE is required"));
    const QString path = QFileInfo(parser.value(dbOption)).absoluteFilePath();
    DatasetCatalog catalog;
    const DatasetGenerator *generator = catalog.find(parser.value(datasetOption));
    if (!generator)
        return fail(QStringLiteral("unknown dataset %1").arg(parser.value(datasetOption)));

    for (const QString &suffix : {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);

    BackendRegistry registry;
    registry.scan();
    QString error;
    double seconds = 0;
    const double cpuBefore = cpuSeconds();
    if (mode == QLatin1String("ours")) {
        auto connection = registry.createConnection(QStringLiteral("sqlite"), &error);
        if (!connection)
            return fail(error);
        QueryError openError;
        if (!connection->open(ConnectionUri::parse(QStringLiteral("sqlite://") + path, &error), &openError))
            return fail(openError.message);
        DatasetOptions options;
        options.scale = scale;
        options.seed = seed;
        QElapsedTimer timer;
        timer.start();
        if (!DatasetBuilder::create(*connection, QStringLiteral("sqlite"), *generator, options, &error))
            return fail(error);
        seconds = double(timer.nsecsElapsed()) / 1e9;
    } else {
        QElapsedTimer timer;
        timer.start();
        if (!createRaw(path, *generator, scale, seed, &error))
            return fail(error);
        seconds = double(timer.nsecsElapsed()) / 1e9;
    }

    const double cpu = cpuSeconds() - cpuBefore;
    QJsonObject result{{QStringLiteral("mode"), mode},
                       {QStringLiteral("dataset"), generator->name()},
                       {QStringLiteral("scale"), scale},
                       {QStringLiteral("orders"), generator->rowCount(QStringLiteral("orders"), scale)},
                       {QStringLiteral("rows"), generator->totalRows(scale)},
                       {QStringLiteral("seconds"), qRound64(seconds * 1000) / 1000.0},
                       {QStringLiteral("cpuSeconds"), qRound64(cpu * 1000) / 1000.0}};
    if (parser.isSet(checksumOption)) {
        auto connection = registry.createConnection(QStringLiteral("sqlite"), &error);
        QueryError openError;
        if (!connection || !connection->open(ConnectionUri::parse(QStringLiteral("sqlite://") + path, &error), &openError))
            return fail(error + openError.message);
        const DatasetChecksum sum = DatasetChecksum::compute(*connection, *generator, &error);
        if (!sum.isValid())
            return fail(error);
        result.insert(QStringLiteral("checksum"), sum.toString());
    }
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

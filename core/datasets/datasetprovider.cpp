#include "datasets/datasetprovider.h"

#include "backends/backendregistry.h"
#include "datasets/datasetbuilder.h"
#include "datasets/datasetcatalog.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QUuid>

#include <mutex>

namespace dblearn {

namespace {

// A connection to a throw-away copy of a dataset file; the file goes when the connection does.
class DisposableFileConnection final : public DatabaseConnection
{
public:
    DisposableFileConnection(std::unique_ptr<DatabaseConnection> inner, QString file)
        : m_inner(std::move(inner)), m_file(std::move(file))
    {
    }
    ~DisposableFileConnection() override
    {
        m_inner->close();
        m_inner.reset();
        QFile::remove(m_file);
        QFile::remove(m_file + QLatin1String("-journal"));
        QFile::remove(m_file + QLatin1String("-wal"));
        QFile::remove(m_file + QLatin1String("-shm"));
    }
    bool open(const ConnectionUri &uri, QueryError *error) override { return m_inner->open(uri, error); }
    void close() override { m_inner->close(); }
    bool isOpen() const override { return m_inner->isOpen(); }
    QString serverVersion() const override { return m_inner->serverVersion(); }
    StatementStatus execute(const QString &sql) override { return m_inner->execute(sql); }
    ColumnList columns() const override { return m_inner->columns(); }
    bool fetch(RowBatch &batch, int maxRows, bool *atEnd, QueryError *error) override
    {
        return m_inner->fetch(batch, maxRows, atEnd, error);
    }
    void finish() override { m_inner->finish(); }
    qint64 rowsAffected() const override { return m_inner->rowsAffected(); }
    void cancel() override { m_inner->cancel(); }
    ExplainResult explain(const QString &sql, const ExplainOptions &options, QueryError *error) override
    {
        return m_inner->explain(sql, options, error);
    }
    SchemaInfo schema(QueryError *error) override { return m_inner->schema(error); }
    QStringList takeMessages() override { return m_inner->takeMessages(); }
    StatementStatus insertRows(const QString &table, const QStringList &columns, const RowBatch &rows) override
    {
        return m_inner->insertRows(table, columns, rows);
    }

private:
    std::unique_ptr<DatabaseConnection> m_inner;
    QString m_file;
};

} // namespace

struct DatasetProvider::Private {
    const BackendRegistry &registry;
    QString cacheDir;
    QString workDir;
    DatasetCatalog catalog;
    QHash<QString, QString> serverUris;
    std::mutex mutex;
    std::mutex creationMutex; // held while a dataset is created on a server

    std::unique_ptr<DatabaseConnection> openSqlite(const QString &uriText, QString *error)
    {
        std::unique_ptr<DatabaseConnection> connection = registry.createConnection(QStringLiteral("sqlite"), error);
        if (!connection)
            return nullptr;
        const ConnectionUri uri = ConnectionUri::parse(uriText, error);
        QueryError openError;
        if (!uri.isValid() || !connection->open(uri, &openError)) {
            if (openError.isError())
                *error = openError.message;
            return nullptr;
        }
        return connection;
    }

    static QString sqliteUri(const QString &file) { return QStringLiteral("sqlite://") + QDir::cleanPath(file); }

    // The pristine dataset file for (name, seed), generated on first use.
    QString templateFile(const QString &dataset, quint64 seed, QString *error)
    {
        const DatasetGenerator *generator = catalog.find(dataset);
        if (!generator) {
            *error = QStringLiteral("unknown dataset \"%1\" (known: %2)").arg(dataset, catalog.names().join(QStringLiteral(", ")));
            return {};
        }
        const QString dir = cacheDir + QLatin1String("/datasets");
        const QString file = dir + QStringLiteral("/%1-scale1-seed%2.sqlite").arg(dataset).arg(seed);
        std::lock_guard<std::mutex> lock(mutex);
        if (QFile::exists(file))
            return file;
        if (!QDir().mkpath(dir)) {
            *error = QStringLiteral("cannot create the dataset folder %1").arg(dir);
            return {};
        }
        // Build under a temporary name, then rename: a crash never leaves a half-made template.
        const QString building = file + QLatin1String(".building-") + QUuid::createUuid().toString(QUuid::Id128);
        bool ok = false;
        {
            std::unique_ptr<DatabaseConnection> connection = openSqlite(sqliteUri(building), error);
            if (connection) {
                DatasetOptions options;
                options.seed = seed;
                ok = DatasetBuilder::create(*connection, QStringLiteral("sqlite"), *generator, options, error);
                connection->close();
            }
        }
        if (ok && !QFile::rename(building, file)) {
            *error = QStringLiteral("cannot store the dataset file %1").arg(file);
            ok = false;
        }
        QFile::remove(building);
        if (!ok) {
            *error = QStringLiteral("the dataset \"%1\" could not be created: %2").arg(dataset, *error);
            return {};
        }
        return file;
    }

    std::unique_ptr<DatabaseConnection> openServer(const QString &engine, const QString &dataset, QString *error)
    {
        QString uriText;
        {
            std::lock_guard<std::mutex> lock(mutex);
            uriText = serverUris.value(engine);
        }
        if (uriText.isEmpty()) {
            *error = QStringLiteral("no %1 server is set up: this code needs one (see Tools → Servers)").arg(engine);
            return nullptr;
        }
        std::unique_ptr<DatabaseConnection> connection = registry.createConnection(engine, error);
        if (!connection)
            return nullptr;
        const ConnectionUri uri = ConnectionUri::parse(uriText, error);
        QueryError openError;
        if (!uri.isValid() || !connection->open(uri, &openError)) {
            if (openError.isError())
                *error = openError.message;
            return nullptr;
        }
        if (!dataset.isEmpty()) {
            const DatasetGenerator *generator = catalog.find(dataset);
            if (!generator) {
                *error = QStringLiteral("unknown dataset \"%1\"").arg(dataset);
                return nullptr;
            }
            // Created on first use: the first table's presence tells. Lessons checked in parallel
            // may ask for the same dataset at once: one creates it, the others wait and find it.
            std::lock_guard<std::mutex> creating(creationMutex);
            const StatementStatus probe =
                connection->execute(QStringLiteral("SELECT 1 FROM ") + generator->tables().first().name + QLatin1String(" WHERE 1 = 0"));
            connection->finish();
            const BackendInfo *info = registry.find(engine);
            if (!probe.ok
                && !DatasetBuilder::create(*connection, info ? info->dialect : engine, *generator, DatasetOptions{}, error))
                return nullptr;
        }
        return connection;
    }
};

DatasetProvider::DatasetProvider(const BackendRegistry &registry, const QString &cacheDir, const QString &workDir)
    : d(new Private{registry, cacheDir, workDir, {}, {}, {}, {}})
{
    // Throw-away copies left by a crash.
    QDir tmp(workDir + QLatin1String("/tmp"));
    for (const QString &name : tmp.entryList({QStringLiteral("*.sqlite*")}, QDir::Files))
        tmp.remove(name);
}

DatasetProvider::~DatasetProvider() = default;

quint64 DatasetProvider::variantSeed()
{
    return DatasetOptions::defaultSeed + 1;
}

void DatasetProvider::setServerUri(const QString &engine, const QString &uri)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    d->serverUris.insert(engine, uri);
}

bool DatasetProvider::hasEngine(const QString &engine) const
{
    if (!d->registry.isLoaded(engine))
        return false;
    if (engine == QLatin1String("sqlite"))
        return true;
    std::lock_guard<std::mutex> lock(d->mutex);
    return !d->serverUris.value(engine).isEmpty();
}

std::unique_ptr<DatabaseConnection> DatasetProvider::openWorking(const QString &engine, const QString &dataset,
                                                                 QString *error)
{
    if (engine != QLatin1String("sqlite"))
        return d->openServer(engine, dataset, error);
    if (dataset.isEmpty())
        return d->openSqlite(QStringLiteral("sqlite::memory:"), error); // a clean database every run
    const QString file = d->workDir + QLatin1Char('/') + dataset + QLatin1String(".sqlite");
    if (!QFile::exists(file) && !reset(engine, dataset, error))
        return nullptr;
    return d->openSqlite(Private::sqliteUri(file), error);
}

std::unique_ptr<DatabaseConnection> DatasetProvider::openFresh(const QString &engine, const QString &dataset,
                                                               quint64 seed, QString *error)
{
    if (engine != QLatin1String("sqlite"))
        return d->openServer(engine, dataset, error);
    if (dataset.isEmpty())
        return d->openSqlite(QStringLiteral("sqlite::memory:"), error);
    const QString templateFile = d->templateFile(dataset, seed, error);
    if (templateFile.isEmpty())
        return nullptr;
    const QString dir = d->workDir + QLatin1String("/tmp");
    QDir().mkpath(dir);
    const QString copy = dir + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::Id128) + QLatin1String(".sqlite");
    if (!QFile::copy(templateFile, copy)) {
        *error = QStringLiteral("cannot copy the dataset \"%1\" to %2").arg(dataset, dir);
        return nullptr;
    }
    QFile(copy).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    std::unique_ptr<DatabaseConnection> connection = d->openSqlite(Private::sqliteUri(copy), error);
    if (!connection) {
        QFile::remove(copy);
        return nullptr;
    }
    return std::make_unique<DisposableFileConnection>(std::move(connection), copy);
}

bool DatasetProvider::reset(const QString &engine, const QString &dataset, QString *error)
{
    if (engine != QLatin1String("sqlite")) {
        std::unique_ptr<DatabaseConnection> connection = d->openServer(engine, QString(), error);
        const DatasetGenerator *generator = d->catalog.find(dataset);
        const BackendInfo *info = d->registry.find(engine);
        return connection && generator
               && DatasetBuilder::create(*connection, info ? info->dialect : engine, *generator, DatasetOptions{}, error);
    }
    const QString templateFile = d->templateFile(dataset, DatasetOptions::defaultSeed, error);
    if (templateFile.isEmpty())
        return false;
    if (!QDir().mkpath(d->workDir)) {
        *error = QStringLiteral("cannot create the folder %1").arg(d->workDir);
        return false;
    }
    const QString file = d->workDir + QLatin1Char('/') + dataset + QLatin1String(".sqlite");
    const QString incoming = file + QLatin1String(".incoming");
    QFile::remove(incoming);
    if (!QFile::copy(templateFile, incoming)) {
        *error = QStringLiteral("cannot copy the dataset \"%1\" into %2").arg(dataset, d->workDir);
        return false;
    }
    QFile(incoming).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QFile::remove(file + QLatin1String("-wal"));
    QFile::remove(file + QLatin1String("-shm"));
    QFile::remove(file + QLatin1String("-journal"));
    QFile::remove(file);
    if (!QFile::rename(incoming, file)) {
        *error = QStringLiteral("cannot replace %1").arg(file);
        return false;
    }
    return true;
}

} // namespace dblearn

#pragma once

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace dblearn {

class DatabaseConnection;
class DatasetGenerator;
class SqlDialect;

struct DatasetProgress {
    enum class Stage { Dropping, Creating, Inserting, Indexing, Done };
    Stage stage = Stage::Dropping;
    QString table;       // the table being worked on, when there is one
    qint64 rowsDone = 0; // rows inserted so far, all tables
    qint64 rowsTotal = 0;
};

struct DatasetOptions {
    static constexpr quint64 defaultSeed = 42;
    int scale = 1;
    quint64 seed = defaultSeed;
    std::function<void(const DatasetProgress &)> progress;
    const std::atomic<bool> *cancel = nullptr; // set to true from any thread to stop (with connection->cancel())
};

// Creates a dataset in a database through the backend interface only, so the same code fills
// SQLite, PostgreSQL and MariaDB: drops the dataset's tables, creates them, inserts every row in
// batches through DatabaseConnection::insertRows(), then creates the indexes. Creating again resets the dataset.
// Where DDL is transactional (SQLite, PostgreSQL) all of it is one transaction, so a failure leaves
// the database as it was; on MySQL/MariaDB the rows are one transaction and a failure drops the
// half-made tables. Either way the error says which step failed and passes on the engine's message.
class DatasetBuilder final
{
public:
    static constexpr int maxScale = 10000;
    static constexpr qint64 maxRows = 200000000; // in all tables: beyond this a scale is surely a typo

    // `dialect` is BackendInfo::dialect: "sqlite", "postgresql" or "mysql".
    static bool create(DatabaseConnection &connection, const QString &dialect, const DatasetGenerator &generator,
                       const DatasetOptions &options, QString *error);
    // Drops the dataset's tables (those that exist).
    static bool drop(DatabaseConnection &connection, const QString &dialect, const DatasetGenerator &generator,
                     QString *error);

    // The schema as SQL for one engine: CREATE TABLE statements, then CREATE INDEX statements.
    static QStringList tableStatements(const SqlDialect &dialect, const DatasetGenerator &generator);
    static QStringList indexStatements(const SqlDialect &dialect, const DatasetGenerator &generator);
};

} // namespace dblearn

#include "datasets/datasetbuilder.h"

#include "backends/databasebackend.h"
#include "datasets/batchinsertwriter.h"
#include "datasets/datasetgenerator.h"
#include "datasets/sqldialect.h"

#include <memory>
#include <vector>

namespace dblearn {

namespace {

// Takes the place of a writer for an unknown table name: a bug in a generator, reported as such.
class UnknownTableWriter final : public TableWriter
{
public:
    void addNull() override {}
    void addInteger(qint64) override {}
    void addFixed(qint64, int) override {}
    void addText(const char *, int) override {}
    void addTimestamp(qint64) override {}
    void addDate(qint64) override {}
    void addBoolean(bool) override {}
    bool endRow() override { return false; }
};

class WriterSet final : public DatasetSink
{
public:
    WriterSet(DatabaseConnection &connection, const DatasetGenerator &generator, InsertContext *context)
        : m_context(context)
    {
        for (const TableSpec &table : generator.tables())
            m_writers.push_back(std::make_unique<BatchInsertWriter>(connection, table, context));
        // Rows of earlier tables (parents) always reach the database before rows of later ones.
        for (size_t i = 1; i < m_writers.size(); ++i) {
            m_writers[i]->setBeforeFlush([this, i] {
                for (size_t j = 0; j < i; ++j) {
                    if (!m_writers[j]->flush())
                        return false;
                }
                return true;
            });
        }
    }

    TableWriter &table(const QString &name) override
    {
        for (const auto &writer : m_writers) {
            if (writer->tableName() == name)
                return *writer;
        }
        if (!m_context->failed) {
            m_context->failed = true;
            m_context->error = QStringLiteral("internal error: the generator wrote to an unknown table %1").arg(name);
        }
        return m_unknown;
    }

    bool flushAll()
    {
        for (const auto &writer : m_writers) {
            if (!writer->flush())
                return false;
        }
        return true;
    }

    const std::vector<std::unique_ptr<BatchInsertWriter>> &writers() const { return m_writers; }

private:
    InsertContext *m_context;
    UnknownTableWriter m_unknown;
    std::vector<std::unique_ptr<BatchInsertWriter>> m_writers;
};

bool run(DatabaseConnection &connection, const QString &sql, QString *message)
{
    const StatementStatus status = connection.execute(sql);
    connection.finish();
    if (!status.ok && message)
        *message = status.error.message;
    return status.ok;
}

bool cancelled(const DatasetOptions &options)
{
    return options.cancel && options.cancel->load();
}

} // namespace

QStringList DatasetBuilder::tableStatements(const SqlDialect &dialect, const DatasetGenerator &generator)
{
    QStringList statements;
    for (const TableSpec &table : generator.tables())
        statements << dialect.createTable(table);
    return statements;
}

QStringList DatasetBuilder::indexStatements(const SqlDialect &dialect, const DatasetGenerator &generator)
{
    QStringList statements;
    for (const TableSpec &table : generator.tables()) {
        for (const IndexSpec &index : table.indexes)
            statements << dialect.createIndex(table.name, index);
    }
    return statements;
}

bool DatasetBuilder::drop(DatabaseConnection &connection, const QString &dialectName,
                          const DatasetGenerator &generator, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("Could not drop dataset \"%1\": %2").arg(generator.name(), why);
        return false;
    };
    SqlDialect dialect;
    if (!SqlDialect::fromName(dialectName, &dialect))
        return fail(QStringLiteral("unknown SQL dialect \"%1\"").arg(dialectName));
    if (!connection.isOpen())
        return fail(QStringLiteral("the database connection is not open"));
    const QList<TableSpec> &tables = generator.tables();
    for (auto it = tables.crbegin(); it != tables.crend(); ++it) {
        QString message;
        if (!run(connection, dialect.dropTable(it->name), &message))
            return fail(QStringLiteral("dropping table %1 failed: %2").arg(it->name, message));
    }
    return true;
}

bool DatasetBuilder::create(DatabaseConnection &connection, const QString &dialectName,
                            const DatasetGenerator &generator, const DatasetOptions &options, QString *error)
{
    const QString what = QStringLiteral("Could not create dataset \"%1\"").arg(generator.name());
    const auto fail = [&](const QString &why) {
        if (error)
            *error = what + QStringLiteral(": ") + why;
        return false;
    };
    SqlDialect dialect;
    if (!SqlDialect::fromName(dialectName, &dialect))
        return fail(QStringLiteral("unknown SQL dialect \"%1\" (expected one of: %2)")
                        .arg(dialectName, SqlDialect::names().join(QStringLiteral(", "))));
    if (options.scale < 1 || options.scale > maxScale)
        return fail(QStringLiteral("scale must be between 1 and %1, not %2").arg(maxScale).arg(options.scale));
    if (generator.totalRows(options.scale) > maxRows) {
        return fail(QStringLiteral("scale %1 would make %2 million rows; the limit is %3 million")
                        .arg(options.scale)
                        .arg(generator.totalRows(options.scale) / 1000000)
                        .arg(maxRows / 1000000));
    }
    if (!connection.isOpen())
        return fail(QStringLiteral("the database connection is not open"));

    const QList<TableSpec> &tables = generator.tables();
    DatasetProgress progress;
    progress.rowsTotal = generator.totalRows(options.scale);
    const auto report = [&](DatasetProgress::Stage stage, const QString &table) {
        progress.stage = stage;
        progress.table = table;
        if (options.progress)
            options.progress(progress);
    };

    // Where DDL is transactional (SQLite, PostgreSQL) everything happens in one transaction: a
    // failure rolls back to the database as it was, old dataset included, and a small dataset costs
    // one commit. Elsewhere (MySQL commits DDL implicitly) only the rows are in the transaction,
    // and a failure drops the half-made tables instead.
    const bool atomic = dialect.hasTransactionalDdl();
    bool inTransaction = false;
    const auto abandon = [&](const QString &why) {
        if (inTransaction)
            run(connection, dialect.rollback(), nullptr);
        if (!atomic) {
            for (auto it = tables.crbegin(); it != tables.crend(); ++it)
                run(connection, dialect.dropTable(it->name), nullptr);
        }
        return fail(why);
    };
    const auto begin = [&] {
        QString message;
        if (!run(connection, dialect.beginTransaction(), &message))
            return fail(QStringLiteral("starting a transaction failed: %1").arg(message));
        inTransaction = true;
        return true;
    };

    if (atomic && !begin())
        return false;
    for (auto it = tables.crbegin(); it != tables.crend(); ++it) {
        report(DatasetProgress::Stage::Dropping, it->name);
        QString message;
        if (!run(connection, dialect.dropTable(it->name), &message))
            return abandon(QStringLiteral("dropping the existing table %1 failed: %2").arg(it->name, message));
    }
    for (const TableSpec &table : tables) {
        report(DatasetProgress::Stage::Creating, table.name);
        QString message;
        if (!run(connection, dialect.createTable(table), &message))
            return abandon(QStringLiteral("creating table %1 failed: %2").arg(table.name, message));
    }
    if (cancelled(options))
        return abandon(QStringLiteral("cancelled"));
    if (!atomic && !begin())
        return abandon(QStringLiteral("starting a transaction failed"));

    InsertContext context;
    context.cancel = options.cancel;
    context.progress = [&](const QString &table) {
        progress.rowsDone = context.rowsDone;
        report(DatasetProgress::Stage::Inserting, table);
    };
    WriterSet writers(connection, generator, &context);
    bool ok = generator.generate(writers, options.scale, options.seed) && writers.flushAll();
    if (ok) {
        for (const auto &writer : writers.writers()) {
            const qint64 expected = generator.rowCount(writer->tableName(), options.scale);
            if (writer->rowsWritten() != expected) {
                context.error = QStringLiteral("internal error: the generator wrote %1 rows into %2 instead of %3")
                                    .arg(writer->rowsWritten())
                                    .arg(writer->tableName())
                                    .arg(expected);
                ok = false;
                break;
            }
        }
    }
    if (!ok)
        return abandon(context.error.isEmpty() ? QStringLiteral("the generator stopped without saying why") : context.error);

    QString message;
    if (!atomic) {
        if (!run(connection, dialect.commit(), &message))
            return abandon(QStringLiteral("committing the rows failed: %1").arg(message));
        inTransaction = false;
    }
    for (const TableSpec &table : tables) {
        for (const QString &statement : dialect.afterLoad(table)) {
            if (!run(connection, statement, &message))
                return abandon(QStringLiteral("updating the identity of %1 failed: %2").arg(table.name, message));
        }
        for (const IndexSpec &index : table.indexes) {
            if (cancelled(options))
                return abandon(QStringLiteral("cancelled"));
            report(DatasetProgress::Stage::Indexing, table.name);
            if (!run(connection, dialect.createIndex(table.name, index), &message))
                return abandon(QStringLiteral("creating index %1 on %2 failed: %3").arg(index.name, table.name, message));
        }
    }
    if (atomic) {
        if (!run(connection, dialect.commit(), &message))
            return abandon(QStringLiteral("committing failed: %1").arg(message));
        inTransaction = false;
    }
    report(DatasetProgress::Stage::Done, QString());
    return true;
}

} // namespace dblearn

#pragma once

#include "backends/databasebackend.h"

#include <QAtomicInt>
#include <QObject>

#include <memory>

class QThread;

namespace dblearn {

class QueryWorker;

// Runs statements of one connection on a worker thread and streams the results back as signals,
// so a user interface never blocks. cancel() interrupts the running statement at once.
class QueryRunner final : public QObject
{
    Q_OBJECT
public:
    explicit QueryRunner(std::unique_ptr<DatabaseConnection> connection, QObject *parent = nullptr);
    ~QueryRunner() override;
    Q_DISABLE_COPY_MOVE(QueryRunner)

    void open(const ConnectionUri &uri);
    // Runs every statement of `script` in turn; stops at the first error. At most `rowLimit` rows
    // are delivered per statement (-1: all); batches hold up to `batchSize` rows.
    void run(const QString &script, qint64 rowLimit = -1, int batchSize = 2000);
    void cancel();
    bool isBusy() const { return m_busy.loadAcquire() != 0; }
    // Asks the connection for a plan or its catalog on the worker thread (answers: explained, schemaRead).
    void explain(const QString &sql, const dblearn::ExplainOptions &options);
    void readSchema();

signals:
    void opened(bool ok, const QString &serverVersion, const QString &error);
    void statementStarted(int statement, int offset, int length, const dblearn::ColumnList &columns);
    void rowsReady(int statement, const dblearn::RowBatch &rows);
    void statementFinished(int statement, const dblearn::StatementStatus &status, bool truncated);
    void finished(bool ok);
    void explained(const dblearn::ExplainResult &result, const dblearn::QueryError &error);
    void schemaRead(const dblearn::SchemaInfo &schema, const dblearn::QueryError &error);

private:
    QThread *m_thread = nullptr;
    QueryWorker *m_worker = nullptr;
    DatabaseConnection *m_connection = nullptr; // owned by the worker; used here only for cancel()
    QAtomicInt m_busy;
    QAtomicInt m_cancelled;
};

} // namespace dblearn

Q_DECLARE_METATYPE(dblearn::ColumnList)
Q_DECLARE_METATYPE(dblearn::RowBatch)
Q_DECLARE_METATYPE(dblearn::StatementStatus)
Q_DECLARE_METATYPE(dblearn::ExplainResult)
Q_DECLARE_METATYPE(dblearn::SchemaInfo)
Q_DECLARE_METATYPE(dblearn::QueryError)

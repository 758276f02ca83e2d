#pragma once

#include "backends/databasebackend.h"

#include <QStringList>

#include <atomic>
#include <utility>
#include <mutex>

#include <libpq-fe.h>

namespace dblearn {

// One connection to a PostgreSQL server, on libpq.
//
// Statements are sent one at a time with the extended protocol (so a statement can never smuggle
// in a second one) and read in single-row mode: rows stream into RowBatches and a result is never
// held whole in memory. cancel() sends libpq's cancel request from any thread; the connection stays
// usable. A connection the server dropped is re-established once at the next execute().
class PostgresqlConnection final : public DatabaseConnection
{
public:
    PostgresqlConnection() = default;
    ~PostgresqlConnection() override;
    Q_DISABLE_COPY_MOVE(PostgresqlConnection)

    bool open(const ConnectionUri &uri, QueryError *error) override;
    void close() override;
    bool isOpen() const override;
    QString serverVersion() const override;

    StatementStatus execute(const QString &sql) override;
    ColumnList columns() const override;
    bool fetch(RowBatch &batch, int maxRows, bool *atEnd, QueryError *error) override;
    void finish() override;
    qint64 rowsAffected() const override;

    void cancel() override;

    ExplainResult explain(const QString &sql, const ExplainOptions &options, QueryError *error) override;
    SchemaInfo schema(QueryError *error) override;
    QStringList takeMessages() override { return std::exchange(m_notices, {}); }
    StatementStatus insertRows(const QString &table, const QStringList &columns, const RowBatch &rows) override;

private:
    bool connectTo(const ConnectionUri &uri, QueryError *error);
    bool ensureConnected(QueryError *error);
    void setCancelHandle(PGcancel *handle);
    // Reads and discards results until the server says the statement is over.
    void drainResults();
    void appendRow(RowBatch &batch, const PGresult *result) const;
    QueryError resultError(const PGresult *result, qsizetype statementStart = 0, const QString &statement = {}) const;
    QueryError connectionError(const QString &context) const;

    static void noticeReceiver(void *self, const PGresult *result);

    PGconn *m_conn = nullptr;
    ConnectionUri m_uri;
    std::mutex m_cancelMutex; // guards m_cancelHandle against close() while another thread cancels
    PGcancel *m_cancelHandle = nullptr;
    std::atomic<bool> m_busy{false};
    std::atomic<bool> m_cancelRequested{false};

    PGresult *m_firstRow = nullptr; // the first single-row result, read by execute()
    bool m_inResult = false;        // rows remain to be fetched
    ColumnList m_columns;
    qint64 m_rowsAffected = -1;
    QStringList m_notices;
    qsizetype m_statementStart = 0;
    QString m_statement;
};

} // namespace dblearn

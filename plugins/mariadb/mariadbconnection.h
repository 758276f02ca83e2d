#pragma once

#include "backends/databasebackend.h"

#include <QStringList>

#include <atomic>
#include <mutex>

#include <mysql.h>

namespace dblearn {

// One connection to a MariaDB or MySQL server, on MariaDB Connector/C.
//
// Statements are sent one at a time (multi-statements are off, so a statement can never smuggle
// in a second one) and read unbuffered (mysql_use_result): rows stream into RowBatches. cancel()
// opens a second connection and sends KILL QUERY for this one's thread; the connection stays
// usable. A connection the server dropped is re-established once at the next execute().
class MariadbConnection final : public DatabaseConnection
{
public:
    MariadbConnection() = default;
    ~MariadbConnection() override;
    Q_DISABLE_COPY_MOVE(MariadbConnection)

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
    QStringList takeMessages() override;
    StatementStatus insertRows(const QString &table, const QStringList &columns, const RowBatch &rows) override;

    bool isMariadb() const { return m_isMariadb; }

private:
    // Opens a new handle on the URI's server; nullptr and *error on failure.
    static MYSQL *connectHandle(const ConnectionUri &uri, QueryError *error);
    bool reconnect(QueryError *error);
    QueryError lastError(qsizetype statementStart = 0, const QString &statement = {}); // marks a lost session
    QStringList readWarnings();
    void endResult();

    MYSQL *m_conn = nullptr;
    ConnectionUri m_uri;
    bool m_isMariadb = true;
    bool m_lostDuringStatement = false; // reconnect before the next statement
    bool m_resultWarningsPending = false; // a row result was read to its end: SHOW WARNINGS for it
    QString m_serverInfo;
    std::mutex m_cancelMutex;                 // one KILL QUERY at a time; close() waits for it
    std::atomic<unsigned long> m_threadId{0}; // the server's id of this session, for KILL QUERY
    std::atomic<bool> m_busy{false};
    std::atomic<bool> m_cancelRequested{false};

    MYSQL_RES *m_result = nullptr; // the unbuffered result being fetched
    ColumnList m_columns;
    qint64 m_rowsAffected = -1;
    qsizetype m_statementStart = 0;
    QString m_statement;
};

} // namespace dblearn

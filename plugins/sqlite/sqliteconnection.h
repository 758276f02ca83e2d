#pragma once

#include "backends/databasebackend.h"

#include <atomic>

struct sqlite3;
struct sqlite3_stmt;

namespace dblearn {

// One connection to an embedded SQLite database, on the SQLite C API.
//
// Learner SQL is untrusted: the connection runs in defensive mode, cannot load extensions,
// cannot ATTACH files, and does not trust functions found in the schema.
// cancel() may be called from any thread (and from a signal handler): it uses atomics only.
class SqliteConnection final : public DatabaseConnection
{
public:
    SqliteConnection();
    ~SqliteConnection() override;
    Q_DISABLE_COPY_MOVE(SqliteConnection)

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
    QStringList takeMessages() override { return {}; } // SQLite sends no notices
    StatementStatus insertRows(const QString &table, const QStringList &columns, const RowBatch &rows) override;

private:
    bool configure(QueryError *error);
    // Binds row `row` of `rows` to the parameters of `stmt`, value by value, without copying text.
    static int bindRow(sqlite3_stmt *stmt, const RowBatch &rows, int row);
    void registerFunctions();
    void beginOperation();
    void finalizeStatement();
    // Prepares the first non-empty statement of `utf8`: *start is where it begins, *tail where it ends.
    int prepareFirst(const QByteArray &utf8, sqlite3_stmt **stmt, const char **start, const char **tail);
    // The engine's error for result code `rc`. `utf8` and `statementStart` (a byte offset into it)
    // locate the statement, so that SQLite's byte offset becomes a UTF-16 offset into `utf8`.
    QueryError statementError(int rc, QueryError::Kind kind, const QByteArray &utf8 = {},
                              qsizetype statementStart = 0) const;

    static int authorize(void *self, int action, const char *arg1, const char *arg2, const char *database,
                         const char *trigger);
    static int progress(void *self);

    sqlite3 *m_db = nullptr;                  // the handle, for the thread using the connection
    std::atomic<sqlite3 *> m_handle{nullptr}; // the same handle, for cancel() from other threads
    std::atomic<int> m_cancelCallers{0};      // cancel() calls in progress; close() waits for them
    std::atomic<bool> m_cancelRequested{false};

    sqlite3_stmt *m_stmt = nullptr; // the statement whose rows fetch() returns
    bool m_stmtDone = false;        // stepping it again would restart it
    bool m_stmtChangesRows = false; // INSERT/UPDATE/DELETE (with RETURNING, when it has rows)
    ColumnList m_columns;
    qint64 m_rowsAffected = -1;
    QString m_refusal; // why the authorizer refused the statement being prepared
};

} // namespace dblearn

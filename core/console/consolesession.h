#pragma once

#include "backends/databasebackend.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>

#include <memory>

class QTimer;

namespace dblearn {

class QueryRunner;
class ResultSpool;

// What one statement of a console run came to.
struct StatementOutcome {
    int index = 0;
    int offset = -1;  // in the editor's text (the run's base offset added)
    int length = 0;
    QString text;     // the statement as run
    bool ok = false;
    bool hasRows = false;
    qint64 rows = 0;          // rows spooled
    qint64 rowsAffected = -1; // DML
    qint64 elapsedMs = 0;
    bool truncated = false;   // rows were dropped (spool limit)
    QStringList messages;     // notices and warnings
    QueryError error;         // error.position is in the editor's text when >= 0
};

// One console tab's connection: runs scripts on a QueryRunner's worker thread and spools every
// result's rows there (never through the user interface's event loop), so a result of millions of
// rows costs the UI one row-count update per tick. Enforces a time limit per statement through
// the backend's cancel(), and tracks the transaction state from the statements run.
class ConsoleSession final : public QObject
{
    Q_OBJECT
public:
    enum class TransactionState { AutoCommit, Open };

    ConsoleSession(std::unique_ptr<DatabaseConnection> connection, const QString &dialect, QObject *parent = nullptr);
    ~ConsoleSession() override;
    Q_DISABLE_COPY_MOVE(ConsoleSession)

    QString dialect() const { return m_dialect; }
    // Opens the connection on the worker thread (answer: opened). Not needed for a connection
    // handed over already open.
    void open(const ConnectionUri &uri);

    // Runs `script` statement by statement; baseOffset is where it starts in the editor's text.
    // Returns false (and does nothing) while a run is under way.
    bool run(const QString &script, int baseOffset = 0);
    void cancel();
    bool isBusy() const { return m_busy; }
    qint64 elapsedMs() const; // of the run under way, or of the last run

    // 0: no limit. Applies to each statement of a run.
    void setTimeLimitMs(int ms) { m_timeLimitMs = ms; }
    int timeLimitMs() const { return m_timeLimitMs; }
    // For tests and benchmarks: where results keep rows in memory before using a temporary file.
    void setSpoolMemoryBudget(qint64 bytes) { m_spoolMemoryBudget = bytes; }

    TransactionState transactionState() const { return m_transaction; }

    void explain(const QString &sql, const ExplainOptions &options);
    void readSchema();

    // Whether a statement opens or ends a transaction, from its leading keywords.
    static int transactionEffect(const QString &statement); // +1 opens, -1 ends, 0 neither

signals:
    void opened(bool ok, const QString &serverVersion, const QString &error);
    void statementStarted(int index, int offset, int length, const dblearn::ColumnList &columns,
                          std::shared_ptr<dblearn::ResultSpool> spool);
    void rowsArrived(int index, qint64 rows); // at most every tick while rows stream in
    void statementFinished(const dblearn::StatementOutcome &outcome);
    void finished(bool ok);
    void transactionStateChanged(dblearn::ConsoleSession::TransactionState state);
    void explained(const dblearn::ExplainResult &result, const dblearn::QueryError &error);
    void schemaRead(const dblearn::SchemaInfo &schema, const dblearn::QueryError &error);

private:
    void onStarted(int statement, int offset, int length, const ColumnList &columns);
    void onFinished(int statement, const StatementStatus &status, bool truncated, qint64 elapsedMs, qint64 rows);
    void tick();

    QString m_dialect;
    QueryRunner *m_runner = nullptr;
    QTimer *m_ticker = nullptr;
    QTimer *m_limitTimer = nullptr;
    QString m_script;
    int m_baseOffset = 0;
    bool m_busy = false;
    bool m_timedOut = false;
    bool m_cancelRequested = false;
    int m_timeLimitMs = 0;
    qint64 m_spoolMemoryBudget = 8 * 1024 * 1024;
    QHash<int, QPair<int, int>> m_places; // statement → offset and length in the script
    QElapsedTimer m_clock;
    qint64 m_lastElapsed = 0;
    TransactionState m_transaction = TransactionState::AutoCommit;

    // Shared with the worker thread, which creates and fills the current statement's spool.
    QMutex m_mutex;
    std::shared_ptr<ResultSpool> m_spool;
    int m_spoolStatement = -1;
    qint64 m_statementStartNs = 0;
    qint64 m_reportedRows = -1;
    QAtomicInt m_spoolFull = 0;
};

} // namespace dblearn

Q_DECLARE_METATYPE(dblearn::StatementOutcome)

#pragma once

#include "backends/queryerror.h"
#include "checker/resultset.h"

#include <QString>

namespace dblearn {

class DatabaseConnection;

// Bounds on what one run may cost. Memory stays bounded because rows are fetched in small batches
// and fetching stops one row after maxRows: a query returning 10^8 rows is never read in full.
struct CaptureLimits {
    qint64 maxRows = 100000;
    qint64 maxBytes = 64LL * 1024 * 1024; // normalised values held (approximate)
    int timeoutMs = 5000;                 // for the whole run, statements and fetching; <= 0: none
};

// The outcome of running SQL for the checker.
struct Capture {
    enum class Status {
        Ok,
        Empty,              // nothing but whitespace and comments
        Error,              // the engine reported an error (syntax, execution, ...)
        TimedOut,           // stopped by the time limit
        TooManyRows,        // more than maxRows rows
        TooLarge,           // the result held more than maxBytes
        NoResult,           // run(): the statement returns no rows (an UPDATE, a CREATE, ...)
        MultipleStatements, // run(): more than one statement
        TransactionControl, // BEGIN, COMMIT, ROLLBACK, ...: the checker owns the transaction
    };

    Status status = Status::Ok;
    ResultSet result;         // run(): the rows, when status is Ok
    QueryError error;         // Status::Error (positions relative to `sql`)
    QString sql;              // what was run
    CaptureLimits limits;     // the limits it ran under (for messages)
    qint64 rowsAffected = -1; // runScript(): rows changed by all statements, or -1
    int statements = 0;       // statements executed
    qint64 elapsedMs = 0;

    bool ok() const { return status == Status::Ok; }
    // A sentence for people, about `subject` ("your query", "the reference solution"; `plural` for
    // "your statements"): "Your query ran longer than 5 s and was stopped."
    QString message(const QString &subject, bool plural = false) const;
};

// Runs SQL on a connection under CaptureLimits, with a watchdog thread that cancels the
// connection when the time limit passes.
class ResultCapture final
{
public:
    // One statement that returns rows (SELECT, WITH, VALUES, ...); captures them normalised.
    static Capture run(DatabaseConnection &connection, const QString &sql, const CaptureLimits &limits = {});
    // Every statement of a script in turn (for DML/DDL exercises); rows that statements return are
    // read (at most maxRows per statement) and discarded. Stops at the first error.
    static Capture runScript(DatabaseConnection &connection, const QString &sql, const CaptureLimits &limits = {});

    // Rows fetched per call; small, so that a batch of wide rows stays small too.
    static constexpr int batchRows = 256;
};

} // namespace dblearn

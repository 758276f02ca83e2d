#pragma once

#include "backends/queryerror.h"

#include <QString>

namespace dblearn {

class DatabaseConnection;

// How running one runnable block went.
struct SnippetOutcome {
    bool ok = true;
    bool timedOut = false; // stopped by the time limit
    QueryError error;      // when !ok
    int errorOffset = -1;  // character offset in the script of the error (or of the failing statement)
    int statements = 0;    // statements completed
    qint64 elapsedMs = 0;

    // 0-based line of errorOffset within the script, or -1.
    int errorLine(const QString &script) const;
};

// Runs a lesson's runnable block the way the app does: every statement in turn, stopping at the
// first error; rows are read (at most maxRows per statement) and dropped. Unlike the exercise
// checker it accepts transaction control (BEGIN, COMMIT, ...), which lessons about transactions
// show. The whole block runs under one time limit, enforced by a watchdog thread that cancels the
// connection.
class SnippetExecutor final
{
public:
    static SnippetOutcome run(DatabaseConnection &connection, const QString &script, int timeoutMs,
                              qint64 maxRows = 10000);
};

} // namespace dblearn

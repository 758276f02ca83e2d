#pragma once

#include "backends/queryerror.h"
#include "checker/resultcapture.h"
#include "checker/resultcomparator.h"
#include "checker/resultset.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace dblearn {

class DatabaseConnection;

// Opens a new connection on a prepared data set, or returns nullptr and says why in *error.
// With Isolation::FreshConnection every call must return a fresh copy of the data set.
using ConnectionFactory = std::function<std::unique_ptr<DatabaseConnection>(QString *error)>;

// What the checker needs to know about an exercise; independent of the lesson format (the lessons
// code maps its exercises onto this).
struct ExerciseSpec {
    // How DML/DDL (and, as a safety net, every query) is kept from changing the data set.
    enum class Isolation {
        // BEGIN … ROLLBACK on one connection per data set. Right for SQLite and PostgreSQL, where
        // DDL is transactional too.
        Transaction,
        // No transaction: the factory is called for every run (reference, learner, per data set)
        // and must hand out a fresh copy each time. Needed where DDL commits implicitly (MariaDB,
        // MySQL) or where the exercise is about transactions themselves.
        FreshConnection,
    };

    QString referenceSql; // the model answer: a query, or for DML exercises the model statements
    QString verifySql;    // set for DML/DDL exercises: the query whose result judges the final state
    bool ordered = false;
    QList<int> orderKey; // 0-based columns of the ORDER BY key, for tie groups (see CompareOptions)
    double floatTolerance = 1e-9;
    bool checkColumnNames = false; // for exercises about naming columns
    int timeoutMs = 5000;
    qint64 maxRows = 100000;
    qint64 maxBytes = 64LL * 1024 * 1024;
    Isolation isolation = Isolation::Transaction;
    bool checkVariant = true; // also compare on the variant data sets, when there are any
    int maxShown = 3;

    bool isDml() const { return !verifySql.trimmed().isEmpty(); }
};

// Where to run: the exercise's data set, and optionally variants of it (same schema, other data,
// e.g. another generator seed) that catch answers right by luck. Variants are tried in turn.
struct CheckTargets {
    ConnectionFactory primary;
    std::vector<ConnectionFactory> variants;
};

struct CheckResult {
    enum class Verdict {
        Pass,
        Fail,           // the learner's answer is wrong (or erred, ran too long, returned too much)
        AuthoringError, // the exercise is broken: its reference solution or check query failed
        Unavailable,    // the data set could not be opened, a transaction could not start, cancelled
    };

    Verdict verdict = Verdict::Unavailable;
    QString message;     // for the learner (or, for AuthoringError, the author)
    QStringList details; // example rows and other specifics
    QStringList hints;
    Comparison comparison;                       // Kind::Error when there was nothing to compare
    Capture::Status learnerStatus = Capture::Status::Ok;
    QueryError error;                            // the engine's error, when there was one
    int variantsChecked = 0;                     // variant data sets on which the answer was right too
    bool failedOnVariant = false;                // right on the data set, wrong on a variant
    ResultSet expected;                          // on the exercise's data set, when available
    ResultSet actual;
    qint64 elapsedMs = 0;

    bool passed() const { return verdict == Verdict::Pass; }
};

// Checks a learner's answer to an exercise: runs the reference solution, then the learner's SQL,
// under limits (time, rows, memory), and compares the results with ResultComparator; if they match,
// does it again on the variant data set. DML exercises run the statements and then the verify
// query, and never leave changes behind (see ExerciseSpec::Isolation). Runs synchronously: call
// check() from a worker thread; cancel() may be called from any thread.
class ExerciseChecker final
{
public:
    explicit ExerciseChecker(CheckTargets targets);
    ~ExerciseChecker();
    Q_DISABLE_COPY_MOVE(ExerciseChecker)

    CheckResult check(const ExerciseSpec &spec, const QString &learnerSql);
    void cancel();

    static QString verdictName(CheckResult::Verdict verdict); // "pass", "fail", ...

private:
    struct Run;
    enum class Outcome { Compared, Finished };

    Outcome evaluate(const ConnectionFactory &factory, const ExerciseSpec &spec, const QString &learnerSql,
                     bool variant, CheckResult *result);
    std::unique_ptr<DatabaseConnection> open(const ConnectionFactory &factory, QString *error);
    void release(std::unique_ptr<DatabaseConnection> &connection);
    Run runSide(DatabaseConnection &connection, const QString &sql, const ExerciseSpec &spec);

    CheckTargets m_targets;
    std::mutex m_mutex;
    DatabaseConnection *m_current = nullptr; // guarded by m_mutex, for cancel()
    std::atomic<bool> m_cancelled{false};
};

} // namespace dblearn

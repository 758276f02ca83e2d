#include "checker/exercisechecker.h"

#include "backends/databasebackend.h"

#include <QElapsedTimer>
#include <QLocale>

namespace dblearn {

namespace {

const QString referenceSubject = QStringLiteral("the exercise's reference solution");
const QString referenceVerifySubject = QStringLiteral("the exercise's check query (run after the reference solution)");
const QString learnerVerifySubject = QStringLiteral("the check query (run after your statements)");

QString rows(qint64 n)
{
    return QLocale(QLocale::English).toString(n) + (n == 1 ? QStringLiteral(" row") : QStringLiteral(" rows"));
}

QString uncapitalized(const QString &text)
{
    if (text.size() > 1 && text.at(1).isUpper())
        return text; // "SQL …", "BEGIN …"
    return text.isEmpty() ? text : text.left(1).toLower() + text.mid(1);
}

bool executeSimple(DatabaseConnection &connection, const QString &sql, QueryError *error)
{
    const StatementStatus status = connection.execute(sql);
    connection.finish();
    if (!status.ok)
        *error = status.error;
    return status.ok;
}

} // namespace

struct ExerciseChecker::Run {
    Capture main;
    Capture verify;  // DML exercises: the verify query after the statements
    bool began = true;
    QueryError beginError;
    bool rolledBack = true; // false: the connection must not be used again
};

ExerciseChecker::ExerciseChecker(CheckTargets targets) : m_targets(std::move(targets)) {}

ExerciseChecker::~ExerciseChecker() = default;

void ExerciseChecker::cancel()
{
    m_cancelled = true;
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_current)
        m_current->cancel();
}

std::unique_ptr<DatabaseConnection> ExerciseChecker::open(const ConnectionFactory &factory, QString *error)
{
    if (!factory) {
        *error = QStringLiteral("no data set is configured");
        return nullptr;
    }
    std::unique_ptr<DatabaseConnection> connection = factory(error);
    if (connection && !connection->isOpen()) {
        *error = QStringLiteral("the connection is not open");
        connection.reset();
    }
    if (connection) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_current = connection.get();
    }
    return connection;
}

void ExerciseChecker::release(std::unique_ptr<DatabaseConnection> &connection)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_current = nullptr;
    }
    if (connection) {
        connection->close(); // closing also ends a transaction that could not be rolled back
        connection.reset();
    }
}

ExerciseChecker::Run ExerciseChecker::runSide(DatabaseConnection &connection, const QString &sql,
                                              const ExerciseSpec &spec)
{
    Run run;
    CaptureLimits limits;
    limits.maxRows = spec.maxRows;
    limits.maxBytes = spec.maxBytes;
    limits.timeoutMs = spec.timeoutMs;
    const bool transaction = spec.isolation == ExerciseSpec::Isolation::Transaction;
    if (transaction && !executeSimple(connection, QStringLiteral("BEGIN"), &run.beginError)) {
        run.began = false;
        run.rolledBack = false;
        return run;
    }
    if (spec.isDml()) {
        run.main = ResultCapture::runScript(connection, sql, limits);
        if (run.main.ok() && !m_cancelled)
            run.verify = ResultCapture::run(connection, spec.verifySql, limits);
    } else {
        run.main = ResultCapture::run(connection, sql, limits);
    }
    if (transaction) {
        QueryError error;
        run.rolledBack = executeSimple(connection, QStringLiteral("ROLLBACK"), &error);
    }
    return run;
}

ExerciseChecker::Outcome ExerciseChecker::evaluate(const ConnectionFactory &factory, const ExerciseSpec &spec,
                                                   const QString &learnerSql, bool variant, CheckResult *result)
{
    const QString where = variant ? QStringLiteral("On the variant data set, ") : QString();
    auto finish = [&](CheckResult::Verdict verdict, const QString &message) {
        result->verdict = verdict;
        result->message = message;
        return Outcome::Finished;
    };
    auto cancelled = [&] { return finish(CheckResult::Verdict::Unavailable, QStringLiteral("Checking was cancelled.")); };
    auto unavailable = [&](const QString &what) {
        return finish(CheckResult::Verdict::Unavailable, what.left(1).toUpper() + what.mid(1) + QLatin1Char('.'));
    };

    QString error;
    std::unique_ptr<DatabaseConnection> connection = open(factory, &error);
    if (!connection)
        return unavailable(QStringLiteral("the data set could not be opened: ") + error);

    // The reference solution first: its result is the expectation, and its failure is the author's.
    const Run reference = runSide(*connection, spec.referenceSql, spec);
    if (m_cancelled) {
        release(connection);
        return cancelled();
    }
    if (!reference.began) {
        release(connection);
        return unavailable(QStringLiteral("no transaction could be started: ") + reference.beginError.message);
    }
    const bool dml = spec.isDml();
    const Capture *referenceFailure = !reference.main.ok() ? &reference.main
        : dml && !reference.verify.ok()                    ? &reference.verify
                                                           : nullptr;
    if (referenceFailure) {
        release(connection);
        result->error = referenceFailure->error;
        const QString text =
            referenceFailure->message(referenceFailure == &reference.main ? referenceSubject : referenceVerifySubject);
        return finish(CheckResult::Verdict::AuthoringError, variant ? where + uncapitalized(text) : text);
    }
    const ResultSet &expected = dml ? reference.verify.result : reference.main.result;
    for (int column : spec.orderKey) {
        if (column < 0 || column >= expected.columnCount()) {
            release(connection);
            return finish(CheckResult::Verdict::AuthoringError,
                          QStringLiteral("The exercise's order key names column %1, but its reference solution "
                                         "returns %2 columns.")
                              .arg(column + 1)
                              .arg(expected.columnCount()));
        }
    }

    if (spec.isolation == ExerciseSpec::Isolation::FreshConnection || !reference.rolledBack) {
        release(connection);
        connection = open(factory, &error);
        if (!connection)
            return unavailable(QStringLiteral("the data set could not be opened: ") + error);
    }
    Run learner = runSide(*connection, learnerSql, spec);
    release(connection);
    if (m_cancelled)
        return cancelled();
    if (!learner.began)
        return unavailable(QStringLiteral("no transaction could be started: ") + learner.beginError.message);

    const Capture *learnerFailure = !learner.main.ok() ? &learner.main
        : dml && !learner.verify.ok()                  ? &learner.verify
                                                       : nullptr;
    if (learnerFailure) {
        const bool own = learnerFailure == &learner.main;
        QString text = own ? learnerFailure->message(dml ? QStringLiteral("your statements") : QStringLiteral("your query"), dml)
                           : learnerFailure->message(learnerVerifySubject);
        if (learnerFailure->status == Capture::Status::TooManyRows) {
            text.chop(1);
            text += QStringLiteral("; the expected result has ") + rows(expected.rowCount()) + QLatin1Char('.');
        }
        result->learnerStatus = learnerFailure->status;
        result->error = learnerFailure->error;
        result->comparison = Comparison();
        result->comparison.kind = Comparison::Kind::Error;
        result->comparison.message = text;
        if (!variant)
            result->expected = expected;
        return finish(CheckResult::Verdict::Fail, text);
    }

    CompareOptions options;
    options.ordered = spec.ordered;
    options.orderKey = spec.orderKey;
    options.floatTolerance = spec.floatTolerance;
    options.checkColumnNames = spec.checkColumnNames;
    options.maxShown = spec.maxShown;
    options.subject = dml ? QStringLiteral("the check query after your statements") : QStringLiteral("your query");
    const ResultSet &actual = dml ? learner.verify.result : learner.main.result;
    result->comparison = ResultComparator::compare(expected, actual, options);
    if (!variant) {
        result->expected = expected;
        result->actual = actual;
    }
    return Outcome::Compared;
}

CheckResult ExerciseChecker::check(const ExerciseSpec &spec, const QString &learnerSql)
{
    m_cancelled = false;
    QElapsedTimer timer;
    timer.start();
    CheckResult result;
    auto done = [&] {
        result.elapsedMs = timer.elapsed();
        return result;
    };

    if (spec.referenceSql.trimmed().isEmpty()) {
        result.verdict = CheckResult::Verdict::AuthoringError;
        result.message = QStringLiteral("The exercise has no reference solution.");
        return done();
    }

    if (evaluate(m_targets.primary, spec, learnerSql, false, &result) == Outcome::Finished)
        return done();
    if (!result.comparison.match) {
        result.verdict = CheckResult::Verdict::Fail;
        result.message = result.comparison.message;
        result.details = result.comparison.details;
        result.hints = result.comparison.hints;
        return done();
    }

    const QString success = spec.isDml() ? QStringLiteral("Your statements leave the data as expected.")
                                         : QStringLiteral("Your query returns the expected result.");
    result.verdict = CheckResult::Verdict::Pass;
    result.message = success;
    if (!spec.checkVariant)
        return done();

    // Right by luck? The same comparison on other data with the same schema.
    const QString subject = spec.isDml() ? QStringLiteral("Your statements give") : QStringLiteral("Your query gives");
    for (const ConnectionFactory &variant : m_targets.variants) {
        CheckResult other;
        const Outcome outcome = evaluate(variant, spec, learnerSql, true, &other);
        if (outcome == Outcome::Finished && other.verdict != CheckResult::Verdict::Fail) {
            if (other.verdict == CheckResult::Verdict::Unavailable && !m_cancelled) {
                // A variant that cannot be opened does not fail the learner.
                result.hints << QStringLiteral("A variant data set could not be checked: ") + uncapitalized(other.message);
                continue;
            }
            // Broken (the reference fails there) or cancelled.
            result.verdict = other.verdict;
            result.message = other.message;
            result.error = other.error;
            return done();
        }
        if (outcome == Outcome::Finished) { // the learner's SQL failed on the variant
            result.verdict = CheckResult::Verdict::Fail;
            result.failedOnVariant = true;
            result.learnerStatus = other.learnerStatus;
            result.error = other.error;
            result.comparison = other.comparison;
            result.message = subject + QStringLiteral(" the right answer on this data but fails on other data with "
                                                      "the same schema: ")
                + uncapitalized(other.message);
            return done();
        }
        if (!other.comparison.match) {
            result.verdict = CheckResult::Verdict::Fail;
            result.failedOnVariant = true;
            result.comparison = other.comparison;
            result.message = subject + QStringLiteral(" the right answer on this data but not on other data with the "
                                                      "same schema — it may depend on specific values.");
            result.details << QStringLiteral("On the other data: ") + other.comparison.message;
            result.details << other.comparison.details;
            result.hints << other.comparison.hints;
            return done();
        }
        ++result.variantsChecked;
    }
    if (result.variantsChecked > 0)
        result.message = success + QStringLiteral(" It does on other data with the same schema, too.");
    return done();
}

QString ExerciseChecker::verdictName(CheckResult::Verdict verdict)
{
    switch (verdict) {
    case CheckResult::Verdict::Pass:
        return QStringLiteral("pass");
    case CheckResult::Verdict::Fail:
        return QStringLiteral("fail");
    case CheckResult::Verdict::AuthoringError:
        return QStringLiteral("authoring-error");
    case CheckResult::Verdict::Unavailable:
        return QStringLiteral("unavailable");
    }
    return QString();
}

} // namespace dblearn

#include "backends/backendregistry.h"
#include "checker/exercisechecker.h"
#include "checker/resultcapture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace dblearn;

// Whole exercises on real SQLite databases, through the SQLite backend plugin.
class ExerciseCheckerTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_registry.scan();
        if (!m_registry.isLoaded(QStringLiteral("sqlite")))
            QSKIP("the SQLite backend plugin is not built");
        QVERIFY(m_dir.isValid());
        m_primary = m_dir.filePath(QStringLiteral("primary.db"));
        m_variant = m_dir.filePath(QStringLiteral("variant.db"));
        // The same schema, other data: in the primary set Oslo is ids 3 and 7, in the variant 2, 5 and 9.
        createDatabase(m_primary, {QStringLiteral("London"), QStringLiteral("Paris"), QStringLiteral("Oslo"),
                                   QStringLiteral("Rome"), QStringLiteral("Paris"), QStringLiteral("Berlin"),
                                   QStringLiteral("Oslo"), QStringLiteral("Tokyo"), QStringLiteral("Rome"),
                                   QStringLiteral("London")},
                       1.0);
        createDatabase(m_variant, {QStringLiteral("Rome"), QStringLiteral("Oslo"), QStringLiteral("Paris"),
                                   QStringLiteral("Oslo"), QStringLiteral("Oslo"), QStringLiteral("Lima"),
                                   QStringLiteral("Berlin"), QStringLiteral("Paris"), QStringLiteral("Oslo"),
                                   QStringLiteral("Rome")},
                       1.5);
        m_targets.primary = factory(m_primary);
        m_targets.variants = {factory(m_variant)};
    }

    void correctQueryPasses()
    {
        ExerciseChecker checker(m_targets);
        const CheckResult r = checker.check(osloExercise(), QStringLiteral("select p.id, p.name from people as p "
                                                                          "where p.city in ('Oslo');"));
        QVERIFY2(r.passed(), qPrintable(r.message));
        QCOMPARE(r.variantsChecked, 1);
        QCOMPARE(r.expected.rowCount(), 2);
        QCOMPARE(r.actual.rowCount(), 2);
    }

    void otherOrderPassesAnUnorderedExercise()
    {
        ExerciseChecker checker(m_targets);
        const CheckResult r = checker.check(
            osloExercise(), QStringLiteral("SELECT id, name FROM people WHERE city = 'Oslo' ORDER BY name DESC"));
        QVERIFY2(r.passed(), qPrintable(r.message));
    }

    void orderedExerciseChecksOrder()
    {
        ExerciseSpec spec;
        spec.referenceSql = QStringLiteral("SELECT city, name FROM people ORDER BY city, name");
        spec.ordered = true;
        spec.orderKey = {0};
        ExerciseChecker checker(m_targets);
        // Names within a city in another order: same tie groups, passes.
        CheckResult r = checker.check(spec, QStringLiteral("SELECT city, name FROM people ORDER BY city, name DESC"));
        QVERIFY2(r.passed(), qPrintable(r.message));
        r = checker.check(spec, QStringLiteral("SELECT city, name FROM people ORDER BY city DESC"));
        QCOMPARE(r.verdict, CheckResult::Verdict::Fail);
        QCOMPARE(r.comparison.kind, Comparison::Kind::Order);
        QVERIFY(r.message.startsWith(QLatin1String("The rows are right but in the wrong order: row 1 should be ('Berlin'")));
    }

    void wrongQueryFailsWithFeedback()
    {
        ExerciseChecker checker(m_targets);
        const CheckResult r =
            checker.check(osloExercise(), QStringLiteral("SELECT id, name FROM people WHERE city = 'Paris'"));
        QCOMPARE(r.verdict, CheckResult::Verdict::Fail);
        QCOMPARE(r.comparison.kind, Comparison::Kind::Values);
        QCOMPARE(r.message, QStringLiteral("2 rows are missing, e.g. (3, 'Cleo'); 2 rows are extra, e.g. (2, 'Bob')."));
        QCOMPARE(r.variantsChecked, 0);
    }

    void rightByLuckFailsOnTheVariant()
    {
        ExerciseChecker checker(m_targets);
        const CheckResult r = checker.check(osloExercise(), QStringLiteral("SELECT id, name FROM people WHERE id IN (3, 7)"));
        QCOMPARE(r.verdict, CheckResult::Verdict::Fail);
        QVERIFY(r.failedOnVariant);
        QCOMPARE(r.message, QStringLiteral("Your query gives the right answer on this data but not on other data with "
                                           "the same schema — it may depend on specific values."));
        QVERIFY(r.details.value(0).startsWith(QLatin1String("On the other data: Expected 4 rows")));
    }

    void syntaxErrorIsReported()
    {
        ExerciseChecker checker(m_targets);
        const CheckResult r = checker.check(osloExercise(), QStringLiteral("SELEC id FROM people"));
        QCOMPARE(r.verdict, CheckResult::Verdict::Fail);
        QCOMPARE(r.comparison.kind, Comparison::Kind::Error);
        QCOMPARE(r.learnerStatus, Capture::Status::Error);
        QVERIFY(r.error.isError());
        QVERIFY2(r.message.startsWith(QLatin1String("Your query failed: ")) && r.message.contains(QLatin1String("syntax error")),
                 qPrintable(r.message));
    }

    void endlessRecursionIsStoppedByTheTimeLimit()
    {
        ExerciseSpec spec = osloExercise();
        spec.timeoutMs = 500;
        ExerciseChecker checker(m_targets);
        QElapsedTimer timer;
        timer.start();
        const CheckResult r = checker.check(
            spec, QStringLiteral("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"));
        QCOMPARE(r.verdict, CheckResult::Verdict::Fail);
        QCOMPARE(r.learnerStatus, Capture::Status::TimedOut);
        QCOMPARE(r.message, QStringLiteral("Your query ran longer than 0.5 s and was stopped."));
        QVERIFY(timer.elapsed() < 5000);

        // The same recursion streaming its rows hits the row limit instead (with a time limit generous
        // enough that a loaded machine cannot reach it first).
        spec.timeoutMs = 60000;
        const CheckResult rows = checker.check(
            spec, QStringLiteral("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n, 'x' FROM r"));
        QCOMPARE(rows.learnerStatus, Capture::Status::TooManyRows);
    }

    void hugeCrossJoinIsStoppedAtTheRowLimit()
    {
        ExerciseChecker checker(m_targets);
        const qint64 before = peakMemoryKb();
        QElapsedTimer timer;
        timer.start();
        // 10^8 rows.
        const CheckResult r = checker.check(osloExercise(), QStringLiteral("SELECT a.id, b.name FROM people a, people b, "
                                                                          "people c, people d, people e, people f, "
                                                                          "people g, people h"));
        QCOMPARE(r.verdict, CheckResult::Verdict::Fail);
        QCOMPARE(r.learnerStatus, Capture::Status::TooManyRows);
        QCOMPARE(r.message,
                 QStringLiteral("Your query returned more than 100,000 rows; the expected result has 2 rows."));
        QCOMPARE(r.actual.rowCount(), 0);
        const qint64 grown = peakMemoryKb() - before;
        qInfo("stopped after %lld ms; peak memory grew by %lld kB", timer.elapsed(), grown);
        QVERIFY2(grown < 200 * 1024, qPrintable(QString::number(grown)));
    }

    void dmlIsJudgedByItsVerifyQueryAndRolledBack()
    {
        const QString before = scalar(m_primary, QStringLiteral("SELECT group_concat(score, ',') FROM people"));
        ExerciseChecker checker(m_targets);
        CheckResult r = checker.check(raiseExercise(), QStringLiteral("UPDATE people SET score = 2 * score "
                                                                     "WHERE city = 'Oslo';"));
        QVERIFY2(r.passed(), qPrintable(r.message));
        QCOMPARE(r.variantsChecked, 1);
        QCOMPARE(scalar(m_primary, QStringLiteral("SELECT group_concat(score, ',') FROM people")), before);

        r = checker.check(raiseExercise(), QStringLiteral("UPDATE people SET score = score * 2"));
        QCOMPARE(r.verdict, CheckResult::Verdict::Fail);
        QCOMPARE(r.comparison.kind, Comparison::Kind::Values);
        QCOMPARE(scalar(m_primary, QStringLiteral("SELECT group_concat(score, ',') FROM people")), before);

        // A script of several statements, one of them DDL (transactional in SQLite).
        r = checker.check(raiseExercise(), QStringLiteral("CREATE TABLE tmp AS SELECT id FROM people WHERE city = 'Oslo';\n"
                                                         "UPDATE people SET score = score * 2 WHERE id IN (SELECT id FROM tmp);\n"
                                                         "DROP TABLE tmp;"));
        QVERIFY2(r.passed(), qPrintable(r.message));
        QCOMPARE(scalar(m_primary, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'tmp'")),
                 QStringLiteral("0"));

        // The learner may not end the checker's transaction.
        r = checker.check(raiseExercise(), QStringLiteral("UPDATE people SET score = score * 2 WHERE city = 'Oslo'; COMMIT;"));
        QCOMPARE(r.verdict, CheckResult::Verdict::Fail);
        QCOMPARE(r.learnerStatus, Capture::Status::TransactionControl);
        QCOMPARE(scalar(m_primary, QStringLiteral("SELECT group_concat(score, ',') FROM people")), before);

        // The check query failing after the learner's statements.
        r = checker.check(raiseExercise(), QStringLiteral("DROP TABLE people"));
        QCOMPARE(r.verdict, CheckResult::Verdict::Fail);
        QVERIFY2(r.message.startsWith(QLatin1String("The check query (run after your statements) failed: ")),
                 qPrintable(r.message));
        QCOMPARE(scalar(m_primary, QStringLiteral("SELECT count(*) FROM people")), QStringLiteral("10"));
    }

    void dmlOnFreshCopies()
    {
        // Isolation::FreshConnection: every run gets its own copy of the data set (as for MariaDB).
        int copies = 0;
        CheckTargets targets;
        targets.primary = [this, &copies](QString *error) -> std::unique_ptr<DatabaseConnection> {
            const QString copy = m_dir.filePath(QStringLiteral("copy%1.db").arg(++copies));
            if (!QFile::copy(m_primary, copy)) {
                *error = QStringLiteral("cannot copy");
                return nullptr;
            }
            return factory(copy)(error);
        };
        ExerciseSpec spec = raiseExercise();
        spec.isolation = ExerciseSpec::Isolation::FreshConnection;
        ExerciseChecker checker(targets);
        const QString before = scalar(m_primary, QStringLiteral("SELECT group_concat(score, ',') FROM people"));
        CheckResult r = checker.check(spec, QStringLiteral("UPDATE people SET score = score + score WHERE city = 'Oslo'"));
        QVERIFY2(r.passed(), qPrintable(r.message));
        QCOMPARE(copies, 2);
        r = checker.check(spec, QStringLiteral("BEGIN; UPDATE people SET score = 0; COMMIT"));
        QCOMPARE(r.learnerStatus, Capture::Status::TransactionControl);
        QCOMPARE(scalar(m_primary, QStringLiteral("SELECT group_concat(score, ',') FROM people")), before);
    }

    void queryExercisesNeverChangeTheData()
    {
        ExerciseChecker checker(m_targets);
        const CheckResult r = checker.check(osloExercise(), QStringLiteral("DELETE FROM people"));
        QCOMPARE(r.verdict, CheckResult::Verdict::Fail);
        QCOMPARE(r.learnerStatus, Capture::Status::NoResult);
        QCOMPARE(scalar(m_primary, QStringLiteral("SELECT count(*) FROM people")), QStringLiteral("10"));

        const CheckResult two = checker.check(osloExercise(), QStringLiteral("SELECT 1; DELETE FROM people"));
        QCOMPARE(two.learnerStatus, Capture::Status::MultipleStatements);
        QCOMPARE(scalar(m_primary, QStringLiteral("SELECT count(*) FROM people")), QStringLiteral("10"));
    }

    void brokenReferenceIsAnAuthoringError()
    {
        ExerciseSpec spec;
        spec.referenceSql = QStringLiteral("SELECT nope FROM people");
        ExerciseChecker checker(m_targets);
        const CheckResult r = checker.check(spec, QStringLiteral("SELECT id FROM people"));
        QCOMPARE(r.verdict, CheckResult::Verdict::AuthoringError);
        QVERIFY2(r.message.startsWith(QLatin1String("The exercise's reference solution failed: ")), qPrintable(r.message));
        QVERIFY(r.message.contains(QLatin1String("nope")));

        spec.referenceSql = QStringLiteral("SELECT id FROM people");
        spec.orderKey = {3};
        QCOMPARE(checker.check(spec, QStringLiteral("SELECT id FROM people")).verdict,
                 CheckResult::Verdict::AuthoringError);

        ExerciseSpec dml = raiseExercise();
        dml.verifySql = QStringLiteral("SELECT missing FROM people");
        const CheckResult v = checker.check(dml, dml.referenceSql);
        QCOMPARE(v.verdict, CheckResult::Verdict::AuthoringError);
        QVERIFY2(v.message.startsWith(QLatin1String("The exercise's check query")), qPrintable(v.message));
    }

    void variantsAreOptionalButBrokenOnesAreReported()
    {
        CheckTargets targets;
        targets.primary = m_targets.primary;
        targets.variants = {[](QString *error) -> std::unique_ptr<DatabaseConnection> {
            *error = QStringLiteral("no such file");
            return nullptr;
        }};
        ExerciseChecker unavailable(targets);
        const CheckResult r = unavailable.check(osloExercise(), QStringLiteral("SELECT id, name FROM people WHERE id IN (3, 7)"));
        QVERIFY(r.passed()); // cannot tell: the learner is not failed for the missing variant
        QCOMPARE(r.variantsChecked, 0);
        QCOMPARE(r.hints.value(0),
                 QStringLiteral("A variant data set could not be checked: the data set could not be opened: no such file."));

        // A variant whose schema differs: the reference solution fails there, which is the author's bug.
        const QString other = m_dir.filePath(QStringLiteral("other-schema.db"));
        {
            QString error;
            std::unique_ptr<DatabaseConnection> connection = factory(other)(&error);
            QVERIFY(connection);
            QVERIFY(ResultCapture::runScript(*connection, QStringLiteral("CREATE TABLE people(id INTEGER, name TEXT)")).ok());
        }
        targets.variants = {factory(other)};
        ExerciseChecker broken(targets);
        const CheckResult b = broken.check(osloExercise(), QStringLiteral("SELECT id, name FROM people WHERE city = 'Oslo'"));
        QCOMPARE(b.verdict, CheckResult::Verdict::AuthoringError);
        QVERIFY2(b.message.startsWith(QLatin1String("On the variant data set, the exercise's reference solution failed: ")),
                 qPrintable(b.message));
    }

    void checksCanBeCancelled()
    {
        ExerciseSpec spec = osloExercise();
        spec.timeoutMs = 0; // no limit: only cancel() stops it
        ExerciseChecker checker(m_targets);
        std::thread canceller([&checker] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            checker.cancel();
        });
        const CheckResult r = checker.check(
            spec, QStringLiteral("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"));
        canceller.join();
        QCOMPARE(r.verdict, CheckResult::Verdict::Unavailable);
        QCOMPARE(r.message, QStringLiteral("Checking was cancelled."));
    }

private:
    static ExerciseSpec osloExercise()
    {
        ExerciseSpec spec;
        spec.referenceSql = QStringLiteral("SELECT id, name FROM people WHERE city = 'Oslo' ORDER BY id");
        return spec;
    }

    static ExerciseSpec raiseExercise()
    {
        ExerciseSpec spec;
        spec.referenceSql = QStringLiteral("UPDATE people SET score = score * 2 WHERE city = 'Oslo'");
        spec.verifySql = QStringLiteral("SELECT id, score FROM people");
        return spec;
    }

    ConnectionFactory factory(const QString &path)
    {
        return [this, path](QString *error) -> std::unique_ptr<DatabaseConnection> {
            std::unique_ptr<DatabaseConnection> connection = m_registry.createConnection(QStringLiteral("sqlite"), error);
            if (!connection)
                return nullptr;
            const ConnectionUri uri = ConnectionUri::parse(QStringLiteral("sqlite://") + path, error);
            QueryError openError;
            if (!uri.isValid() || !connection->open(uri, &openError)) {
                if (openError.isError())
                    *error = openError.message;
                return nullptr;
            }
            return connection;
        };
    }

    void createDatabase(const QString &path, const QStringList &cities, double scoreFactor)
    {
        QString error;
        std::unique_ptr<DatabaseConnection> connection = factory(path)(&error);
        QVERIFY2(connection, qPrintable(error));
        static const char *names[] = {"Ada", "Bob", "Cleo", "Dan", "Eve", "Finn", "Gus", "Hana", "Ivo", "Jo"};
        QString script = QStringLiteral("CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT, "
                                        "born TEXT, score REAL);\n");
        for (int i = 0; i < cities.size(); ++i) {
            script += QStringLiteral("INSERT INTO people VALUES (%1, '%2', '%3', '19%4-01-05', %5);\n")
                          .arg(i + 1)
                          .arg(QLatin1String(names[i]), cities[i])
                          .arg(50 + i)
                          .arg((50 + 5 * i) * scoreFactor + 0.25);
        }
        const Capture capture = ResultCapture::runScript(*connection, script);
        QVERIFY2(capture.ok(), qPrintable(capture.message(QStringLiteral("the setup"))));
        QCOMPARE(capture.statements, 11);
        connection->close();
    }

    QString scalar(const QString &path, const QString &sql)
    {
        QString error;
        std::unique_ptr<DatabaseConnection> connection = factory(path)(&error);
        if (!connection)
            return QStringLiteral("error: ") + error;
        const Capture capture = ResultCapture::run(*connection, sql);
        if (!capture.ok() || capture.result.rowCount() != 1)
            return QStringLiteral("error: ") + capture.message(QStringLiteral("the query"));
        const NormalizedValue &v = capture.result.at(0, 0);
        return v.isNumber() && v.numberForm() == NormalizedValue::NumberForm::Integer ? QString::number(v.integerValue())
                                                                                      : v.textValue();
    }

    static qint64 peakMemoryKb()
    {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
        return 0;
    }

    BackendRegistry m_registry;
    QTemporaryDir m_dir;
    QString m_primary;
    QString m_variant;
    CheckTargets m_targets;
};

QTEST_GUILESS_MAIN(ExerciseCheckerTest)
#include "tst_exercisechecker.moc"

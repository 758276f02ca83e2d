// Runs the built dblearn-cli (next to this test in build/bin) and checks what it prints and returns.

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result {
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    // stderr, without a trailing line break.
    QString errText() const { return QString::fromUtf8(err).trimmed(); }
    bool oneErrorLine() const { return !errText().isEmpty() && !errText().contains(QLatin1Char('\n')); }
};

QString fixture(const char *name)
{
    return QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fixtures/content/") + QLatin1String(name);
}

Result runCli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/dblearn-cli"), args);
    Result result;
    if (!process.waitForStarted(10000))
        return result;
    process.closeWriteChannel();
    result.finished = process.waitForFinished(60000);
    if (!result.finished) {
        process.kill();
        process.waitForFinished();
    }
    result.elapsedMs = timer.elapsed();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QStringList sqliteQuery(const QString &connection, const QString &sql, const QStringList &extra = {})
{
    return QStringList{QStringLiteral("query"), QStringLiteral("--backend"), QStringLiteral("sqlite"),
                       QStringLiteral("--connection"), connection}
           + extra + QStringList{sql};
}

const QString memory = QStringLiteral("sqlite::memory:");

} // namespace

class CliTest final : public QObject
{
    Q_OBJECT
private slots:
    void version()
    {
        const Result r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("dblearn-cli "), r.out.constData());
        QVERIFY(r.err.isEmpty());
    }

    void helpListsEveryCommand()
    {
        const Result r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *command :
             {"backends", "curriculum", "query", "compare", "dataset", "render", "search", "check-content"})
            QVERIFY2(r.out.contains(QByteArray(QByteArray("  ") + command)), command);
        const Result unknown = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.oneErrorLine());
    }

    void backendsListSqliteLoaded()
    {
        const Result r = runCli({QStringLiteral("backends"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData()); // no logging mixed in
        bool loaded = false;
        for (const QJsonValue &v : r.json().value(QLatin1String("backends")).toArray()) {
            const QJsonObject backend = v.toObject();
            if (backend.value(QLatin1String("id")).toString() == QLatin1String("sqlite"))
                loaded = backend.value(QLatin1String("state")).toString() == QLatin1String("loaded");
        }
        QVERIFY2(loaded, r.out.constData());
    }

    void backendsListRefusedPlugins()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBLEARN_PLUGIN_PATH"), QStringLiteral(DBLEARN_TEST_PLUGIN_DIR));
        const Result r = runCli({QStringLiteral("backends"), QStringLiteral("--json")}, env);
        QCOMPARE(r.exitCode, 0);
        QJsonObject mismatched;
        for (const QJsonValue &v : r.json().value(QLatin1String("backends")).toArray()) {
            if (v.toObject().value(QLatin1String("id")).toString() == QLatin1String("mismatched"))
                mismatched = v.toObject();
        }
        QVERIFY2(!mismatched.isEmpty(), r.out.constData());
        QCOMPARE(mismatched.value(QLatin1String("state")).toString(), QStringLiteral("refused"));
        const QString reason = mismatched.value(QLatin1String("reason")).toString();
        QVERIFY2(reason.contains(QLatin1String("0.9")), qPrintable(reason));

        const Result text = runCli({QStringLiteral("backends")}, env);
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("refused"));
        QVERIFY(text.out.contains("reason: "));
    }

    void queryPrintsResults()
    {
        const Result r = runCli(sqliteQuery(memory, QStringLiteral("SELECT 1+1")));
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.split('\n');
        QVERIFY2(lines.size() > 2 && lines.at(2).trimmed() == "2", r.out.constData());
    }

    void queryFormats()
    {
        const QString sql = QStringLiteral("SELECT 1 AS a, 'x,\"y\"' AS b, NULL AS c");
        const Result csv = runCli(sqliteQuery(memory, sql, {QStringLiteral("--format"), QStringLiteral("csv")}));
        QCOMPARE(csv.exitCode, 0);
        QCOMPARE(csv.out, QByteArray("a,b,c\r\n1,\"x,\"\"y\"\"\",\r\n")); // RFC 4180: CRLF

        const Result json = runCli(sqliteQuery(memory, sql, {QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(json.exitCode, 0);
        const QJsonArray statements = json.json().value(QLatin1String("statements")).toArray();
        QCOMPARE(statements.size(), 1);
        const QJsonObject result = statements.first().toObject();
        QCOMPARE(
            result.value(QLatin1String("columns")).toArray().at(1).toObject().value(QLatin1String("name")).toString(),
            QStringLiteral("b"));
        const QJsonArray row = result.value(QLatin1String("rows")).toArray().first().toArray();
        QCOMPARE(row.at(0).toInt(), 1);
        QCOMPARE(row.at(1).toString(), QStringLiteral("x,\"y\""));
        QVERIFY(row.at(2).isNull());

        const Result bad = runCli(sqliteQuery(memory, sql, {QStringLiteral("--format"), QStringLiteral("xml")}));
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.oneErrorLine());
    }

    void queryBadInputs_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");

        QTest::newRow("unknown backend") << QStringList{QStringLiteral("query"),
                                                        QStringLiteral("--backend"),
                                                        QStringLiteral("nosuch"),
                                                        QStringLiteral("--connection"),
                                                        memory,
                                                        QStringLiteral("SELECT 1")}
                                         << QStringLiteral("unknown backend \"nosuch\"");
        QTest::newRow("relative sqlite path")
            << sqliteQuery(QStringLiteral("sqlite:relative.db"), QStringLiteral("SELECT 1"))
            << QStringLiteral("malformed SQLite URI");
        QTest::newRow("no scheme") << sqliteQuery(QStringLiteral("nonsense"), QStringLiteral("SELECT 1"))
                                   << QStringLiteral("malformed connection URI");
        QTest::newRow("missing connection") << QStringList{QStringLiteral("query"), QStringLiteral("--backend"),
                                                           QStringLiteral("sqlite"), QStringLiteral("SELECT 1")}
                                            << QStringLiteral("--connection");
        QTest::newRow("syntax error") << sqliteQuery(memory, QStringLiteral("SELECT 1;\nSELEC 2"))
                                      << QStringLiteral("syntax error (line 2, column 1)");
        QTest::newRow("execution error") << sqliteQuery(memory, QStringLiteral("SELECT * FROM missing_table"))
                                         << QStringLiteral("no such table: missing_table");
    }

    void queryBadInputs()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Result r = runCli(args);
        QVERIFY(r.finished);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.oneErrorLine(), r.err.constData());
        QVERIFY2(r.errText().contains(expected), r.err.constData());
    }

    void queryUnreadableDatabases()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A folder where the database file should be.
        const QString folder = dir.filePath(QStringLiteral("folder.db"));
        QVERIFY(QDir().mkpath(folder));
        Result r = runCli(sqliteQuery(QStringLiteral("sqlite://") + folder, QStringLiteral("SELECT 1")));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.oneErrorLine() && r.errText().contains(QLatin1String("cannot open")), r.err.constData());

        // Random bytes.
        const QString random = dir.filePath(QStringLiteral("random.db"));
        QFile file(random);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray bytes(8192, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(QRandomGenerator::global()->bounded(256));
        bytes.replace(0, 16, "not sqlite at al");
        file.write(bytes);
        file.close();
        r = runCli(
            sqliteQuery(QStringLiteral("sqlite://") + random, QStringLiteral("SELECT count(*) FROM sqlite_master")));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.oneErrorLine() && r.errText().contains(QLatin1String("not a database")), r.err.constData());
    }

    void queryTimeout()
    {
        const Result r = runCli(sqliteQuery(
            memory,
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"),
            {QStringLiteral("--timeout"), QStringLiteral("0.5")}));
        QVERIFY(r.finished);
        QVERIFY2(r.elapsedMs < 5000, qPrintable(QString::number(r.elapsedMs)));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.oneErrorLine() && r.errText().contains(QLatin1String("cancelled after the 0.5 s time limit")),
                 r.err.constData());
    }

    void queryLongScriptIsLinear()
    {
        // 20,000 statements: copying the rest of the script per statement would be quadratic.
        QString script;
        for (int i = 0; i < 20000; ++i)
            script += QStringLiteral("SELECT %1;\n").arg(i);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("script.sql"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(script.toUtf8());
        file.close();
        QProcess process;
        process.setStandardInputFile(path);
        process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/dblearn-cli"),
                      sqliteQuery(memory, QStringLiteral("-"), {QStringLiteral("--format"), QStringLiteral("csv")}));
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(out.endsWith("19999\r\n"), out.right(40).constData());
    }

    void checkContentGood()
    {
        const Result r =
            runCli({QStringLiteral("check-content"), QStringLiteral("--content"), fixture("good"),
                    QStringLiteral("--cache"), QStringLiteral(DBLEARN_TEST_CACHE_DIR), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = r.json();
        const QJsonArray lessons = json.value(QLatin1String("lessons")).toArray();
        QCOMPARE(lessons.size(), 2);
        for (const QJsonValue &v : lessons) {
            const QJsonObject lesson = v.toObject();
            for (const char *key :
                 {"path", "words", "runnable", "exercises", "quizQuestions", "diagrams", "references"})
                QVERIFY2(lesson.value(QLatin1String(key)).isDouble() || lesson.value(QLatin1String(key)).isString(),
                         key);
            QVERIFY(lesson.value(QLatin1String("errors")).isArray());
            QCOMPARE(lesson.value(QLatin1String("errors")).toArray().size(), 0);
        }
        QCOMPARE(lessons.at(1).toObject().value(QLatin1String("path")).toString(),
                 QStringLiteral("01_foundations/02_shop_orders.md"));
        QCOMPARE(lessons.at(1).toObject().value(QLatin1String("exercises")).toInt(), 2);
        const QJsonObject summary = json.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.value(QLatin1String("written")).toInt(), 2);
        QCOMPARE(summary.value(QLatin1String("total")).toInt(), 3);
        QCOMPARE(summary.value(QLatin1String("errors")).toInt(), 0);
        QCOMPARE(summary.value(QLatin1String("skipped")).toInt(), 0);
    }

    void checkContentBroken()
    {
        const Result r = runCli({QStringLiteral("check-content"), QStringLiteral("--content"), fixture("broken"),
                                 QStringLiteral("--cache"), QStringLiteral(DBLEARN_TEST_CACHE_DIR),
                                 QStringLiteral("--timeout"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 1);
        const QString err = r.errText();
        QVERIFY2(err.contains(QLatin1String("01_basics/01_broken_runs.md:35: the runnable block (line 33) fails")),
                 qPrintable(err));
        QVERIFY2(
            err.contains(QLatin1String("01_basics/02_broken_structure.md:40: quiz block: a single-choice question")),
            qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("01_basics/03_bad_utf8.md:9: cannot be rendered: invalid UTF-8")),
                 qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("notes.txt: warning: ")), qPrintable(err));
        QVERIFY2(r.out.contains("15 errors in 3 lessons"), r.out.constData());

        const Result json = runCli({QStringLiteral("check-content"), QStringLiteral("--content"), fixture("broken"),
                                    QStringLiteral("--no-run"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 1);
        QVERIFY(json.err.isEmpty());
        QCOMPARE(json.json().value(QLatin1String("summary")).toObject().value(QLatin1String("errors")).toInt(), 10);
    }

    void checkContentUsageErrors()
    {
        Result r = runCli({QStringLiteral("check-content"), QStringLiteral("--content"), fixture("good"),
                           QStringLiteral("--backend"), QStringLiteral("postgresql")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.oneErrorLine());
        r = runCli({QStringLiteral("check-content"), QStringLiteral("--content"), fixture("good"),
                    QStringLiteral("--backend"), QStringLiteral("nosuch"), QStringLiteral("--connection"),
                    QStringLiteral("postgresql://localhost/x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.oneErrorLine() && r.errText().contains(QLatin1String("unknown backend")), r.err.constData());
        r = runCli(
            {QStringLiteral("check-content"), QStringLiteral("--content"), QStringLiteral("/nonexistent/content")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.errText().contains(QLatin1String("does not exist")));
    }

    void render()
    {
        const QStringList lesson{QStringLiteral("render"), QStringLiteral("01_foundations/01_indexes.md"),
                                 QStringLiteral("--content"), fixture("good")};
        Result r = runCli(lesson);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        QVERIFY2(r.out.startsWith("<!DOCTYPE html>"), r.out.left(200).constData());
        QVERIFY(r.out.contains("Content-Security-Policy"));
        QVERIFY(r.out.contains("data-theme=\"light\""));
        QVERIFY(r.out.contains("<h1 id=\"indexes-how-sqlite-finds-rows\">"));

        r = runCli(lesson + QStringList{QStringLiteral("--body-only")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("<h1 id=\"indexes-how-sqlite-finds-rows\">"), r.out.left(200).constData());
        QVERIFY(!r.out.contains("<html"));
        QVERIFY(r.out.contains("data-snippet=\"snippet-1\""));

        // A file path works too.
        r = runCli({QStringLiteral("render"), fixture("good") + QStringLiteral("/01_foundations/02_shop_orders.md"),
                    QStringLiteral("--body-only")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("<pre class=\"mermaid\">"));

        r = runCli({QStringLiteral("render"), QStringLiteral("01_basics/03_bad_utf8.md"), QStringLiteral("--content"),
                    fixture("broken")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.oneErrorLine() && r.errText().contains(QLatin1String("invalid UTF-8")), r.err.constData());
        QVERIFY(r.out.isEmpty());

        r = runCli({QStringLiteral("render"), QStringLiteral("no/such/lesson.md"), QStringLiteral("--content"),
                    fixture("good")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.oneErrorLine());
    }

    void search()
    {
        Result r = runCli({QStringLiteral("search"), QStringLiteral("fan-out"), QStringLiteral("--content"),
                           fixture("good"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray hits = r.json().value(QLatin1String("hits")).toArray();
        QVERIFY2(!hits.isEmpty(), r.out.constData());
        const QJsonObject hit = hits.first().toObject();
        QCOMPARE(hit.value(QLatin1String("path")).toString(), QStringLiteral("01_foundations/01_indexes.md"));
        QCOMPARE(hit.value(QLatin1String("title")).toString(), QStringLiteral("Indexes: how SQLite finds rows"));
        QCOMPARE(hit.value(QLatin1String("anchor")).toString(),
                 QStringLiteral("how-a-b-tree-index-narrows-the-search"));
        QVERIFY(hit.value(QLatin1String("snippet")).toString().contains(QLatin1String("[[")));

        r = runCli({QStringLiteral("search"), QStringLiteral("group"), QStringLiteral("--content"), fixture("good"),
                    QStringLiteral("--limit"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("01_foundations/02_shop_orders.md#"), r.out.constData());
        QVERIFY(r.out.endsWith("1 hit\n"));

        r = runCli({QStringLiteral("search"), QStringLiteral("x"), QStringLiteral("--limit"), QStringLiteral("zero")});
        QCOMPARE(r.exitCode, 2);
    }

    void datasetAndCompareAreWired()
    {
        Result r = runCli({QStringLiteral("dataset"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("\"shop\""), r.out.left(300).constData());
        const QStringList compare{QStringLiteral("compare"), QStringLiteral("--connection"), memory};
        r = runCli(compare + QStringList{QStringLiteral("SELECT 1 AS a"), QStringLiteral("SELECT 1.0 AS b")});
        QCOMPARE(r.exitCode, 0);
        r = runCli(compare + QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")});
        QCOMPARE(r.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"

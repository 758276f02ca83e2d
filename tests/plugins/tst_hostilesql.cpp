// Hostile learner SQL on the embedded SQLite, through the path the console uses (ConsoleTab →
// ConsoleSession → QueryRunner → the sqlite plugin), on a dataset file: every input is refused or
// bounded (time, memory, rows) with a clear message in the Messages tab, the tab stays usable,
// and the user interface keeps processing events. The longest event-loop stall and the peak
// memory of each input are printed as figures (not asserted: they depend on the machine).

#include "backends/backendregistry.h"
#include "console/consoletab.h"
#include "console/resultmodel.h"
#include "console/resultpane.h"
#include "console/sqleditor.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace dblearn;

namespace {

// The longest gap between two ticks of a 5 ms timer on the user interface thread, while it runs.
class StallMeter final : public QObject
{
public:
    explicit StallMeter(QObject *parent = nullptr) : QObject(parent)
    {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longest = qMax(m_longest, m_clock.restart());
        });
    }
    void start()
    {
        m_longest = 0;
        m_clock.start();
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return qMax(m_longest, m_clock.elapsed());
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

// Resident memory of this process: current, and the peak since resetPeak() (Linux /proc).
qint64 statusKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5"); // resets VmHWM to the current resident size
}

QString repeated(const QString &statement, int times)
{
    QString script;
    script.reserve(statement.size() * times);
    for (int i = 0; i < times; ++i)
        script += statement;
    return script;
}

const QString hundredMillionRows = QStringLiteral(
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10000) ");

} // namespace

class HostileSqlTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_registry.scan();
        QVERIFY(m_registry.isLoaded(QStringLiteral("sqlite")));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("datasets")));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("outside")));
    }

    void cleanupTestCase()
    {
        qInfo("hostile inputs tried: %d; refused with a message: %d; bounded: %d; accepted within bounds: %d",
              m_tried, m_refused, m_bounded, m_accepted);
        qInfo("longest event-loop stall over all inputs: %lld ms", static_cast<long long>(m_worstStall));
    }

    void consoleDefaultsBoundEveryStatement()
    {
        // The console tab starts with a time limit: an endless statement never runs for ever.
        ConsoleTab tab;
        openDataset(&tab);
        QVERIFY(tab.session()->timeLimitMs() > 0);
        QVERIFY(tab.session()->timeLimitMs() <= 300000);
    }

    void hostileInput_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("limitSeconds"); // the tab's time limit for this input
        QTest::addColumn<QString>("outcome");  // refused, bounded (stopped with a message) or accepted
        QTest::addColumn<QString>("message");  // in the Messages tab afterwards

        const QString outside = m_dir.filePath(QStringLiteral("outside/stolen.db"));
        const QString inside = m_dir.filePath(QStringLiteral("datasets/other.db"));
        const QString attachRefusal = QStringLiteral("ATTACH of a file is refused");
        QTest::newRow("ATTACH outside") << QStringLiteral("ATTACH DATABASE '%1' AS stolen").arg(outside) << 10
                                        << QStringLiteral("refused") << attachRefusal;
        QTest::newRow("ATTACH inside the dataset folder")
            << QStringLiteral("ATTACH '%1' AS other").arg(inside) << 10 << QStringLiteral("refused") << attachRefusal;
        QTest::newRow("ATTACH file: URI") << QStringLiteral("ATTACH 'file:%1?mode=rwc' AS stolen").arg(outside) << 10
                                          << QStringLiteral("refused") << attachRefusal;
        QTest::newRow("ATTACH expression") << QStringLiteral("ATTACH '%1' || '' AS stolen").arg(outside) << 10
                                           << QStringLiteral("refused") << QStringLiteral("not authorized");
        QTest::newRow("ATTACH /etc/passwd") << QStringLiteral("ATTACH '/etc/passwd' AS p") << 10
                                            << QStringLiteral("refused") << attachRefusal;
        QTest::newRow("VACUUM INTO outside") << QStringLiteral("VACUUM INTO '%1'").arg(outside) << 10
                                             << QStringLiteral("refused") << QStringLiteral("ERROR:");
        QTest::newRow("load_extension") << QStringLiteral("SELECT load_extension('/usr/lib/x86_64-linux-gnu/libm.so.6')")
                                        << 10 << QStringLiteral("refused")
                                        << QStringLiteral("loading SQLite extensions is disabled");
        QTest::newRow("load_extension entry point")
            << QStringLiteral("SELECT LOAD_EXTENSION('libc.so.6', 'system')") << 10 << QStringLiteral("refused")
            << QStringLiteral("loading SQLite extensions is disabled");
        QTest::newRow("writable_schema UPDATE")
            << QStringLiteral("PRAGMA writable_schema = ON;\nUPDATE sqlite_schema SET sql = 'CREATE TABLE t(x, y)' "
                              "WHERE name = 't'")
            << 10 << QStringLiteral("refused") << QStringLiteral("may not be modified");
        QTest::newRow("writable_schema DELETE")
            << QStringLiteral("PRAGMA writable_schema = 1;\nDELETE FROM sqlite_master") << 10 << QStringLiteral("refused")
            << QStringLiteral("may not be modified");
        QTest::newRow("temp_store_directory") << QStringLiteral("PRAGMA temp_store_directory = '/tmp'") << 10
                                              << QStringLiteral("refused") << QStringLiteral("is disabled");
        QTest::newRow("fts3_tokenizer pointer") << QStringLiteral("SELECT fts3_tokenizer('simple', x'0102030405060708')")
                                                << 10 << QStringLiteral("refused")
                                                << QStringLiteral("fts3tokenize disabled");
        // 10^8 rows counted take about 2 s here: a three-way join of 10^12 is what needs the limit.
        QTest::newRow("cartesian 10^12 count") << hundredMillionRows + QStringLiteral("SELECT count(*) FROM n a, n b, n c")
                                               << 2 << QStringLiteral("bounded")
                                               << QStringLiteral("stopped by the time limit of 2 s");
        QTest::newRow("cartesian 10^8 rows") << hundredMillionRows + QStringLiteral("SELECT a.x, b.x FROM n a, n b")
                                             << 2 << QStringLiteral("bounded")
                                             << QStringLiteral("stopped by the time limit of 2 s");
        QTest::newRow("endless recursive CTE")
            << QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c") << 2
            << QStringLiteral("bounded") << QStringLiteral("stopped by the time limit of 2 s");
        QTest::newRow("endless recursive CTE, deduplicated")
            << QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION SELECT x + 1 FROM c) SELECT count(*) FROM c") << 2
            << QStringLiteral("bounded") << QStringLiteral("stopped by the time limit of 2 s");
        QTest::newRow("endless CTE of 10 MB rows")
            << QStringLiteral("WITH RECURSIVE c(x) AS (SELECT zeroblob(10000000) UNION ALL SELECT x FROM c) "
                              "SELECT x FROM c")
            << 2 << QStringLiteral("bounded") << QStringLiteral("stopped by the time limit of 2 s");
        QTest::newRow("endless trigger recursion")
            << QStringLiteral("PRAGMA recursive_triggers = 1;\nCREATE TEMP TABLE r(x);\n"
                              "CREATE TEMP TRIGGER rr AFTER INSERT ON r BEGIN INSERT INTO r VALUES (new.x + 1); END;\n"
                              "INSERT INTO r VALUES (1)")
            << 10 << QStringLiteral("refused") << QStringLiteral("too many levels of trigger recursion");
        QTest::newRow("100 MB string") << QStringLiteral("SELECT printf('%.*c', 100000000, 'x') AS big") << 30
                                       << QStringLiteral("accepted") << QStringLiteral("1 row");
        QTest::newRow("100 MB zeroblob") << QStringLiteral("SELECT zeroblob(100000000) AS big") << 30
                                         << QStringLiteral("accepted") << QStringLiteral("1 row");
        QTest::newRow("100 MB randomblob") << QStringLiteral("SELECT randomblob(100000000) AS big") << 30
                                           << QStringLiteral("accepted") << QStringLiteral("1 row");
        // SQLite's printf() stops at the length limit without an error: bounded, silently.
        QTest::newRow("1 GB printf") << QStringLiteral("SELECT length(printf('%.*c', 1000000000, 'x'))") << 30
                                     << QStringLiteral("accepted") << QStringLiteral("1 row");
        QTest::newRow("1 GB zeroblob") << QStringLiteral("SELECT length(zeroblob(1000000000))") << 30
                                       << QStringLiteral("refused") << QStringLiteral("too big");
        QTest::newRow("doubling string")
            << QStringLiteral("WITH RECURSIVE s(v) AS (SELECT 'x' UNION ALL SELECT v || v FROM s) SELECT length(v) FROM s")
            << 30 << QStringLiteral("refused") << QStringLiteral("too big");
        QTest::newRow("500 statements") << repeated(QStringLiteral("SELECT 1;\n"), 500) << 30
                                        << QStringLiteral("accepted") << QStringLiteral("SELECT 1 — 1 row");
        QTest::newRow("5,000 statements") << repeated(QStringLiteral("SELECT 1;\n"), 5000) << 60
                                          << QStringLiteral("accepted")
                                          << QStringLiteral("4975 more results are not shown");
        QTest::newRow("syntax error") << QStringLiteral("SELEC 1 FROM") << 10 << QStringLiteral("refused")
                                      << QStringLiteral("syntax error");
        QTest::newRow("unterminated string") << QStringLiteral("SELECT 'never closed") << 10
                                             << QStringLiteral("refused") << QStringLiteral("unrecognized token");
        QTest::newRow("expression nested 5,000 deep")
            << QStringLiteral("SELECT ") + repeated(QStringLiteral("("), 5000) + QStringLiteral("1")
                   + repeated(QStringLiteral(")"), 5000)
            << 10 << QStringLiteral("refused") << QStringLiteral("parser stack overflow");
        // SQLite (and libpq) read SQL up to a NUL: the DROP would have been dropped without a word.
        QTest::newRow("NUL in the SQL") << QStringLiteral("SELECT 1;\u0000 DROP TABLE t") << 10
                                        << QStringLiteral("refused")
                                        << QStringLiteral("[line 1, column 10] ERROR: the SQL contains a NUL character");
        QTest::newRow("DETACH main") << QStringLiteral("DETACH main") << 10 << QStringLiteral("refused")
                                     << QStringLiteral("cannot detach");
    }

    void hostileInput()
    {
        QFETCH(QString, sql);
        QFETCH(int, limitSeconds);
        QFETCH(QString, outcome);
        QFETCH(QString, message);
        ++m_tried;

        ConsoleTab tab;
        tab.resize(1000, 700);
        tab.show();
        openDataset(&tab);
        tab.setTimeLimitSeconds(limitSeconds);
        QSignalSpy done(&tab, &ConsoleTab::runFinished);

        StallMeter stall;
        resetPeak();
        const qint64 rssBefore = statusKiB("VmRSS");
        QElapsedTimer clock;
        clock.start();
        stall.start();
        tab.editor()->setPlainText(sql);
        tab.runScript();
        // A refusal before anything runs ends the run at once, inside runScript().
        QVERIFY2(!done.isEmpty() || done.wait(limitSeconds * 1000 + 60000), "the run did not end");
        // Let the grid show what arrived, as a learner would see it.
        for (int i = 0; i < tab.resultCount(); ++i)
            tab.results()->setCurrentIndex(i + 1);
        QTest::qWait(200);
        const qint64 longestStall = stall.stop();
        const qint64 elapsed = clock.elapsed();
        const qint64 peak = statusKiB("VmHWM");
        m_worstStall = qMax(m_worstStall, longestStall);

        // What painting a cell of the result costs the user interface thread (the grid asks for the
        // text and the tooltip of each visible cell at every paint).
        double cellMs = -1;
        if (tab.resultPane(0) && tab.resultPane(0)->model()->rowCount() > 0 && tab.resultPane(0)->model()->ensureLoaded(0)) {
            ResultModel *model = tab.resultPane(0)->model();
            QElapsedTimer cellClock;
            cellClock.start();
            for (int i = 0; i < 10; ++i) {
                const QString shown = model->index(0, 0).data(Qt::DisplayRole).toString();
                QVERIFY2(shown.size() <= ResultModel::displayLimit + 64, qPrintable(shown.left(100)));
                model->index(0, 0).data(Qt::ToolTipRole);
            }
            cellMs = cellClock.nsecsElapsed() / 1e7;
        }
        const QString messages = tab.messages()->toPlainText();
        qInfo("%-40s %s (%s) in %6lld ms; longest stall %4lld ms; peak memory +%lld MiB; %d result tabs; "
              "first cell's text and tooltip %.3f ms",
              QTest::currentDataTag(), qPrintable(outcome), done.first().first().toBool() ? "ok" : "failed",
              static_cast<long long>(elapsed),
              static_cast<long long>(longestStall), static_cast<long long>((peak - rssBefore) / 1024),
              tab.resultCount(), cellMs);
        QVERIFY2(messages.contains(message),
                 qPrintable(QStringLiteral("expected \"%1\" in:\n%2").arg(message, messages.right(2000))));
        if (outcome == QLatin1String("accepted")) {
            QVERIFY2(done.first().first().toBool(), qPrintable(messages.right(2000)));
            ++m_accepted;
        } else {
            QVERIFY2(!done.first().first().toBool(), qPrintable(messages.right(2000)));
            ++(outcome == QLatin1String("bounded") ? m_bounded : m_refused);
        }

        // Nothing was written outside, and the dataset is whole.
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("outside/stolen.db"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("datasets/other.db"))));
        QVERIFY(QDir(m_dir.filePath(QStringLiteral("outside"))).isEmpty());
        runAndExpect(&tab, QStringLiteral("SELECT count(*) FROM t"), QStringLiteral("3"));
        runAndExpect(&tab, QStringLiteral("PRAGMA integrity_check"), QStringLiteral("ok"));
    }

    void cancelEndsAHundredMillionRowJoin()
    {
        ConsoleTab tab;
        tab.show();
        openDataset(&tab);
        tab.setTimeLimitSeconds(0); // only Cancel can stop it
        QSignalSpy done(&tab, &ConsoleTab::runFinished);
        StallMeter stall;
        stall.start();
        tab.editor()->setPlainText(hundredMillionRows + QStringLiteral("SELECT a.x, b.x, a.x * b.x FROM n a, n b"));
        tab.runScript();
        QTest::qWait(1500);
        QVERIFY(tab.isRunning());
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        QTest::keyClick(tab.editor(), Qt::Key_Escape);
        QVERIFY2(done.wait(30000), "Esc did not end the run");
        const qint64 cancelMs = sinceCancel.elapsed();
        const qint64 longestStall = stall.stop();
        ++m_tried;
        ++m_bounded;
        qInfo("cancel of a 10^8-row join after 1.5 s: ended %lld ms after Esc; longest stall %lld ms; %s",
              static_cast<long long>(cancelMs), static_cast<long long>(longestStall),
              qPrintable(tab.resultPane(0) ? QStringLiteral("%1 rows kept").arg(tab.resultPane(0)->model()->rowCount())
                                           : QStringLiteral("no result")));
        m_worstStall = qMax(m_worstStall, longestStall);
        QVERIFY(tab.messages()->toPlainText().contains(QLatin1String("CANCELLED")));
        runAndExpect(&tab, QStringLiteral("SELECT 42"), QStringLiteral("42"));
    }

private:
    // A fresh copy of a small dataset in the datasets folder, opened in the tab.
    void openDataset(ConsoleTab *tab)
    {
        const QString path = m_dir.filePath(QStringLiteral("datasets/shop%1.db").arg(++m_counter));
        QString error;
        {
            auto setup = m_registry.createConnection(QStringLiteral("sqlite"), &error);
            QVERIFY2(setup, qPrintable(error));
            QueryError openError;
            QVERIFY(setup->open(ConnectionUri::parse(QStringLiteral("sqlite://") + path, &error), &openError));
            QVERIFY(setup->execute(QStringLiteral("CREATE TABLE t(x INTEGER)")).ok);
            QVERIFY(setup->execute(QStringLiteral("INSERT INTO t VALUES (1), (2), (3)")).ok);
        }
        auto connection = m_registry.createConnection(QStringLiteral("sqlite"), &error);
        QueryError openError;
        QVERIFY(connection->open(ConnectionUri::parse(QStringLiteral("sqlite://") + path, &error), &openError));
        ConsoleTarget target;
        target.uri = QStringLiteral("sqlite://") + path;
        tab->setConnection(std::move(connection), target, QStringLiteral("sqlite"));
    }

    void runAndExpect(ConsoleTab *tab, const QString &sql, const QString &value)
    {
        QSignalSpy done(tab, &ConsoleTab::runFinished);
        tab->setTimeLimitSeconds(10);
        tab->runText(sql, -1);
        QVERIFY2(done.wait(20000), qPrintable(sql));
        QVERIFY2(done.first().first().toBool(), qPrintable(tab->messages()->toPlainText().right(500)));
        QVERIFY(tab->resultPane(0));
        ResultModel *model = tab->resultPane(0)->model();
        QTRY_COMPARE(model->rowCount(), 1);
        QVERIFY(model->ensureLoaded(0));
        QCOMPARE(model->index(0, 0).data().toString(), value);
    }

    BackendRegistry m_registry;
    QTemporaryDir m_dir;
    int m_counter = 0;
    int m_tried = 0;
    int m_refused = 0;
    int m_bounded = 0;
    int m_accepted = 0;
    qint64 m_worstStall = 0;
};

QTEST_MAIN(HostileSqlTest)
#include "tst_hostilesql.moc"

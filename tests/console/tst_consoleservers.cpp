// The console's widgets offscreen on the real PostgreSQL and MariaDB plugins, against the test
// suite's private servers: a script with one result per statement, NULL distinct from empty, an
// error marked where the engine says, notices and warnings in Messages, the transaction state with
// Rollback, the schema browser, a 200,000-row result streamed into the grid, Esc cancelling a
// long statement through the engine's own cancel with the tab usable afterwards, and Explain
// Analyze opening the plan window. With DBLEARN_SCREENSHOT_DIR set, each tab is saved as a PNG.

#include "backends/backendregistry.h"
#include "backends/connectionuri.h"
#include "console/consoletab.h"
#include "console/resultmodel.h"
#include "console/resultpane.h"
#include "console/sqleditor.h"
#include "plans/planhistory.h"
#include "plans/planwindow.h"
#include "testsupport/testservers.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace dblearn;

namespace {

struct Engine {
    const char *id;
    const char *uriVariable;
    const char *sleep;          // a statement that runs for 30 s
    const char *rows200k;       // 200,000 rows
    const char *warning;        // a query whose rows come with a notice or warning (sent as they are read)
    const char *warningText;    // part of that notice or warning
};

const Engine engines[] = {
    {"postgresql", "DBLEARN_TEST_POSTGRESQL_URI", "SELECT pg_sleep(30)",
     "SELECT g, md5(g::text) FROM generate_series(1, 200000) g",
     "CREATE FUNCTION pg_temp.note(i int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'console notice %', i; "
     "RETURN i; END $$;\nSELECT pg_temp.note(g) FROM generate_series(41, 42) g",
     "console notice 42"},
    {"mariadb", "DBLEARN_TEST_MARIADB_URI", "SELECT SLEEP(30)",
     "SELECT seq, md5(seq) FROM seq_1_to_200000",
     "SELECT CAST('12abc' AS SIGNED)", "1292"},
};

} // namespace

class ConsoleServersTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_registry.scan();
    }

    void console_data()
    {
        QTest::addColumn<int>("engine");
        for (int i = 0; i < int(std::size(engines)); ++i)
            QTest::newRow(engines[i].id) << i;
    }

    void console()
    {
        QFETCH(int, engine);
        const Engine &e = engines[engine];
        const QString uri = test::testServerValue(e.uriVariable, QStringLiteral("console"));
        if (uri.isEmpty())
            QSKIP("no test server (run through ctest, which starts them)");
        QVERIFY2(m_registry.isLoaded(QString::fromLatin1(e.id)), e.id);

        ConsoleTab tab;
        tab.resize(1100, 700);
        QString error;
        auto connection = m_registry.createConnection(QString::fromLatin1(e.id), &error);
        QVERIFY2(connection, qPrintable(error));
        QueryError openError;
        QVERIFY2(connection->open(ConnectionUri::parse(uri, &error), &openError), qPrintable(openError.message));
        ConsoleTarget target;
        target.backendId = QString::fromLatin1(e.id);
        target.dataset.clear();
        target.uri = uri;
        tab.setConnection(std::move(connection), target, QString::fromLatin1(e.id));
        tab.setExplainOptions(m_registry.find(QString::fromLatin1(e.id))->explainOptions);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QSignalSpy done(&tab, &ConsoleTab::runFinished);

        // A script: one result per statement that returns rows, rows affected for the others.
        tab.editor()->setPlainText(QStringLiteral(
            "DROP TABLE IF EXISTS console_t;\n"
            "CREATE TABLE console_t (a INT PRIMARY KEY, b VARCHAR(20), c DECIMAL(6,2));\n"
            "INSERT INTO console_t VALUES (1, NULL, 1.50), (2, '', 2.00), (3, 'three', -3.25);\n"
            "SELECT * FROM console_t ORDER BY a;\n"
            "SELECT count(*) AS n FROM console_t;"));
        tab.runScript();
        QVERIFY(done.wait(30000));
        QVERIFY2(done.last().first().toBool(), qPrintable(tab.messages()->toPlainText()));
        QCOMPARE(tab.resultCount(), 2);
        ResultPane *pane = tab.resultPane(0);
        QTRY_COMPARE(pane->model()->rowCount(), 3);
        QVERIFY(pane->model()->ensureLoaded(0));
        QCOMPARE(pane->model()->index(0, 1).data().toString(), QStringLiteral("NULL"));
        QCOMPARE(pane->model()->index(1, 1).data().toString(), QString());
        QCOMPARE(pane->model()->index(2, 2).data().toString(), QStringLiteral("-3.25"));
        QVERIFY(tab.messages()->toPlainText().contains(QLatin1String("3 rows affected")));

        // The schema browser's source: the new table with its columns.
        tab.refreshSchema();
        QTRY_VERIFY_WITH_TIMEOUT(hasTable(tab, QStringLiteral("console_t")), 15000);

        // An error: marked at the engine's position, the message in Messages.
        tab.editor()->setPlainText(QStringLiteral("SELECT 1;\n\nSELECT a FRM console_t;"));
        tab.runScript();
        QVERIFY(done.wait(30000));
        QCOMPARE(done.last().first().toBool(), false);
        const int second = int(tab.editor()->toPlainText().indexOf(QLatin1String("SELECT a")));
        QVERIFY2(tab.editor()->errorPosition() >= second, qPrintable(QString::number(tab.editor()->errorPosition())));
        QVERIFY(tab.messages()->toPlainText().contains(QLatin1String("ERROR:")));
        QVERIFY(tab.messages()->toPlainText().contains(QLatin1String("line 3")));

        // A notice (PostgreSQL) or warning (MariaDB) reaches Messages.
        tab.runText(QString::fromLatin1(e.warning), -1);
        QVERIFY(done.wait(30000));
        QVERIFY2(tab.messages()->toPlainText().contains(QString::fromLatin1(e.warningText)), qPrintable(tab.messages()->toPlainText()));

        // The transaction state: open after BEGIN, an insert undone by Rollback.
        auto *state = tab.findChild<QLabel *>(QStringLiteral("TransactionState"));
        QVERIFY(state);
        tab.runText(QStringLiteral("BEGIN;\nINSERT INTO console_t VALUES (4, 'four', 4);"), -1);
        QVERIFY(done.wait(30000));
        QVERIFY2(state->text().contains(QLatin1String("Transaction open")), qPrintable(state->text()));
        tab.runText(QStringLiteral("ROLLBACK"), -1);
        QVERIFY(done.wait(30000));
        QVERIFY2(state->text().contains(QLatin1String("Auto-commit")), qPrintable(state->text()));
        tab.runText(QStringLiteral("SELECT count(*) FROM console_t"), -1);
        QVERIFY(done.wait(30000));
        pane = tab.resultPane(0);
        QTRY_COMPARE(pane->model()->rowCount(), 1);
        QVERIFY(pane->model()->ensureLoaded(0));
        QCOMPARE(pane->model()->index(0, 0).data().toString(), QStringLiteral("3"));

        // 200,000 rows stream into the grid; the row count is the server's.
        tab.runText(QString::fromLatin1(e.rows200k), -1);
        QVERIFY(done.wait(60000));
        pane = tab.resultPane(0);
        QTRY_COMPARE_WITH_TIMEOUT(pane->model()->totalRows(), qint64(200000), 30000);
        QCOMPARE(pane->model()->rowCount(), ResultModel::windowRows); // the grid's window onto them
        QCOMPARE(pane->model()->valueAt(199999, 0).toString(), QStringLiteral("200000"));
        pane->model()->setWindowStart(150000); // scrolled to the end
        QCOMPARE(pane->model()->index(49999, 0).data().toString(), QStringLiteral("200000"));
        pane->model()->setWindowStart(0);
        saveScreenshot(tab, QStringLiteral("console-%1.png").arg(QString::fromLatin1(e.id)));

        // Esc cancels a 30 s statement through the engine's cancel; the tab stays usable.
        tab.editor()->setPlainText(QString::fromLatin1(e.sleep));
        tab.runScript();
        QTest::qWait(500);
        QVERIFY(tab.isRunning());
        tab.editor()->setFocus();
        QTest::keyClick(tab.editor(), Qt::Key_Escape);
        QVERIFY(done.wait(10000));
        QVERIFY2(tab.messages()->toPlainText().contains(QLatin1String("CANCELLED")), qPrintable(tab.messages()->toPlainText().right(400)));
        tab.runText(QStringLiteral("SELECT 5"), -1);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.last().first().toBool(), true);

        // The EXPLAIN options the engine takes are offered (PostgreSQL: Buffers on by default).
        const bool postgres = QByteArray(e.id) == "postgresql";
        QCOMPARE(tab.explainOptionAction(QStringLiteral("buffers")) != nullptr, postgres);
        QCOMPARE(tab.explainOptions(true).buffers, postgres);
        if (postgres) {
            tab.explainOptionAction(QStringLiteral("wal"))->setChecked(true);
            QVERIFY(tab.explainOptions(true).wal);
            QVERIFY(!tab.explainOptions(false).wal); // WAL only with ANALYZE
            tab.explainOptionAction(QStringLiteral("wal"))->setChecked(false);
        }

        // Explain Analyze opens the plan window with the engine's analysed plan.
        const QList<QWidget *> before = planWindows();
        tab.explainSql(QStringLiteral("SELECT b, count(*) FROM console_t GROUP BY b ORDER BY b"), true);
        QTRY_VERIFY_WITH_TIMEOUT(planWindows().size() == before.size() + 1, 30000);
        for (QWidget *w : planWindows()) {
            if (!before.contains(w)) {
                saveScreenshot(*w, QStringLiteral("plan-from-console-%1.png").arg(QString::fromLatin1(e.id)));
                if (postgres) // Buffers was asked for: the plan carries the buffer counts
                    QVERIFY(qobject_cast<PlanWindow *>(w)->plan().sourceText.contains(QLatin1String("Shared Hit Blocks")));
                w->close();
            }
        }

        // Explained again (after a change, say), the query has two runs in the tab's plan history,
        // and the new plan window offers the earlier one to compare with.
        tab.explainSql(QStringLiteral("SELECT b, count(*)\nFROM console_t GROUP BY b ORDER BY b;"), true);
        QTRY_VERIFY_WITH_TIMEOUT(planWindows().size() == before.size() + 1, 30000);
        QCOMPARE(tab.planHistory().runs(QStringLiteral("SELECT b, count(*) FROM console_t GROUP BY b ORDER BY b")).size(), 2);
        for (QWidget *w : planWindows()) {
            if (!before.contains(w)) {
                auto *window = qobject_cast<PlanWindow *>(w);
                const PlanRun earlier = tab.planHistory().runs(QStringLiteral("SELECT b, count(*) FROM console_t GROUP BY b ORDER BY b")).first();
                QWidget *diff = window->compareWith(earlier.text, earlier.title);
                QVERIFY(diff);
                saveScreenshot(*diff, QStringLiteral("plan-diff-%1.png").arg(QString::fromLatin1(e.id)));
                diff->close();
                w->close();
            }
        }

        tab.runText(QStringLiteral("DROP TABLE console_t"), -1);
        QVERIFY(done.wait(30000));
    }

private:
    static bool hasTable(const ConsoleTab &tab, const QString &name)
    {
        for (const SchemaTable &table : tab.schema().tables) {
            if (table.name == name)
                return table.columns.size() == 3;
        }
        return false;
    }

    static QList<QWidget *> planWindows()
    {
        QList<QWidget *> found;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (qobject_cast<PlanWindow *>(w) && w->isVisible())
                found << w;
        }
        return found;
    }

    static void saveScreenshot(QWidget &widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("DBLEARN_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            widget.grab().save(QDir(dir).filePath(name));
    }

    BackendRegistry m_registry;
};

QTEST_MAIN(ConsoleServersTest)
#include "tst_consoleservers.moc"

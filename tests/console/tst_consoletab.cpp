// The console's widgets offscreen, on the real SQLite plugin: keys, results grid, errors marked in
// the editor, copy formats, cancel with Esc, the manager's tabs, lesson hand-off and restored scripts.

#include "backends/backendregistry.h"
#include "console/consolemanager.h"
#include "console/consoletab.h"
#include "console/historydock.h"
#include "console/resultpane.h"
#include "console/schemadock.h"
#include "console/sqleditor.h"
#include "console/sqlhighlighter.h"
#include "console/resultmodel.h"
#include "datasets/datasetprovider.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace dblearn;

class ConsoleTabTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_registry.scan();
        QVERIFY(m_registry.isLoaded(QStringLiteral("sqlite")));
    }

    void editorBasics()
    {
        SqlEditor editor;
        editor.setPlainText(QStringLiteral("SELECT 1;\nSELECT 2;"));
        QCOMPARE(editor.highlighter()->implementationName().isEmpty(), false);
        QTextCursor c = editor.textCursor();
        c.select(QTextCursor::Document);
        editor.setTextCursor(c);
        editor.toggleComment();
        QCOMPARE(editor.toPlainText(), QStringLiteral("-- SELECT 1;\n-- SELECT 2;"));
        editor.toggleComment();
        QCOMPARE(editor.toPlainText(), QStringLiteral("SELECT 1;\nSELECT 2;"));
        // Ctrl+/ from the keyboard on the current line only.
        c.setPosition(0);
        editor.setTextCursor(c);
        QTest::keyClick(&editor, Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor.toPlainText(), QStringLiteral("-- SELECT 1;\nSELECT 2;"));
        const int before = editor.font().pointSize();
        editor.zoomBy(2);
        QCOMPARE(editor.font().pointSize(), before + 2);
        editor.markError(13, QStringLiteral("boom"));
        QCOMPARE(editor.errorPosition(), 13);
        editor.insertPlainText(QStringLiteral("x")); // editing near the error clears it
        QCOMPARE(editor.errorPosition(), -1);
    }

    void completionFromSchemaAndAliases()
    {
        SqlEditor editor;
        editor.setSchemaNames({QStringLiteral("orders"), QStringLiteral("customers")},
                              {QStringLiteral("orders.id"), QStringLiteral("orders.total"), QStringLiteral("customers.name")});
        QVERIFY(editor.completionsFor(QStringLiteral("ord")).contains(QStringLiteral("orders")));
        QVERIFY(editor.completionsFor(QStringLiteral("SEL")).contains(QStringLiteral("SELECT")));
        QVERIFY(editor.completionsFor(QStringLiteral("orders.t")).contains(QStringLiteral("orders.total")));
        editor.setPlainText(QStringLiteral("SELECT o. FROM orders o JOIN customers AS c ON 1"));
        QVERIFY(editor.completionsFor(QStringLiteral("o.")).contains(QStringLiteral("o.total")));
        QVERIFY(editor.completionsFor(QStringLiteral("c.")).contains(QStringLiteral("c.name")));
    }

    void runsStatementUnderCursorWithCtrlEnter()
    {
        ConsoleTab tab;
        openFile(&tab);
        tab.editor()->setPlainText(QStringLiteral(
            "CREATE TABLE t(a INTEGER, b TEXT, c REAL);\nINSERT INTO t VALUES (1, NULL, 1.5), (2, '', 2);\nSELECT * FROM t ORDER BY a;"));
        QSignalSpy done(&tab, &ConsoleTab::runFinished);
        QTest::keyClick(tab.editor(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier); // the script
        QVERIFY(done.wait(10000));
        QCOMPARE(tab.resultCount(), 1);
        ResultPane *pane = tab.resultPane(0);
        QTRY_COMPARE(pane->model()->rowCount(), 2);
        QVERIFY(pane->model()->ensureLoaded(0));
        QCOMPARE(pane->model()->index(0, 1).data().toString(), QStringLiteral("NULL"));
        QCOMPARE(pane->model()->index(1, 1).data().toString(), QString());
        QVERIFY(tab.messages()->toPlainText().contains(QLatin1String("2 rows affected")));

        // Cursor in the INSERT line, Ctrl+Enter: only that statement runs.
        QTextCursor c = tab.editor()->textCursor();
        c.setPosition(int(tab.editor()->toPlainText().indexOf(QLatin1String("INSERT"))) + 3);
        tab.editor()->setTextCursor(c);
        QTest::keyClick(tab.editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(done.wait(10000));
        QCOMPARE(tab.resultCount(), 0);
        QVERIFY(tab.messages()->toPlainText().count(QLatin1String("2 rows affected")) == 2);

        // Copy as CSV and Markdown from a selection in the grid.
        tab.runText(QStringLiteral("SELECT * FROM t ORDER BY a"), -1);
        QVERIFY(done.wait(10000));
        pane = tab.resultPane(0);
        QTRY_COMPARE(pane->model()->rowCount(), 4);
        pane->view()->selectAll();
        const QByteArray csv = pane->formatSelection(ResultFormatter::Format::Csv);
        QVERIFY2(csv.startsWith("a,b,c\n1,,1.5\n1,,1.5\n2,\"\",2\n"), csv.constData());
        pane->copySelection(ResultFormatter::Format::Markdown);
        QVERIFY(QApplication::clipboard()->text().contains(QLatin1String("| 1 | NULL | 1.5 |")));
    }

    void errorIsMarkedInTheEditor()
    {
        ConsoleTab tab;
        openFile(&tab);
        tab.editor()->setPlainText(QStringLiteral("SELECT 1;\n\nSELECT * FRM nothing;"));
        QTextCursor c = tab.editor()->textCursor();
        c.setPosition(15);
        tab.editor()->setTextCursor(c);
        QSignalSpy done(&tab, &ConsoleTab::runFinished);
        tab.runStatementUnderCursor();
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().first().toBool(), false);
        const int position = tab.editor()->errorPosition();
        QVERIFY2(position >= int(tab.editor()->toPlainText().indexOf(QLatin1String("SELECT *"))), qPrintable(QString::number(position)));
        QVERIFY(tab.messages()->toPlainText().contains(QLatin1String("ERROR:")));
        QVERIFY(tab.messages()->toPlainText().contains(QLatin1String("line 3")));
        QCOMPARE(tab.results()->currentWidget(), tab.messages());
    }

    void escapeCancelsAndTheTabStaysUsable()
    {
        ConsoleTab tab;
        openFile(&tab);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        tab.editor()->setPlainText(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"));
        QSignalSpy done(&tab, &ConsoleTab::runFinished);
        tab.runScript();
        QTest::qWait(100);
        QVERIFY(tab.isRunning());
        tab.editor()->setFocus();
        QTest::keyClick(tab.editor(), Qt::Key_Escape);
        QVERIFY(done.wait(5000));
        QVERIFY(tab.messages()->toPlainText().contains(QLatin1String("CANCELLED")));
        tab.editor()->setPlainText(QStringLiteral("SELECT 5"));
        tab.runScript();
        QVERIFY(done.wait(5000));
        QCOMPARE(done.last().first().toBool(), true);
    }

    void managerTabsLessonHandOffAndRestore()
    {
        QTemporaryDir dir;
        DatasetProvider datasets(m_registry, dir.filePath(QStringLiteral("cache")), dir.filePath(QStringLiteral("work")));
        AppServices services;
        services.registry = &m_registry;
        services.datasets = &datasets;
        {
            QMainWindow window;
            auto *tabs = new QTabWidget(&window);
            window.setCentralWidget(tabs);
            ConsoleManager manager(services, &window, tabs);
            ConsoleTab *first = manager.openConsole();
            QCOMPARE(first->target().dataset, QStringLiteral("shop"));
            QTRY_VERIFY_WITH_TIMEOUT(!first->schema().tables.isEmpty(), 10000);
            QVERIFY(manager.schemaDock()->tree()->topLevelItemCount() > 0);
            QVERIFY(SchemaDock::ddlFor(first->schema().tables.first()).startsWith(QLatin1String("CREATE TABLE")));

            // Open in console: an idle console on the same dataset gets the SQL appended.
            ConsoleTab *same = manager.openFromLesson(QStringLiteral("sqlite"), QStringLiteral("shop"),
                                                      QStringLiteral("SELECT count(*) FROM orders;"));
            QCOMPARE(same, first);
            QVERIFY(first->editor()->toPlainText().contains(QLatin1String("FROM orders")));
            ConsoleTab *other = manager.openFromLesson(QStringLiteral("sqlite"), QString(), QStringLiteral("SELECT 1;"));
            QVERIFY(other != first);
            QCOMPARE(manager.consoles().size(), 2);

            // History: the run is recorded and searchable.
            QSignalSpy done(first, &ConsoleTab::runFinished);
            first->runScript();
            QVERIFY(done.wait(10000));
            QVERIFY(manager.historyDock()->historyTree()->topLevelItemCount() > 0);
            manager.saveScripts();
        }
        QMainWindow window;
        auto *tabs = new QTabWidget(&window);
        window.setCentralWidget(tabs);
        ConsoleManager restored(services, &window, tabs);
        QCOMPARE(restored.consoles().size(), 2);
        QVERIFY(restored.consoles().first()->editor()->toPlainText().contains(QLatin1String("FROM orders")));
        QCOMPARE(restored.consoles().first()->target().dataset, QStringLiteral("shop"));
    }

private:
    void openFile(ConsoleTab *tab)
    {
        QString error;
        auto connection = m_registry.createConnection(QStringLiteral("sqlite"), &error);
        QVERIFY2(connection, qPrintable(error));
        QueryError openError;
        const QString path = m_dir.filePath(QStringLiteral("tab%1.db").arg(++m_counter));
        QVERIFY(connection->open(ConnectionUri::parse(QStringLiteral("sqlite://") + path, &error), &openError));
        ConsoleTarget target;
        target.dataset.clear();
        target.uri = QStringLiteral("sqlite://") + path;
        tab->setConnection(std::move(connection), target, QStringLiteral("sqlite"));
    }

    BackendRegistry m_registry;
    QTemporaryDir m_dir;
    int m_counter = 0;
};

QTEST_MAIN(ConsoleTabTest)
#include "tst_consoletab.moc"

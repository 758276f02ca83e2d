// The plan window: a real plan opened, graph, grid, find, collapse and the details panel.

#include "plans/plangraphview.h"
#include "plans/planwindow.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTextBrowser>

using namespace dblearn;

class PlanWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void opensARealPlan();
    void badFileIsRefused();
};

void PlanWindowTest::opensARealPlan()
{
    PlanWindow window;
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    QVERIFY(window.openFile(QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fixtures/plans/pg15_cte.json")));
    window.resize(1100, 750);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.plan().nodeCount(), 6);
    // Opened before it was shown, the graph is fitted to the shown view, not to the hidden one:
    // the scene fills the view in one direction (or shows at 1:1).
    PlanGraphView *view = window.graph();
    const QRectF shown = view->mapFromScene(view->sceneRect()).boundingRect();
    QVERIFY2(view->transform().m11() == 1.0 || shown.width() > view->viewport()->width() * 0.8
                 || shown.height() > view->viewport()->height() * 0.8,
             qPrintable(QStringLiteral("scale %1, scene shown %2x%3 in %4x%5")
                            .arg(view->transform().m11()).arg(shown.width()).arg(shown.height())
                            .arg(view->viewport()->width()).arg(view->viewport()->height())));
    QCOMPARE(window.findChild<QTableWidget *>()->rowCount(), 6);
    PlanGraphView *graph = window.graph();
    QVERIFY(graph->find(QStringLiteral("CTE Scan")));
    QCOMPARE(window.plan().nodes[size_t(graph->selectedNode())].type, QStringLiteral("CTE Scan"));
    QVERIFY(window.findChild<QTextBrowser *>()->toPlainText().contains(QStringLiteral("materialized common table expression")));
    const int items = int(graph->scene()->items().size());
    graph->toggleCollapsed(0); // the root: only it stays
    QVERIFY(graph->scene()->items().size() < items);
    graph->toggleCollapsed(0);
    QCOMPARE(int(graph->scene()->items().size()), items);
    if (qEnvironmentVariableIsSet("DBLEARN_PLAN_SCREENSHOT"))
        window.grab().save(qEnvironmentVariable("DBLEARN_PLAN_SCREENSHOT"));
}

void PlanWindowTest::badFileIsRefused()
{
    PlanWindow window;
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    // The refusal is a message box; close it as soon as it shows.
    QTimer::singleShot(200, [] {
        if (QWidget *box = QApplication::activeModalWidget())
            box->close();
    });
    QVERIFY(!window.setPlanText("not a plan at all", QStringLiteral("bad")));
    QCOMPARE(window.plan().nodeCount(), 0);
}

QTEST_MAIN(PlanWindowTest)
#include "tst_planwindow.moc"

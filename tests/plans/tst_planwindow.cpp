// The plan window: a real plan opened, graph, grid, flame, find, collapse, the details panel,
// SVG/PNG export, and the diff with an earlier run of the same query.

#include "plans/plandiffwindow.h"
#include "plans/planflameview.h"
#include "plans/plangraphview.h"
#include "plans/planhistory.h"
#include "plans/planwindow.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTextBrowser>

using namespace dblearn;

class PlanWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void opensARealPlan();
    void flameShowsWhereTheTimeGoes();
    void exportsSvgAndPng();
    void comparesWithAnEarlierRun();
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
    auto *grid = window.findChild<QTableWidget *>();
    QCOMPARE(grid->rowCount(), 0); // filled when first shown
    window.showTab(grid);
    QCOMPARE(grid->rowCount(), 6);
    auto *raw = window.findChild<QPlainTextEdit *>();
    QVERIFY(raw->toPlainText().isEmpty());
    window.showTab(raw);
    QVERIFY(raw->toPlainText().contains(QLatin1String("CTE Scan")));
    window.showTab(window.graph());
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

void PlanWindowTest::flameShowsWhereTheTimeGoes()
{
    PlanWindow window;
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    QVERIFY(window.openFile(QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fixtures/plans/pg15_hash_join.json")));
    window.resize(1100, 750);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PlanFlameView *flame = window.flame();
    const Plan &plan = window.plan();
    QVERIFY(plan.hasActuals);
    QCOMPARE(flame->nodeRect(0), QRectF(0, 0, 1, 1)); // the root spans the width
    for (const PlanNode &node : plan.nodes) {
        // Children sit inside their parent, one row down, and share its width by inclusive time.
        double sum = 0;
        for (int child : node.children) {
            const QRectF c = flame->nodeRect(child);
            QCOMPARE(c.y(), flame->nodeRect(node.id).y() + 1);
            QVERIFY(c.left() >= flame->nodeRect(node.id).left() - 1e-9);
            sum += c.width();
        }
        QVERIFY(sum <= flame->nodeRect(node.id).width() + 1e-9);
        if (node.children.size() == 2) {
            const PlanNode &a = plan.nodes[size_t(node.children[0])];
            const PlanNode &b = plan.nodes[size_t(node.children[1])];
            QCOMPARE(flame->nodeRect(a.id).width() > flame->nodeRect(b.id).width(), a.totalTimeMs > b.totalTimeMs);
        }
    }
    // A click on a node's bar selects it in the flame, the graph and the details.
    const int leaf = plan.nodeCount() - 1;
    const QRectF r = flame->nodeRect(leaf);
    flame->resize(1000, 400);
    const QPoint at(int((r.x() + r.width() / 2) * flame->width()), int((r.y() + 0.5) * PlanFlameView::rowHeight));
    QCOMPARE(flame->nodeAt(at), leaf);
    QTest::mouseClick(flame, Qt::LeftButton, {}, at);
    QCOMPARE(flame->selectedNode(), leaf);
    QCOMPARE(window.graph()->selectedNode(), leaf);
}

void PlanWindowTest::exportsSvgAndPng()
{
    PlanWindow window;
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    QVERIFY(window.openFile(QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fixtures/plans/pg15_cte.json")));
    QTemporaryDir dir;
    QString error;
    const QString svg = dir.filePath(QStringLiteral("plan.svg"));
    QVERIFY2(window.exportGraph(svg, &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY2(text.contains("CTE Scan"), "the cards' text is in the SVG as text"); // vector, not a picture
    const QString png = dir.filePath(QStringLiteral("plan.png"));
    QVERIFY2(window.exportGraph(png, &error), qPrintable(error));
    QImage image(png);
    QVERIFY(!image.isNull() && image.width() > 100);
    QVERIFY(!window.exportGraph(QStringLiteral("/proc/no/such/dir/plan.png"), &error));
    QVERIFY(error.contains(QLatin1String("Cannot write")));
}

void PlanWindowTest::comparesWithAnEarlierRun()
{
    QFile before(QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fixtures/plans/pg15_diff_before.json"));
    QFile after(QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fixtures/plans/pg15_diff_after.json"));
    QVERIFY(before.open(QIODevice::ReadOnly) && after.open(QIODevice::ReadOnly));
    PlanWindow window;
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    QVERIFY(window.setPlanText(after.readAll(), QStringLiteral("after")));
    const QByteArray earlier = before.readAll();
    window.setHistory({PlanRun{QDateTime::currentDateTime(), QStringLiteral("before"), earlier}});
    QWidget *opened = window.compareWith(earlier, QStringLiteral("before"));
    auto *diff = qobject_cast<PlanDiffWindow *>(opened);
    QVERIFY(diff);
    QVERIFY2(diff->summaryText().startsWith(QStringLiteral("Seq Scan on orders → Bitmap Heap Scan on orders")),
             qPrintable(diff->summaryText()));
    QCOMPARE(diff->table()->rowCount(), int(diff->diff().entries().size()));
    QVERIFY(diff->table()->rowCount() >= 3);
    bool sawAdded = false;
    for (int row = 0; row < diff->table()->rowCount(); ++row)
        sawAdded |= diff->table()->item(row, 0)->text() == QLatin1String("added");
    QVERIFY(sawAdded);
    diff->close();

    // A plan that is not one: refused with the reason, no window.
    QTimer::singleShot(200, [] {
        if (QWidget *box = QApplication::activeModalWidget())
            box->close();
    });
    QVERIFY(!window.compareWith("not a plan", QStringLiteral("junk")));

    // The console's history: runs of one query, whitespace and the trailing semicolon aside.
    PlanHistory history;
    history.record(QStringLiteral("SELECT *\n  FROM orders WHERE customer_id = 7;"), PlanRun{{}, QStringLiteral("1"), earlier});
    history.record(QStringLiteral("SELECT * FROM orders WHERE customer_id = 7"), PlanRun{{}, QStringLiteral("2"), earlier});
    history.record(QStringLiteral("SELECT 1"), PlanRun{{}, QStringLiteral("3"), earlier});
    QCOMPARE(history.queryCount(), 2);
    QCOMPARE(history.runs(QStringLiteral("SELECT * FROM orders WHERE customer_id = 7")).size(), 2);
    QCOMPARE(history.runs(QStringLiteral("SELECT * FROM orders WHERE customer_id = 7")).last().title, QStringLiteral("2"));
    for (int i = 0; i < PlanHistory::maxRunsPerQuery + 5; ++i)
        history.record(QStringLiteral("SELECT 1"), PlanRun{{}, QString::number(i), earlier});
    QCOMPARE(history.runs(QStringLiteral("SELECT 1")).size(), PlanHistory::maxRunsPerQuery);
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

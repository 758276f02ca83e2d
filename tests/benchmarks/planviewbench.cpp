// dblearn-bench-planview: the plan window's graph on a large plan, offscreen, in one run:
//   open:  PlanWindow::openFile (read, parse, analyse, lay out, build the scene) until the window
//          is painted once (a grab of the whole window), against a window opened with a one-node
//          plan (the fixed cost of the window and its widgets);
//   frame: one pan or zoom step of the graph, then its viewport rendered (what a repaint costs),
//          zoomed out (every card drawn as a box) and zoomed in (cards with text), against the same
//          viewport rendering an empty scene.
// Prints one JSON line of medians and 90th percentiles in milliseconds.

#include "plans/plangraphview.h"
#include "plans/planwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace dblearn;

namespace {

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

double openMs(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    PlanWindow window;
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.resize(1400, 900);
    if (!window.openFile(path))
        return -1;
    window.show();
    window.grab(); // painted once
    return double(timer.nsecsElapsed()) / 1e6;
}

// Pan (scroll) and zoom steps, each followed by rendering the viewport as a repaint would.
std::vector<double> frames(QGraphicsView *view, int steps, qreal scale)
{
    if (auto *graph = qobject_cast<PlanGraphView *>(view))
        graph->fit();
    view->scale(scale, scale);
    QImage target(view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> times;
    for (int i = 0; i < steps; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (i % 4 == 3) {
            const qreal step = i % 8 == 3 ? 1.1 : 1 / 1.1;
            view->scale(step, step);
        }
        else
            view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + 40 * (i % 2 ? 1 : -1) + 7);
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + 25);
        QPainter painter(&target);
        view->render(&painter, QRectF(), view->viewport()->rect());
        painter.end();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return times;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: dblearn-bench-planview PLAN.json [ROUNDS]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int rounds = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    QTemporaryDir dir;
    const QString tiny = dir.filePath(QStringLiteral("tiny.json"));
    QFile file(tiny);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(R"([{"Plan": {"Node Type": "Result", "Startup Cost": 0.0, "Total Cost": 0.01, "Plan Rows": 1, "Plan Width": 4}}])");
    file.close();

    std::vector<double> open;
    std::vector<double> openBase;
    for (int i = 0; i < rounds; ++i) {
        open.push_back(openMs(path));
        openBase.push_back(openMs(tiny));
    }
    if (open.front() < 0) {
        std::fprintf(stderr, "dblearn-bench-planview: cannot open %s\n", argv[1]);
        return 1;
    }

    PlanWindow window;
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.resize(1400, 900);
    window.openFile(path);
    window.show();
    PlanGraphView *view = window.graph();
    const std::vector<double> wide = frames(view, 200, 1.0);    // the whole plan in view
    const std::vector<double> close = frames(view, 200, 40.0);  // zoomed in to readable cards
    // Baseline: a view of the same size and settings over an empty scene.
    QGraphicsScene emptyScene(view->sceneRect());
    QGraphicsView bare(&emptyScene);
    bare.setRenderHint(QPainter::Antialiasing);
    bare.setBackgroundBrush(view->backgroundBrush());
    bare.resize(view->size());
    bare.show();
    const std::vector<double> empty = frames(&bare, 200, 1.0);

    std::printf("{\"nodes\": %d, \"openMs\": %.1f, \"openP90Ms\": %.1f, \"openBaseMs\": %.1f, "
                "\"frameWideMs\": %.2f, \"frameWideP90Ms\": %.2f, \"frameCloseMs\": %.2f, \"frameCloseP90Ms\": %.2f, "
                "\"frameEmptyMs\": %.2f}\n",
                window.plan().nodeCount(), percentile(open, 0.5), percentile(open, 0.9), percentile(openBase, 0.5),
                percentile(wide, 0.5), percentile(wide, 0.9), percentile(close, 0.5), percentile(close, 0.9),
                percentile(empty, 0.5));
    return 0;
}

// dblearn-bench-console --db FILE --mode first-screen|scroll|export|stall [--out FILE]
//
// The SQL console's figures on table t of FILE (the 10M-row table dblearn-bench-fetch creates),
// with the console's real parts offscreen: ConsoleSession (worker thread + spool) and the
// ResultPane (its ResultModel window with the bounded row cache, the grid, the whole-result bar).
//   first-screen: ms from run() to the first screen of rows in the grid (loaded, painted)
//   scroll:       run to the end, then scroll the grid a page at a time from top to bottom;
//                 peak RSS growth over the RSS before the query, and the cache's bound
//   export:       seconds to write the whole result as CSV from the console (the spool) to --out,
//                 and seconds for the query to finish spooling
//   stall:        the longest gap between UI event-loop ticks (5 ms timer) while the query runs
// Prints one JSON line.

#include "backends/backendregistry.h"
#include "console/consolesession.h"
#include "console/resultformatter.h"
#include "console/resultmodel.h"
#include "console/resultpane.h"
#include "console/resultspool.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <fstream>
#include <string>

using namespace dblearn;

namespace {

qint64 statusKiB(const char *field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::string key = std::string(field) + ":";
    while (std::getline(status, line)) {
        if (line.rfind(key, 0) == 0)
            return std::stoll(line.substr(key.size()));
    }
    return -1;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "dblearn-bench-console: %s\n", qUtf8Printable(message));
    return 1;
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("SQLite file with table t."), QStringLiteral("FILE"));
    const QCommandLineOption modeOption(QStringLiteral("mode"), QStringLiteral("first-screen, scroll, export or stall."),
                                        QStringLiteral("MODE"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Export file."), QStringLiteral("FILE"));
    parser.addOptions({dbOption, modeOption, outOption});
    parser.process(app);
    const QString mode = parser.value(modeOption);
    const QString path = QFileInfo(parser.value(dbOption)).absoluteFilePath();
    if (!QFile::exists(path))
        return fail(QStringLiteral("no database %1 (dblearn-bench-fetch creates it)").arg(path));

    BackendRegistry registry;
    registry.scan();
    QString error;
    auto connection = registry.createConnection(QStringLiteral("sqlite"), &error);
    if (!connection)
        return fail(error);
    QueryError openError;
    if (!connection->open(ConnectionUri::parse(QStringLiteral("sqlite://") + path, &error), &openError))
        return fail(openError.message);

    const qint64 rssBefore = statusKiB("VmRSS");
    ConsoleSession session(std::move(connection), QStringLiteral("sqlite"));
    ResultPane pane;
    ResultModel &model = *pane.model();
    QTableView &view = *pane.view();
    pane.resize(1200, 800);
    pane.show();
    // The window is up and painted before the clock starts, as it is in the app when the
    // learner runs a query (the first paint loads fonts, which is not the console's cost).
    {
        QElapsedTimer warm;
        warm.start();
        while (warm.elapsed() < 300)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        view.viewport()->repaint();
    }
    std::shared_ptr<ResultSpool> spool;
    bool finished = false;
    QElapsedTimer clock;
    double startedMs = -1;
    double rowsMs = -1;
    QObject::connect(&session, &ConsoleSession::statementStarted, &app,
                     [&](int, int, int, const ColumnList &, std::shared_ptr<ResultSpool> s) {
                         startedMs = double(clock.nsecsElapsed()) / 1e6;
                         spool = s;
                         pane.setResult(s, QStringLiteral("SELECT * FROM t"));
                     });
    double worstRefreshMs = 0; // the grid taking in new rows: part of any stall
    QObject::connect(&session, &ConsoleSession::rowsArrived, &app, [&] {
        if (rowsMs < 0)
            rowsMs = double(clock.nsecsElapsed()) / 1e6;
        QElapsedTimer t;
        t.start();
        pane.refresh();
        worstRefreshMs = qMax(worstRefreshMs, double(t.nsecsElapsed()) / 1e6);
    });
    QObject::connect(&session, &ConsoleSession::finished, &app, [&] {
        pane.setFinished(QString());
        finished = true;
    });

    // The stall probe: a 5 ms timer on the UI thread; the largest gap between its ticks.
    QElapsedTimer tick;
    qint64 worstGapNs = 0;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 gap = tick.nsecsElapsed();
        if (gap > worstGapNs)
            worstGapNs = gap;
        tick.restart();
    });

    clock.start();
    tick.start();
    probe.start();
    if (mode == QLatin1String("idle")) {
        // The baseline for the stall: the same probe on an idle event loop, as long as a query takes.
        const int ms = qEnvironmentVariableIntValue("BENCH_IDLE_MS") > 0 ? qEnvironmentVariableIntValue("BENCH_IDLE_MS") : 20000;
        while (clock.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        std::printf("{\"mode\": \"idle\", \"worstStallMs\": %.3f}\n", double(worstGapNs) / 1e6);
        return 0;
    }
    session.run(QStringLiteral("SELECT * FROM t"));
    QJsonObject result{{QStringLiteral("mode"), mode}};

    // First screen: the grid has rows and the block on screen is in memory (not "…").
    if (!waitFor([&] { return model.rowCount() > 0 && model.isLoaded(0); }, 60000))
        return fail(QStringLiteral("no first screen"));
    view.viewport()->repaint();
    result.insert(QStringLiteral("firstScreenMs"), double(clock.nsecsElapsed()) / 1e6);
    result.insert(QStringLiteral("statementStartedMs"), startedMs); // where the time went
    result.insert(QStringLiteral("firstRowsMs"), rowsMs);
    if (mode == QLatin1String("first-screen")) {
        session.cancel();
        waitFor([&] { return finished; }, 10000);
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    // Scroll down while rows are still arriving (what a learner does), then wait for the end.
    if (!waitFor([&] { return finished; }, 600000))
        return fail(QStringLiteral("the query did not finish"));
    const double querySeconds = double(clock.nsecsElapsed()) / 1e9;
    probe.stop();
    result.insert(QStringLiteral("rows"), double(spool->rowCount()));
    result.insert(QStringLiteral("querySeconds"), querySeconds);
    result.insert(QStringLiteral("worstStallMs"), double(worstGapNs) / 1e6);
    result.insert(QStringLiteral("worstRefreshMs"), worstRefreshMs);
    result.insert(QStringLiteral("spoolDiskMiB"), double(spool->bytesOnDisk()) / (1024 * 1024));

    if (mode == QLatin1String("stall")) {
        // Only the query: done.
    } else if (mode == QLatin1String("scroll")) {
        QScrollBar *bar = pane.scrollBar();
        QElapsedTimer scrollClock;
        scrollClock.start();
        int pages = 0;
        // About 2,000 stops from top to bottom on the whole-result bar, each waiting for its rows.
        const int step = qMax(bar->pageStep(), bar->maximum() / 2000);
        for (qint64 value = 0; value <= bar->maximum() + qint64(step); value += step) {
            bar->setValue(int(qMin<qint64>(value, bar->maximum())));
            const qint64 top = pane.topRow();
            if (!waitFor([&] { return model.isLoaded(int(top)); }, 10000))
                return fail(QStringLiteral("rows at %1 never loaded").arg(top));
            view.viewport()->repaint();
            ++pages;
        }
        const int last = int(model.totalRows() - 1);
        waitFor([&] { return model.isLoaded(last); }, 10000);
        view.viewport()->repaint();
        result.insert(QStringLiteral("scrollSteps"), pages);
        result.insert(QStringLiteral("scrollSeconds"), double(scrollClock.nsecsElapsed()) / 1e9);
        result.insert(QStringLiteral("lastRow"), model.index(model.rowCount() - 1, 0).data().toString());
        result.insert(QStringLiteral("windowStart"), model.windowStart());
        result.insert(QStringLiteral("cachedBlocks"), model.cachedBlockCount());
        result.insert(QStringLiteral("peakGrowthMiB"), double(statusKiB("VmHWM") - rssBefore) / 1024);
    } else if (mode == QLatin1String("export")) {
        QFile out(parser.value(outOption));
        if (!out.open(QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write %1").arg(out.fileName()));
        std::atomic<bool> cancel{false};
        QElapsedTimer exportClock;
        exportClock.start();
        if (!ResultFormatter::exportSpool(*spool, ResultFormatter::Format::Csv, &out, cancel, {}, &error))
            return fail(error);
        out.close();
        result.insert(QStringLiteral("exportSeconds"), double(exportClock.nsecsElapsed()) / 1e9);
        result.insert(QStringLiteral("bytes"), double(QFileInfo(out.fileName()).size()));
    }
    result.insert(QStringLiteral("peakRssMiB"), double(statusKiB("VmHWM")) / 1024);
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

// The start-up baseline: a bare QWebEngineView showing a static page, exiting once it is painted,
// measured the same way as dblearn --exit-when-ready: when painted it prints {"readyMs": N} (the
// measurer times that line from the fork), then exits. "Painted" is the same event for both: two
// animation frames after the content is on the page (lesson-bridge.js sendReady), plus 32 ms.

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <QUrl>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <cstdio>

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: dblearn-bench-bare-webview FILE.html\n");
        return 2;
    }
    QWebEngineView view;
    view.resize(1280, 820);
    // Painted as dblearn counts it: two animation frames after the page's content is there (the
    // second runs once the frame with it was handed on), then one more frame for the compositor.
    QObject::connect(&view, &QWebEngineView::loadFinished, &app, [&app, &view](bool ok) {
        if (!ok) {
            app.exit(1);
            return;
        }
        view.page()->runJavaScript(QStringLiteral(
            "requestAnimationFrame(function () { requestAnimationFrame(function () { document.title = 'painted'; }); });"));
    });
    QObject::connect(&view, &QWebEngineView::titleChanged, &app, [&app, &sinceStart](const QString &title) {
        if (title != QLatin1String("painted"))
            return;
        QTimer::singleShot(32, &app, [&app, &sinceStart] {
            std::printf("{\"readyMs\": %lld}\n", static_cast<long long>(sinceStart.elapsed()));
            std::fflush(stdout);
            app.exit(0);
        });
    });
    view.setUrl(QUrl::fromLocalFile(QString::fromLocal8Bit(argv[1])));
    view.show();
    return app.exec();
}

// The start-up baseline: a bare QWebEngineView showing a static page, exiting once it is painted,
// measured the same way as dblearn --exit-when-ready: when painted it prints {"readyMs": N} (the
// measurer times that line from the fork), then exits.

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <QUrl>
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
    QObject::connect(&view, &QWebEngineView::loadFinished, &app, [&app, &sinceStart](bool ok) {
        // One frame for the compositor, as the application allows itself.
        QTimer::singleShot(32, &app, [&app, &sinceStart, ok] {
            std::printf("{\"readyMs\": %lld}\n", static_cast<long long>(sinceStart.elapsed()));
            std::fflush(stdout);
            app.exit(ok ? 0 : 1);
        });
    });
    view.setUrl(QUrl::fromLocalFile(QString::fromLocal8Bit(argv[1])));
    view.show();
    return app.exec();
}

// dblearn-bench-open: the time from opening a lesson to its page being painted, in the real main
// window (offscreen), alternating between the written lessons of a content folder.
//   dblearn-bench-open --content DIR [--opens N]
// Prints {"opens": n, "medianMs": x, "p90Ms": y, "lessons": k}.

#include "backends/backendregistry.h"
#include "curriculum/curriculum.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessonschemehandler.h"
#include "lessons/lessonwebprofile.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace dblearn;

int main(int argc, char *argv[])
{
    LessonSchemeHandler::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    const int contentAt = int(args.indexOf(QStringLiteral("--content")));
    if (contentAt < 0 || contentAt + 1 >= args.size()) {
        std::fprintf(stderr, "usage: dblearn-bench-open --content DIR [--opens N]\n");
        return 2;
    }
    const QString contentDir = args[contentAt + 1];
    const int opensAt = int(args.indexOf(QStringLiteral("--opens")));
    const int opens = opensAt > 0 && opensAt + 1 < args.size() ? args[opensAt + 1].toInt() : 20;

    Curriculum curriculum;
    QString error;
    if (!curriculum.load(QDir(contentDir).filePath(QStringLiteral("curriculum.json")), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    BackendRegistry registry;
    registry.scan();
    LessonWebProfile profile(contentDir);
    QStringList written;
    for (const LessonEntry &lesson : curriculum.lessons()) {
        if (profile.library()->exists(lesson.path))
            written << lesson.path;
    }
    if (written.size() < 2) {
        std::fprintf(stderr, "need at least two written lessons under %s\n", qPrintable(contentDir));
        return 1;
    }
    AppServices services;
    services.registry = &registry;
    services.curriculum = &curriculum;
    services.webProfile = &profile;
    MainWindow window(services);
    window.show();

    std::vector<double> times;
    QElapsedTimer timer;
    int done = -1; // the first open warms the renderer process and is not counted
    auto next = [&] {
        const QString lesson = written[(done + 1) % written.size()];
        timer.restart();
        window.openLesson(lesson);
    };
    QObject::connect(&window, &MainWindow::contentPainted, &app, [&] {
        if (done >= 0)
            times.push_back(timer.nsecsElapsed() / 1e6);
        if (++done >= opens) {
            app.quit();
            return;
        }
        QTimer::singleShot(50, &app, next); // as a learner's clicks are apart
    });
    QTimer::singleShot(0, &app, next);
    QTimer::singleShot(120000, &app, [&] { app.exit(1); });
    const int code = app.exec();
    if (code != 0 || times.empty())
        return 1;
    std::sort(times.begin(), times.end());
    std::printf("{\"opens\": %d, \"medianMs\": %.1f, \"p90Ms\": %.1f, \"lessons\": %d}\n", int(times.size()),
                times[times.size() / 2], times[std::min(times.size() - 1, size_t(times.size() * 0.9))],
                int(written.size()));
    return 0;
}

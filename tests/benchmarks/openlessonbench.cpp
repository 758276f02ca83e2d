// dblearn-bench-open: the time from opening a lesson to its page being painted, in the real main
// window (offscreen), going through the written lessons of a content folder in curriculum order,
// each seen for the first time. The first open loads the page and is not counted; each next lesson
// is delivered into it, as when a learner clicks through the curriculum. Also the time until the
// lesson's diagrams are drawn (mermaid draws them after the text is painted).
//   dblearn-bench-open --content DIR [--opens N]
// Prints {"opens": n, "medianMs": x, "p90Ms": y, "diagramsMedianMs": x, "diagramsP90Ms": y,
//         "lessons": k}.

#include "backends/backendregistry.h"
#include "curriculum/curriculum.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessonschemehandler.h"
#include "lessons/lessonwebprofile.h"
#include "lessons/lessonview.h"
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
    std::vector<double> diagramTimes;
    QElapsedTimer timer;
    int done = -1; // the first open warms the renderer process and is not counted
    bool painted = false;
    bool drawn = false;
    auto next = [&] {
        const QString lesson = written[(done + 1) % written.size()];
        painted = drawn = false;
        timer.restart();
        window.openLesson(lesson);
    };
    auto finishOpen = [&] {
        if (!painted || !drawn)
            return;
        if (++done >= opens) {
            app.quit();
            return;
        }
        QTimer::singleShot(50, &app, next); // as a learner's clicks are apart
    };
    QObject::connect(&window, &MainWindow::contentPainted, &app, [&] {
        if (done >= 0)
            times.push_back(timer.nsecsElapsed() / 1e6);
        painted = true;
        finishOpen();
    });
    QObject::connect(window.lessonView(), &LessonView::lessonDiagramsDrawn, &app, [&] {
        if (done >= 0)
            diagramTimes.push_back(timer.nsecsElapsed() / 1e6);
        drawn = true;
        finishOpen();
    });
    QTimer::singleShot(0, &app, next);
    QTimer::singleShot(120000, &app, [&] { app.exit(1); });
    const int code = app.exec();
    if (code != 0 || times.empty() || diagramTimes.empty())
        return 1;
    auto at = [](std::vector<double> &v, double q) {
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, size_t(v.size() * q))];
    };
    std::printf("{\"opens\": %d, \"medianMs\": %.1f, \"p90Ms\": %.1f, \"diagramsMedianMs\": %.1f, "
                "\"diagramsP90Ms\": %.1f, \"lessons\": %d}\n",
                int(times.size()), at(times, 0.5), at(times, 0.9), at(diagramTimes, 0.5), at(diagramTimes, 0.9),
                int(written.size()));
    return 0;
}

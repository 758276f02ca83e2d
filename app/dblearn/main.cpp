// dblearn: the desktop application.

#include "application.h"

#include "lessons/lessonschemehandler.h"
#include "support/version.h"

#include <QApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <cstring>

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();

    // --version needs no display.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("dblearn %s\n", qPrintable(dblearn::applicationVersion()));
            for (const auto &component : dblearn::coreComponentVersions())
                std::printf("  %s: %s\n", qPrintable(component.first), qPrintable(component.second));
            return 0;
        }
    }

    // The lesson scheme must be known before the application object exists.
    dblearn::LessonSchemeHandler::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("dblearn"));
    QApplication::setApplicationDisplayName(QStringLiteral("DB Learn"));
    QApplication::setOrganizationName(QStringLiteral("dblearn"));
    QApplication::setApplicationVersion(dblearn::applicationVersion());
    QApplication::setDesktopFileName(QStringLiteral("dblearn"));

    dblearn::Application application(app, sinceStart);
    return application.run();
}

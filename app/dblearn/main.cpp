// dblearn: the desktop application.

#include "application.h"
#include "commandline.h"

#include "lessons/lessonschemehandler.h"
#include "packaging/translations.h"
#include "support/apppaths.h"
#include "support/version.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QIcon>
#include <QTextStream>

#include <cstdio>
#include <cstring>

namespace {
// The theme's icon when DB Learn is installed; otherwise the PNGs the build renders into
// share/icons next to share/dblearn (the build tree mirrors the install tree).
QIcon applicationIcon()
{
    const QString name = QStringLiteral("org.dblearn.DBLearn");
    QIcon bundled;
    for (int size : {16, 32, 48, 64, 128, 256})
        bundled.addFile(QStringLiteral("%1/../icons/hicolor/%2x%2/apps/%3.png").arg(dblearn::AppPaths::dataDir()).arg(size).arg(name));
    return QIcon::fromTheme(name, bundled);
}
} // namespace

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

    // --help needs no display either: answered by a QCoreApplication, translated.
    {
        QStringList arguments;
        for (int i = 0; i < argc; ++i)
            arguments << QString::fromLocal8Bit(argv[i]);
        if (dblearn::CommandLine::asksForHelp(arguments)) {
            QCoreApplication app(argc, argv);
            QCoreApplication::setApplicationName(QStringLiteral("dblearn"));
            dblearn::Translations::install();
            dblearn::CommandLine commandLine;
            commandLine.parse(arguments);
            QTextStream(stdout) << commandLine.helpText();
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
    QApplication::setDesktopFileName(QStringLiteral("org.dblearn.DBLearn")); // packaging/org.dblearn.DBLearn.desktop
    QApplication::setWindowIcon(applicationIcon());
    dblearn::Translations::install();

    dblearn::Application application(app, sinceStart);
    return application.run();
}

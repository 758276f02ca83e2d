#include "application.h"

#include "backends/backendregistry.h"
#include "cost/worksheettemplates.h"
#include "console/consolemanager.h"
#include "console/consoletab.h"
#include "curriculum/curriculum.h"
#include "datasets/datasetprovider.h"
#include "progress/progressstore.h"
#include "search/lessonsearchindex.h"
#include "servers/localservers.h"
#include "lessons/lessonview.h"
#include "lessons/lessonwebprofile.h"
#include "shell/mainwindow.h"
#include "support/apppaths.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace dblearn {

namespace {
// A screenshot is taken even if the lesson never reports being painted, after this long.
constexpr int screenshotDeadlineMs = 30000;
} // namespace

Application::Application(QApplication &app, const QElapsedTimer &sinceStart) : m_app(app), m_sinceStart(sinceStart) {}

Application::~Application()
{
    m_window.reset(); // views before the web profile and services they use
    m_webProfile.reset();
    m_progress.reset();
    m_datasets.reset();
    m_search.reset();
}

void Application::parseArguments()
{
    m_parser.setApplicationDescription(QStringLiteral("DB Learn: a hands-on database learning path."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    const QCommandLineOption lesson(QStringLiteral("lesson"), QStringLiteral("Open this lesson (its path, e.g. "
                                                                             "01_foundations/01_acid_properties.md, "
                                                                             "optionally with #heading-anchor)."),
                                    QStringLiteral("ID"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window once fully shown, save it as a PNG and exit."),
                                        QStringLiteral("FILE"));
    QCommandLineOption exitWhenReady(QStringLiteral("exit-when-ready"),
                                     QStringLiteral("Exit as soon as the window and lesson are painted (benchmarks)."));
    exitWhenReady.setFlags(QCommandLineOption::HiddenFromHelp);
    // Opens a SQL console on the shop dataset with this script and runs it (screenshots, tests).
    QCommandLineOption console(QStringLiteral("console"), QStringLiteral("Open a SQL console running SQL."),
                               QStringLiteral("SQL"));
    console.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption worksheet(QStringLiteral("worksheet"),
                                       QStringLiteral("Open a cost worksheet template by id (with --screenshot: of its window)."),
                                       QStringLiteral("TEMPLATE"));
    m_parser.addOptions({lesson, screenshot, exitWhenReady, worksheet, console});
    m_parser.process(m_app);
    m_lesson = m_parser.value(lesson);
    m_screenshotFile = m_parser.value(screenshot);
    m_exitWhenReady = m_parser.isSet(exitWhenReady);
    m_worksheet = m_parser.value(worksheet);
    m_consoleSql = m_parser.value(console);
}

int Application::run()
{
    parseArguments();

    m_registry = std::make_unique<BackendRegistry>();
    m_registry->scan();

    m_curriculum = std::make_unique<Curriculum>();
    QString error;
    const QString contentDir = AppPaths::contentDir();
    if (!m_curriculum->load(QDir(contentDir).filePath(QStringLiteral("curriculum.json")), &error)) {
        if (!m_screenshotFile.isEmpty() || m_exitWhenReady) {
            QTextStream(stderr) << "dblearn: " << error << '\n';
            return 1;
        }
        QMessageBox::critical(nullptr, QObject::tr("DB Learn"),
                              QObject::tr("The curriculum could not be read, so there is nothing to show.\n\n%1").arg(error));
        return 1;
    }

    m_webProfile = std::make_unique<LessonWebProfile>(contentDir);
    m_datasets = std::make_unique<DatasetProvider>(
        *m_registry, QStandardPaths::writableLocation(QStandardPaths::CacheLocation),
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/datasets"));

    QString progressNotice;
    m_progress = std::make_unique<ProgressStore>();
    if (!m_progress->open(ProgressStore::defaultFilePath(), &progressNotice)) {
        // The app still works; progress is simply not kept this time, and the learner is told.
        m_progress.reset();
    }

    AppServices services;
    services.registry = m_registry.get();
    services.curriculum = m_curriculum.get();
    services.webProfile = m_webProfile.get();
    services.datasets = m_datasets.get();
    services.progress = m_progress.get();
    m_search = std::make_unique<LessonSearchIndex>();
    QString searchError;
    if (m_search->build(*m_curriculum, contentDir, &searchError))
        services.search = m_search.get();
    // The learner's local servers; one still running from an earlier session is used again.
    m_localServers = std::make_unique<LocalServers>();
    for (LocalServer *server : m_localServers->all()) {
        if (server->state() == LocalServer::State::Running) {
            m_localServers->noteStarted(server);
            m_datasets->setServerUri(server->engine(), server->connectionUri());
        }
    }
    services.localServers = m_localServers.get();
    m_window = std::make_unique<MainWindow>(services);
    if (!progressNotice.isEmpty())
        m_window->showStatus(QObject::tr("Progress: %1").arg(progressNotice), 15000);

    if (!m_worksheet.isEmpty()) {
        Worksheet probe;
        if (!m_screenshotFile.isEmpty() && !WorksheetTemplates().load(m_worksheet, &probe, &error)) {
            QTextStream(stderr) << "dblearn: " << error << '\n'; // no dialog when nobody is there to close it
            return 1;
        }
        QWidget *sheet = m_window->openWorksheetTemplate(m_worksheet);
        if (!sheet)
            return 1;
        if (!m_screenshotFile.isEmpty()) {
            QTimer::singleShot(2000, sheet, [this, sheet] { m_app.exit(sheet->grab().save(m_screenshotFile, "PNG") ? 0 : 1); });
            return m_app.exec();
        }
    }
    if (!m_screenshotFile.isEmpty())
        scheduleScreenshot(m_window.get());
    else if (m_exitWhenReady)
        scheduleExitWhenReady(m_window.get());

    m_window->show();
    bool lessonOpened = false;
    if (!m_lesson.isEmpty()) {
        // PATH or PATH#heading-anchor
        lessonOpened = m_window->openLesson(m_lesson.section(QLatin1Char('#'), 0, 0), m_lesson.section(QLatin1Char('#'), 1));
        if (!lessonOpened)
            QTextStream(stderr) << "dblearn: there is no lesson \"" << m_lesson << "\"\n";
    } else if (m_screenshotFile.isEmpty() && !m_exitWhenReady) {
        m_window->continueWhereLeftOff();
        lessonOpened = true;
    }
    if (!m_consoleSql.isEmpty()) {
        ConsoleTab *tab = m_window->console()->openConsole({}, m_consoleSql);
        QObject::connect(tab, &ConsoleTab::runFinished, m_window.get(), [this] {
            QTimer::singleShot(300, m_window.get(), &MainWindow::contentPainted); // painted with its results
        }, Qt::SingleShotConnection);
        tab->runScript();
    } else if (!lessonOpened) {
        QTimer::singleShot(300, m_window.get(), &MainWindow::contentPainted); // the shell alone
    }
    const int code = m_app.exec();
    m_localServers->stopStarted(); // servers the learner started stop with the application
    return code;
}

void Application::scheduleScreenshot(MainWindow *window)
{
    auto take = [this, window](bool painted) {
        const QPixmap pixmap = window->grab();
        if (!pixmap.save(m_screenshotFile, "PNG")) {
            QTextStream(stderr) << "dblearn: cannot write the screenshot to " << m_screenshotFile << '\n';
            m_app.exit(1);
            return;
        }
        if (!painted)
            QTextStream(stderr) << "dblearn: the lesson did not finish painting in time; screenshot taken anyway\n";
        m_app.exit(painted ? 0 : 1);
    };
    QObject::connect(window, &MainWindow::contentPainted, window, [take] { take(true); }, Qt::SingleShotConnection);
    QTimer::singleShot(screenshotDeadlineMs, window, [take] { take(false); });
}

void Application::scheduleExitWhenReady(MainWindow *window)
{
    QObject::connect(
        window, &MainWindow::contentPainted, window,
        [this] {
            std::printf("{\"readyMs\": %lld}\n", static_cast<long long>(m_sinceStart.elapsed()));
            std::fflush(stdout);
            m_app.exit(0);
        },
        Qt::SingleShotConnection);
}

} // namespace dblearn

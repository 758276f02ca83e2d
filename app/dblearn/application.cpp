#include "application.h"
#include "commandline.h"

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
#include "shell/gettingstartedpage.h"
#include "shell/mainwindow.h"
#include "shell/singleinstance.h"
#include "support/apppaths.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>
#include <QWebEnginePage>
#include <QWebEngineView>
#include <QTimer>

#include <cstdio>

namespace dblearn {

namespace {
// A screenshot is taken even if the lesson never reports being painted, after this long.
constexpr int screenshotDeadlineMs = 30000;
constexpr int searchIndexDelayMs = 3000; // the latest the search index starts building
} // namespace

// DBLEARN_TRACE_STARTUP=1 prints the time since main() at each step of the start-up to stderr.
void Application::trace(const char *step) const
{
    static const bool enabled = qEnvironmentVariableIsSet("DBLEARN_TRACE_STARTUP");
    if (enabled)
        std::fprintf(stderr, "dblearn start-up: %6lld ms  %s\n", static_cast<long long>(m_sinceStart.elapsed()), step);
}

Application::Application(QApplication &app, const QElapsedTimer &sinceStart) : m_app(app), m_sinceStart(sinceStart) {}

Application::~Application()
{
    if (m_searchBuild) {
        m_searchBuild->wait(); // it writes into m_search
        delete m_searchBuild;
    }
    m_window.reset(); // views before the web profile and services they use
    m_webProfile.reset();
    m_progress.reset();
    m_datasets.reset();
    m_search.reset();
}

bool Application::parseArguments(int *exitCode)
{
    CommandLine commandLine;
    if (!commandLine.parse(QCoreApplication::arguments())) {
        QTextStream(stderr) << "dblearn: " << commandLine.errorText() << " (see dblearn --help)\n";
        *exitCode = 2;
        return false;
    }
    if (commandLine.helpRequested() || commandLine.versionRequested()) { // main() answers these first
        QTextStream(stdout) << commandLine.helpText();
        *exitCode = 0;
        return false;
    }
    m_lesson = commandLine.lesson();
    m_screenshotFile = commandLine.screenshotFile();
    m_exitWhenReady = commandLine.exitWhenReady();
    m_gettingStarted = commandLine.gettingStarted();
    m_worksheet = commandLine.worksheetTemplate();
    m_consoleSql = commandLine.consoleSql();
    return true;
}

int Application::run()
{
    int exitCode = 0;
    if (!parseArguments(&exitCode) || !claimSingleInstance(&exitCode))
        return exitCode;

    trace("arguments read");
    m_registry = std::make_unique<BackendRegistry>();
    m_registry->scan();
    trace("backend plugins scanned");

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

    trace("curriculum read");
    m_webProfile = std::make_unique<LessonWebProfile>(contentDir);
    trace("web profile made");
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
    trace("progress store opened");
    // The learner's local servers; one still running from an earlier session is used again.
    m_localServers = std::make_unique<LocalServers>();
    for (LocalServer *server : m_localServers->all()) {
        if (server->state() == LocalServer::State::Running) {
            m_localServers->noteStarted(server);
            m_datasets->setServerUri(server->engine(), server->connectionUri());
        }
    }
    services.localServers = m_localServers.get();
    trace("local servers looked up");
    m_window = std::make_unique<MainWindow>(services);
    trace("main window made");
    if (!progressNotice.isEmpty())
        m_window->showStatus(QObject::tr("Progress: %1").arg(progressNotice), 15000);
    // The full-text index is built once the first lesson is painted: on two cores its thread took
    // one from the page, 70 ms of start-up. Runs that exit when painted (screenshots, benchmarks)
    // do without it.
    if (m_screenshotFile.isEmpty() && !m_exitWhenReady) {
        const auto startSearch = [this, contentDir] {
            if (!m_search)
                buildSearchIndex(contentDir);
        };
        QObject::connect(m_window.get(), &MainWindow::contentPainted, m_window.get(), startSearch, Qt::SingleShotConnection);
        QTimer::singleShot(searchIndexDelayMs, m_window.get(), startSearch); // a lesson that takes long to paint
    }

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

    if (m_instance)
        QObject::connect(m_instance.get(), &SingleInstance::activationRequested, m_window.get(),
                         [this](const QString &lesson, const QString &token) { bringForward(lesson, token); });

    m_window->show();
    trace("main window shown");
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
    // Getting Started on the first run (over the first lesson), or when asked for.
    const bool interactive = m_screenshotFile.isEmpty() && !m_exitWhenReady;
    if (m_gettingStarted || (interactive && m_lesson.isEmpty() && GettingStartedPage::isFirstRun())) {
        m_window->showGettingStarted();
        if (interactive)
            GettingStartedPage::markShown();
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
    trace("lesson asked for; event loop starts");
    QObject::connect(m_window->lessonView()->webView()->page(), &QWebEnginePage::loadFinished, m_window.get(),
                     [this] { trace("page loaded"); }, Qt::SingleShotConnection);
    QObject::connect(m_window.get(), &MainWindow::contentPainted, m_window.get(), [this] { trace("lesson painted"); },
                     Qt::SingleShotConnection);
    const int code = m_app.exec();
    m_localServers->stopStarted(); // servers the learner started stop with the application
    return code;
}

// The full-text index of every lesson takes a few hundred milliseconds: it is built on a thread of
// its own once the window is up, and handed to the window when done. Until then the curriculum's
// filter matches lesson titles.
void Application::buildSearchIndex(const QString &contentDir)
{
    m_search = std::make_unique<LessonSearchIndex>();
    auto error = std::make_shared<QString>();
    auto built = std::make_shared<bool>(false);
    m_searchBuild = QThread::create([this, contentDir, error, built] {
        *built = m_search->build(*m_curriculum, contentDir, error.get());
    });
    QObject::connect(m_searchBuild, &QThread::finished, m_window.get(), [this, error, built] {
        trace("search index built");
        if (*built)
            m_window->setSearchIndex(m_search.get());
        else
            m_window->showStatus(QObject::tr("Search is not available: %1").arg(*error), 15000);
    });
    m_searchBuild->start(QThread::LowPriority);
}

// One DB Learn per user: a second start hands its lesson to the running one and exits, instead of
// opening a second writer to the same progress store. --screenshot and --exit-when-ready runs are
// tools (the README's screenshots, benchmarks) that exit on their own; they stay out of it.
bool Application::claimSingleInstance(int *exitCode)
{
    if (!m_screenshotFile.isEmpty() || m_exitWhenReady)
        return true;
    m_instance = std::make_unique<SingleInstance>(SingleInstance::defaultServerPath());
    QString error;
    switch (m_instance->start(m_lesson, &error)) {
    case SingleInstance::Role::Primary:
        return true;
    case SingleInstance::Role::Secondary:
        QTextStream(stdout) << QObject::tr("DB Learn is already running; its window was brought forward.") << '\n';
        *exitCode = 0;
        return false;
    case SingleInstance::Role::Unreachable:
        QTextStream(stderr) << "dblearn: " << error << '\n';
        *exitCode = 1;
        return false;
    case SingleInstance::Role::Unguarded:
        QTextStream(stderr) << "dblearn: " << error << ' '
                            << QObject::tr("Starting anyway; do not start DB Learn twice.") << '\n';
        m_instance.reset();
        return true;
    }
    return true;
}

void Application::bringForward(const QString &lesson, const QString &activationToken)
{
    // The desktop's token for the later start lets this window take the focus (Wayland
    // xdg-activation reads it from the environment when the window asks to be activated).
    if (!activationToken.isEmpty())
        qputenv("XDG_ACTIVATION_TOKEN", activationToken.toUtf8());
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    if (!lesson.isEmpty())
        m_window->openLesson(lesson.section(QLatin1Char('#'), 0, 0), lesson.section(QLatin1Char('#'), 1));
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

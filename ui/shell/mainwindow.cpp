#include "mainwindow.h"

#include "aboutdialog.h"
#include "gettingstartedpage.h"
#include "pluginsdialog.h"
#include "systemtheme.h"

#include "cost/worksheetmenu.h"
#include "cost/worksheetwindow.h"
#include "backends/backendregistry.h"
#include "console/consolemanager.h"
#include "console/historydock.h"
#include "console/schemadock.h"
#include "curriculum/curriculum.h"
#include "curriculum/curriculumdock.h"
#include "curriculum/curriculummodel.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessoncontentsdock.h"
#include "lessons/lessoninteractions.h"
#include "notes/notesdock.h"
#include "progress/progresspage.h"
#include "notes/notesexporter.h"
#include "plans/planwindow.h"
#include "servers/localserversdialog.h"
#include "datasets/datasetsdialog.h"
#include "lessons/lessonview.h"
#include "progress/progressstore.h"
#include "lessons/lessonwebprofile.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineView>

namespace dblearn {

namespace {
const QString keyGeometry = QStringLiteral("window/geometry");
const QString keyState = QStringLiteral("window/state");
const QString keyLastLesson = QStringLiteral("lessons/last");
const QString keyZoom = QStringLiteral("lessons/zoom");
} // namespace

MainWindow::MainWindow(const AppServices &services, QWidget *parent)
    : QMainWindow(parent), m_services(services), m_registry(*services.registry), m_curriculum(*services.curriculum),
      m_webProfile(services.webProfile)
{
    const Curriculum &curriculum = m_curriculum;
    LessonWebProfile *webProfile = m_webProfile;
    const BackendRegistry &registry = m_registry;
    setWindowTitle(tr("DB Learn"));
    setObjectName(QStringLiteral("MainWindow"));

    m_curriculumModel = new CurriculumModel(this);
    m_curriculumModel->setCurriculum(curriculum, *webProfile->library());
    m_curriculumDock = new CurriculumDock(m_curriculumModel, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_curriculumDock);
    connect(m_curriculumDock, &CurriculumDock::lessonActivated, this,
            [this](const QString &path, const QString &anchor) { openLesson(path, anchor); });
    if (services.search)
        setSearchIndex(services.search);

    m_contentsDock = new LessonContentsDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_contentsDock);
    m_notesDock = new NotesDock(services.progress, this);
    addDockWidget(Qt::RightDockWidgetArea, m_notesDock);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *page = m_tabs->widget(index);
        if (page == m_lessonView)
            return; // the lesson tab stays
        m_tabs->removeTab(index);
        if (page == m_progressPage)
            m_progressPage = nullptr;
        page->deleteLater();
    });
    m_lessonView = new LessonView(webProfile, m_tabs);
    m_tabs->addTab(m_lessonView, tr("Lesson"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr); // the lesson tab cannot be closed
    setCentralWidget(m_tabs);
    m_console = new ConsoleManager(services, this, m_tabs);
    connect(m_console, &ConsoleManager::status, this, [this](const QString &m) { showStatus(m); });

    connect(m_lessonView, &LessonView::lessonLinkActivated, this,
            [this](const QString &path, const QString &anchor) { openLesson(path, anchor); });
    connect(m_lessonView, &LessonView::statusMessage, this, [this](const QString &m) { showStatus(m); });
    connect(m_lessonView, &LessonView::lessonLoaded, this, [this](const QString &path, bool ok) {
        const LessonEntry *entry = m_curriculum.find(path);
        const QString title = entry ? entry->title : m_lessonView->title();
        // "Backup & Recovery": a tab's '&' marks a shortcut letter unless doubled.
        QString tabText = title.isEmpty() ? tr("Lesson") : title;
        m_tabs->setTabText(m_tabs->indexOf(m_lessonView), tabText.replace(QLatin1Char('&'), QLatin1String("&&")));
        setWindowTitle(title.isEmpty() ? tr("DB Learn") : tr("%1 — DB Learn").arg(title));
        if (!ok)
            showStatus(tr("The lesson %1 could not be loaded").arg(path));
        m_contentsDock->setHeadings(m_webProfile->library()->lesson(path).headings);
    });
    connect(m_lessonView, &LessonView::lessonPainted, this, &MainWindow::contentPainted);
    connect(m_contentsDock, &LessonContentsDock::headingActivated, m_lessonView, &LessonView::scrollToHeading);
    if (services.datasets) {
        m_interactions = new LessonInteractions(m_lessonView, webProfile->library(), services.datasets,
                                                services.progress, this);
        connect(m_interactions, &LessonInteractions::progressChanged, this, &MainWindow::refreshProgress);
        connect(m_interactions, &LessonInteractions::openWorksheetRequested, this,
                [this](const QString &templateId) { openWorksheetTemplate(templateId); });
        connect(m_interactions, &LessonInteractions::openInConsoleRequested, m_console, &ConsoleManager::openFromLesson);
    }
    // A lesson counts as read after two minutes on it, or when the learner moves on with Next.
    m_readTimer = new QTimer(this);
    m_readTimer->setSingleShot(true);
    m_readTimer->setInterval(120 * 1000);
    connect(m_readTimer, &QTimer::timeout, this, [this] {
        if (m_services.progress && !m_lessonView->currentLesson().isEmpty()) {
            m_services.progress->markRead(m_lessonView->currentLesson());
            refreshProgress();
        }
    });

    m_writtenLabel = new QLabel(this);
    m_writtenLabel->setText(tr("%1 of %2 lessons written")
                                .arg(m_curriculumModel->writtenCount())
                                .arg(m_curriculumModel->lessonCount()));
    statusBar()->addPermanentWidget(m_writtenLabel);

    createActions();
    createMenus();
    restoreState();
    refreshProgress();
    applyTheme();
    updateNavigationActions();

    const int loaded = int(registry.loadedIds().size());
    const int refused = int(registry.backends().size()) - loaded;
    showStatus(refused > 0 ? tr("%1 database backends loaded, %2 refused (Tools → Backend plugins)").arg(loaded).arg(refused)
                           : tr("%1 database backends loaded").arg(loaded));
}

MainWindow::~MainWindow()
{
    // A print still running writes to m_printer until its view is gone: the view goes first.
    if (m_printer)
        delete m_lessonView;
}

void MainWindow::createActions()
{
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_copyAction = new QAction(tr("&Copy"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    connect(m_copyAction, &QAction::triggered, this,
            [this] { m_lessonView->webView()->page()->triggerAction(QWebEnginePage::Copy); });
    m_selectAllAction = new QAction(tr("Select &All"), this);
    m_selectAllAction->setShortcut(QKeySequence::SelectAll);
    connect(m_selectAllAction, &QAction::triggered, this,
            [this] { m_lessonView->webView()->page()->triggerAction(QWebEnginePage::SelectAll); });
    m_findInPageAction = new QAction(tr("&Find in Lesson…"), this);
    m_findInPageAction->setShortcut(QKeySequence::Find);
    connect(m_findInPageAction, &QAction::triggered, m_lessonView, &LessonView::showFindBar);
    m_findLessonAction = new QAction(tr("Search &Lessons…"), this);
    m_findLessonAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_findLessonAction, &QAction::triggered, this, [this] {
        m_curriculumDock->show();
        m_curriculumDock->raise();
        m_curriculumDock->focusFilter();
    });

    m_zoomInAction = new QAction(tr("Zoom &In"), this);
    m_zoomInAction->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(m_zoomInAction, &QAction::triggered, this, [this] { zoomBy(1.1); });
    m_zoomOutAction = new QAction(tr("Zoom &Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, this, [this] { zoomBy(1 / 1.1); });
    m_zoomResetAction = new QAction(tr("&Actual Size"), this);
    m_zoomResetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_zoomResetAction, &QAction::triggered, this, [this] {
        m_lessonView->setZoomFactor(1.0);
        QSettings().setValue(keyZoom, 1.0);
    });
    m_reloadAction = new QAction(tr("&Reload Lesson"), this);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    connect(m_reloadAction, &QAction::triggered, this, [this] {
        if (!m_lessonView->currentLesson().isEmpty())
            m_lessonView->showLesson(m_lessonView->currentLesson());
    });
    m_fullScreenAction = new QAction(tr("&Full Screen"), this);
    m_fullScreenAction->setShortcut(QKeySequence::FullScreen);
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::toggled, this,
            [this](bool on) { on ? showFullScreen() : showNormal(); });

    m_backAction = new QAction(tr("&Back"), this);
    m_backAction->setShortcut(QKeySequence::Back);
    connect(m_backAction, &QAction::triggered, this, [this] {
        const QString path = m_history.back();
        if (!path.isEmpty())
            goToLesson(path, {}, false);
    });
    m_forwardAction = new QAction(tr("&Forward"), this);
    m_forwardAction->setShortcut(QKeySequence::Forward);
    connect(m_forwardAction, &QAction::triggered, this, [this] {
        const QString path = m_history.forward();
        if (!path.isEmpty())
            goToLesson(path, {}, false);
    });
    m_nextLessonAction = new QAction(tr("&Next Lesson"), this);
    m_nextLessonAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(m_nextLessonAction, &QAction::triggered, this, [this] { stepLesson(+1); });
    m_previousLessonAction = new QAction(tr("&Previous Lesson"), this);
    m_previousLessonAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    connect(m_previousLessonAction, &QAction::triggered, this, [this] { stepLesson(-1); });
    m_continueAction = new QAction(tr("&Continue Where I Left Off"), this);
    m_continueAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_continueAction, &QAction::triggered, this, &MainWindow::continueWhereLeftOff);

    m_exportNotesAction = new QAction(tr("&Export Notes…"), this);
    m_exportNotesAction->setEnabled(m_services.progress != nullptr);
    connect(m_exportNotesAction, &QAction::triggered, this, [this] {
        m_notesDock->saveNow();
        const QString file = QFileDialog::getSaveFileName(this, tr("Export notes"),
                                                          QDir::home().filePath(QStringLiteral("dblearn-notes.md")),
                                                          tr("Markdown (*.md)"));
        if (file.isEmpty())
            return;
        QString error;
        if (NotesExporter::exportTo(file, *m_services.progress, m_curriculum, &error))
            showStatus(tr("Notes exported to %1").arg(file));
        else
            QMessageBox::warning(this, tr("Export notes"), tr("The notes could not be written to %1: %2").arg(file, error));
    });

    m_exportPdfAction = new QAction(tr("Export Lesson as &PDF…"), this);
    connect(m_exportPdfAction, &QAction::triggered, this, [this] {
        if (m_lessonView->currentLesson().isEmpty())
            return;
        const QString name = QFileInfo(m_lessonView->currentLesson()).completeBaseName() + QLatin1String(".pdf");
        const QString file = QFileDialog::getSaveFileName(this, tr("Export lesson as PDF"), QDir::home().filePath(name),
                                                          tr("PDF (*.pdf)"));
        if (file.isEmpty())
            return;
        QWebEnginePage *page = m_lessonView->webView()->page();
        connect(page, &QWebEnginePage::pdfPrintingFinished, this,
                [this](const QString &path, bool ok) {
                    showStatus(ok ? tr("Lesson exported to %1").arg(path) : tr("The PDF could not be written to %1").arg(path));
                },
                Qt::SingleShotConnection);
        page->printToPdf(file); // the page's print stylesheet hides buttons and editors
    });

    m_printAction = new QAction(tr("P&rint Lesson…"), this);
    m_printAction->setShortcut(QKeySequence::Print);
    connect(m_printAction, &QAction::triggered, this, [this] {
        if (m_lessonView->currentLesson().isEmpty())
            return;
        if (m_printer) {
            showStatus(tr("The lesson is still being printed"));
            return;
        }
        auto printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
        printer->setDocName(m_lessonView->title());
        QPrintDialog dialog(printer.get(), this);
        dialog.setWindowTitle(tr("Print lesson"));
        if (dialog.exec() == QDialog::Accepted)
            printLesson(std::move(printer));
    });

    m_progressAction = new QAction(tr("&Progress"), this);
    m_progressAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_progressAction, &QAction::triggered, this, [this] {
        if (!m_progressPage) {
            m_progressPage = new ProgressPage(m_curriculum, *m_webProfile->library(), m_services.progress, m_tabs);
            m_tabs->addTab(m_progressPage, tr("Progress"));
        }
        m_progressPage->refresh();
        m_tabs->setCurrentWidget(m_progressPage);
    });

    m_bookmarkAction = new QAction(tr("&Bookmark This Lesson"), this);
    m_bookmarkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_bookmarkAction->setEnabled(m_services.progress != nullptr);
    connect(m_bookmarkAction, &QAction::triggered, this, [this] {
        const QString path = m_lessonView->currentLesson();
        if (path.isEmpty() || !m_services.progress)
            return;
        const LessonEntry *entry = m_curriculum.find(path);
        Bookmark bookmark{path, QString(), entry ? entry->title : path, {}};
        if (m_services.progress->setBookmark(bookmark))
            showStatus(tr("Bookmarked %1").arg(bookmark.title));
        else
            showStatus(tr("Could not save the bookmark: %1").arg(m_services.progress->lastError()));
    });

    m_pluginsAction = new QAction(tr("Backend &Plugins…"), this);
    connect(m_pluginsAction, &QAction::triggered, this, [this] { PluginsDialog(m_registry, this).exec(); });
    m_gettingStartedAction = new QAction(tr("&Getting Started"), this);
    m_gettingStartedAction->setShortcut(QKeySequence::HelpContents);
    connect(m_gettingStartedAction, &QAction::triggered, this, &MainWindow::showGettingStarted);
    m_aboutAction = new QAction(tr("&About DB Learn"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] { AboutDialog(m_registry, this).exec(); });
    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_console->newConsoleAction());
    file->addAction(m_console->connectAction());
    file->addAction(tr("Open &Query Plan…"), this, [this] { PlanWindow::openWithDialog(this); });
    file->addAction(m_exportPdfAction);
    file->addAction(m_printAction);
    file->addAction(m_exportNotesAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copyAction);
    edit->addAction(m_selectAllAction);
    edit->addSeparator();
    edit->addAction(m_findInPageAction);
    edit->addAction(m_findLessonAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *dockToggle = m_curriculumDock->toggleViewAction();
    dockToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    view->addAction(dockToggle);
    view->addAction(m_contentsDock->toggleViewAction());
    view->addAction(m_notesDock->toggleViewAction());
    view->addAction(m_console->schemaDock()->toggleViewAction());
    view->addAction(m_console->historyDock()->toggleViewAction());
    view->addAction(m_progressAction);
    view->addSeparator();
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_zoomResetAction);
    view->addSeparator();
    view->addAction(m_reloadAction);
    view->addAction(m_fullScreenAction);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_backAction);
    go->addAction(m_forwardAction);
    go->addSeparator();
    go->addAction(m_previousLessonAction);
    go->addAction(m_nextLessonAction);
    go->addSeparator();
    go->addAction(m_continueAction);
    go->addSeparator();
    go->addAction(m_bookmarkAction);
    QMenu *bookmarks = go->addMenu(tr("Boo&kmarks"));
    connect(bookmarks, &QMenu::aboutToShow, this, [this, bookmarks] {
        bookmarks->clear();
        const QList<Bookmark> list = m_services.progress ? m_services.progress->bookmarks() : QList<Bookmark>{};
        for (const Bookmark &b : list) {
            QAction *open = bookmarks->addAction(b.title, this, [this, b] { openLesson(b.lessonPath, b.anchor); });
            open->setToolTip(b.lessonPath);
        }
        if (list.isEmpty())
            bookmarks->addAction(tr("No bookmarks yet (Ctrl+D bookmarks a lesson)"))->setEnabled(false);
        else {
            bookmarks->addSeparator();
            bookmarks->addAction(tr("Remove Bookmark of This Lesson"), this, [this] {
                if (m_services.progress)
                    m_services.progress->removeBookmark(m_lessonView->currentLesson(), QString());
            });
        }
    });

    menuBar()->addMenu(new WorksheetMenu(tr("&Worksheets"), this));

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(m_pluginsAction);
    if (m_services.datasets && m_services.registry) {
        tools->addAction(tr("&Datasets…"), this, [this] {
            DatasetsDialog dialog(*m_services.registry, *m_services.datasets, this);
            dialog.exec();
        });
    }
    if (m_services.localServers) {
        tools->addAction(tr("&Local Servers…"), this, [this] {
            LocalServersDialog dialog(*m_services.localServers, m_services.datasets, this);
            dialog.exec();
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_gettingStartedAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

bool MainWindow::printLesson(std::unique_ptr<QPrinter> printer)
{
    if (m_printer || m_lessonView->currentLesson().isEmpty() || !printer)
        return false;
    m_printer = std::move(printer);
    // Qt WebEngine draws each page as an image at the printer's resolution: 1,200 dpi would be
    // 560 MB per A4 page and minutes of work. 300 dpi keeps text sharp at 35 MB a page.
    constexpr int maxPrintDpi = 300;
    if (m_printer->resolution() > maxPrintDpi)
        m_printer->setResolution(maxPrintDpi);
    QWebEngineView *view = m_lessonView->webView();
    connect(view, &QWebEngineView::printFinished, this,
            [this](bool ok) {
                // The engine is done with the printer only now.
                const QString target = m_printer->outputFileName().isEmpty() ? m_printer->printerName()
                                                                             : m_printer->outputFileName();
                m_printer.reset();
                showStatus(ok ? tr("The lesson was sent to %1").arg(target) : tr("The lesson could not be printed on %1").arg(target));
                emit printFinished(ok);
            },
            Qt::SingleShotConnection);
    showStatus(tr("Printing the lesson…"), 0);
    view->print(m_printer.get());
    return true;
}

void MainWindow::setSearchIndex(const LessonSearchIndex *index)
{
    m_curriculumDock->setSearchIndex(index);
}

void MainWindow::showGettingStarted()
{
    if (!m_gettingStartedPage) {
        m_gettingStartedPage = new GettingStartedPage(m_curriculum, *m_webProfile->library(), m_tabs);
        connect(m_gettingStartedPage, &GettingStartedPage::lessonRequested, this, [this](const QString &path) { openLesson(path); });
        m_tabs->addTab(m_gettingStartedPage, tr("Getting Started"));
    }
    m_tabs->setCurrentWidget(m_gettingStartedPage);
}

bool MainWindow::openLesson(const QString &lessonPath, const QString &anchor)
{
    if (!m_curriculum.find(lessonPath) && !m_webProfile->library()->exists(lessonPath)) {
        showStatus(tr("There is no lesson \"%1\"").arg(lessonPath));
        return false;
    }
    goToLesson(lessonPath, anchor, true);
    return true;
}

void MainWindow::goToLesson(const QString &lessonPath, const QString &anchor, bool recordHistory)
{
    if (recordHistory)
        m_history.visit(lessonPath);
    recordTimeSpent();
    // The page first: the web engine works on it while the rest is done. The progress commit (an
    // fsync) and the settings write wait until the event loop has handed the engine its first
    // tasks for the page: the learner does not wait for them.
    m_lessonView->showLesson(lessonPath, anchor);
    m_notesDock->setLesson(lessonPath);
    QTimer::singleShot(0, this, [this, lessonPath] {
        if (m_services.progress) {
            m_services.progress->markOpened(lessonPath);
            m_readTimer->start();
        }
        QSettings().setValue(keyLastLesson, lessonPath);
    });
    m_tabs->setCurrentWidget(m_lessonView);
    m_curriculumDock->selectLesson(lessonPath);
    updateNavigationActions();
}

void MainWindow::stepLesson(int delta)
{
    const QList<LessonEntry> &lessons = m_curriculum.lessons();
    int index = m_curriculum.indexOf(m_lessonView->currentLesson());
    if (index < 0)
        index = delta > 0 ? -1 : int(lessons.size());
    const int target = index + delta;
    if (delta > 0 && index >= 0 && m_services.progress) {
        m_services.progress->markRead(lessons[index].path);
        refreshProgress();
    }
    if (target >= 0 && target < lessons.size())
        openLesson(lessons[target].path);
}

void MainWindow::recordTimeSpent()
{
    const QString current = m_lessonView->currentLesson();
    if (m_services.progress && !current.isEmpty() && m_lessonClock.isValid() && isActiveWindow())
        m_services.progress->addTimeSpent(current, qMin<qint64>(m_lessonClock.elapsed() / 1000, 3600));
    m_lessonClock.start();
}

void MainWindow::refreshProgress()
{
    if (m_services.progress)
        m_curriculumModel->setProgress(m_services.progress->allProgress());
}

void MainWindow::continueWhereLeftOff()
{
    QString last = m_services.progress ? m_services.progress->lastOpenedLesson() : QString();
    if (last.isEmpty())
        last = QSettings().value(keyLastLesson).toString();
    if (!last.isEmpty() && m_curriculum.find(last))
        openLesson(last);
    else if (!m_curriculum.lessons().isEmpty())
        openLesson(m_curriculum.lessons().first().path);
}

void MainWindow::updateNavigationActions()
{
    m_backAction->setEnabled(m_history.canGoBack());
    m_forwardAction->setEnabled(m_history.canGoForward());
    const int index = m_curriculum.indexOf(m_lessonView->currentLesson());
    m_previousLessonAction->setEnabled(index != 0 && !m_curriculum.lessons().isEmpty());
    m_nextLessonAction->setEnabled(index + 1 < m_curriculum.lessons().size());
}

void MainWindow::zoomBy(qreal factor)
{
    m_lessonView->setZoomFactor(m_lessonView->zoomFactor() * factor);
    QSettings().setValue(keyZoom, m_lessonView->zoomFactor());
}

void MainWindow::showStatus(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::restoreState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(keyGeometry).toByteArray()))
        resize(1280, 820);
    resizeDocks({m_curriculumDock, m_contentsDock}, {320, 250}, Qt::Horizontal); // first run; restoreState() overrides
    resizeDocks({m_contentsDock, m_notesDock}, {420, 300}, Qt::Vertical);
    QMainWindow::restoreState(settings.value(keyState).toByteArray());
    m_lessonView->setZoomFactor(settings.value(keyZoom, 1.0).toDouble());
}

void MainWindow::saveState()
{
    QSettings settings;
    settings.setValue(keyGeometry, saveGeometry());
    settings.setValue(keyState, QMainWindow::saveState());
    settings.sync();
    if (settings.status() != QSettings::NoError)
        qWarning("could not save the window layout: settings file not writable");
}

void MainWindow::applyTheme()
{
    m_lessonView->setDarkTheme(systemPaletteIsDark());
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    recordTimeSpent();
    m_notesDock->saveNow();
    m_console->saveScripts();
    saveState();
    event->accept();
}

QWidget *MainWindow::openWorksheetTemplate(const QString &templateId)
{
    return WorksheetMenu::openTemplate(templateId, this);
}

} // namespace dblearn

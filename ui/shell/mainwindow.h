#pragma once

#include "appservices.h"
#include "navigationhistory.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QPrinter;
class QLabel;
class QTabWidget;
class QTimer;

namespace dblearn {

class BackendRegistry;
class ConsoleManager;
class Curriculum;
class CurriculumDock;
class CurriculumModel;
class GettingStartedPage;
class LessonContentsDock;
class NotesDock;
class ProgressPage;
class LessonInteractions;
class LessonView;
class LessonWebProfile;

// The application's shell: the curriculum dock, a tabbed central area, menus and status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const AppServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a lesson by its path; returns false (and says why in the status bar) if it is unknown.
    bool openLesson(const QString &lessonPath, const QString &anchor = {});
    void continueWhereLeftOff();
    LessonView *lessonView() const { return m_lessonView; }
    void showStatus(const QString &message, int timeoutMs = 6000);
    // Opens a cost worksheet template (content/worksheets/<id>.json) in its own window; lessons'
    // "Open worksheet" actions call this. Returns the worksheet window, or nullptr (the user is told why).
    QWidget *openWorksheetTemplate(const QString &templateId);
    ConsoleManager *console() const { return m_console; }
    void showGettingStarted(); // Help → Getting Started
    // Full-text search in the curriculum dock, once its index is built (titles filter until then).
    void setSearchIndex(const LessonSearchIndex *index);
    // Prints the open lesson on `printer` (File → Print asks for it with the print dialog); the
    // page's print stylesheet hides buttons and editors. Returns false if nothing can be printed
    // now (no lesson, or a print still running); printFinished tells the outcome.
    bool printLesson(std::unique_ptr<QPrinter> printer);

signals:
    // The open lesson is on screen (or the shell alone, when no lesson is open).
    void contentPainted();
    void printFinished(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void restoreState();
    void saveState();
    void goToLesson(const QString &lessonPath, const QString &anchor, bool recordHistory);
    void stepLesson(int delta);
    void updateNavigationActions();
    void applyTheme();
    void zoomBy(qreal factor);
    void refreshProgress();
    void recordTimeSpent();

    AppServices m_services;
    const BackendRegistry &m_registry;
    const Curriculum &m_curriculum;
    LessonWebProfile *m_webProfile;
    LessonInteractions *m_interactions = nullptr;
    ConsoleManager *m_console = nullptr;
    QTimer *m_readTimer = nullptr;
    QElapsedTimer m_lessonClock;
    CurriculumModel *m_curriculumModel = nullptr;
    CurriculumDock *m_curriculumDock = nullptr;
    LessonContentsDock *m_contentsDock = nullptr;
    NotesDock *m_notesDock = nullptr;
    ProgressPage *m_progressPage = nullptr;
    QPointer<GettingStartedPage> m_gettingStartedPage; // closing its tab deletes it
    QTabWidget *m_tabs = nullptr;
    LessonView *m_lessonView = nullptr;
    QLabel *m_writtenLabel = nullptr;
    NavigationHistory m_history;

    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_nextLessonAction = nullptr;
    QAction *m_previousLessonAction = nullptr;
    QAction *m_continueAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_zoomResetAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_findLessonAction = nullptr;
    QAction *m_findInPageAction = nullptr;
    QAction *m_exportNotesAction = nullptr;
    QAction *m_bookmarkAction = nullptr;
    QAction *m_progressAction = nullptr;
    QAction *m_exportPdfAction = nullptr;
    QAction *m_printAction = nullptr;
    std::unique_ptr<QPrinter> m_printer; // the print in progress; one at a time
    QAction *m_pluginsAction = nullptr;
    QAction *m_gettingStartedAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_selectAllAction = nullptr;
};

} // namespace dblearn

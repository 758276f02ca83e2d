#pragma once

#include <QElapsedTimer>
#include <QString>

#include <memory>

class QApplication;
class QThread;

namespace dblearn {

class BackendRegistry;
class Curriculum;
class DatasetProvider;
class LessonSearchIndex;
class LocalServers;
class ProgressStore;
class LessonWebProfile;
class MainWindow;
class SingleInstance;

// Builds the application's services and main window from the command line, and runs it.
class Application final
{
public:
    Application(QApplication &app, const QElapsedTimer &sinceStart);
    ~Application();

    int run();

private:
    bool parseArguments(int *exitCode);
    void scheduleScreenshot(MainWindow *window);
    void scheduleExitWhenReady(MainWindow *window);
    bool claimSingleInstance(int *exitCode);
    void bringForward(const QString &lesson, const QString &activationToken);
    void trace(const char *step) const;
    void buildSearchIndex(const QString &contentDir);

    QApplication &m_app;
    const QElapsedTimer &m_sinceStart;
    QString m_consoleSql;
    QString m_screenshotFile;
    QString m_lesson;
    QString m_worksheet;
    bool m_exitWhenReady = false;
    bool m_gettingStarted = false;
    std::unique_ptr<BackendRegistry> m_registry;
    std::unique_ptr<Curriculum> m_curriculum;
    std::unique_ptr<LessonWebProfile> m_webProfile;
    std::unique_ptr<DatasetProvider> m_datasets;
    std::unique_ptr<ProgressStore> m_progress;
    std::unique_ptr<LessonSearchIndex> m_search;
    QThread *m_searchBuild = nullptr; // builds m_search once the first lesson is painted
    std::unique_ptr<LocalServers> m_localServers;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<SingleInstance> m_instance;
};

} // namespace dblearn

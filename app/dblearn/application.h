#pragma once

#include <QCommandLineParser>
#include <QElapsedTimer>

#include <memory>

class QApplication;

namespace dblearn {

class BackendRegistry;
class Curriculum;
class DatasetProvider;
class LessonSearchIndex;
class LocalServers;
class ProgressStore;
class LessonWebProfile;
class MainWindow;

// Builds the application's services and main window from the command line, and runs it.
class Application final
{
public:
    Application(QApplication &app, const QElapsedTimer &sinceStart);
    ~Application();

    int run();

private:
    void parseArguments();
    void scheduleScreenshot(MainWindow *window);
    void scheduleExitWhenReady(MainWindow *window);

    QApplication &m_app;
    const QElapsedTimer &m_sinceStart;
    QCommandLineParser m_parser;
    QString m_consoleSql;
    QString m_screenshotFile;
    QString m_lesson;
    QString m_worksheet;
    bool m_exitWhenReady = false;
    std::unique_ptr<BackendRegistry> m_registry;
    std::unique_ptr<Curriculum> m_curriculum;
    std::unique_ptr<LessonWebProfile> m_webProfile;
    std::unique_ptr<DatasetProvider> m_datasets;
    std::unique_ptr<ProgressStore> m_progress;
    std::unique_ptr<LessonSearchIndex> m_search;
    std::unique_ptr<LocalServers> m_localServers;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace dblearn

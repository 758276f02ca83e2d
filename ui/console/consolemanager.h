#pragma once

#include "consoletarget.h"

#include "shell/appservices.h"

#include <QObject>

#include <memory>

class QAction;
class QMainWindow;
class QTabWidget;

namespace dblearn {

class ConsoleTab;
class HistoryDock;
class HistoryStore;
class SchemaDock;

// Puts SQL consoles into the main window: tabs in its central tab widget (each with its own
// connection), the schema and history docks, the Console menu, "Open in console" from lessons,
// and the unsaved scripts kept across restarts. The main window only creates it and adds its menu.
class ConsoleManager final : public QObject
{
    Q_OBJECT
public:
    ConsoleManager(const AppServices &services, QMainWindow *window, QTabWidget *tabs);
    ~ConsoleManager() override;

    QAction *newConsoleAction() const { return m_newConsoleAction; }
    QAction *connectAction() const { return m_connectAction; }
    QList<ConsoleTab *> consoles() const;
    ConsoleTab *currentConsole() const;
    SchemaDock *schemaDock() const { return m_schemaDock; }
    HistoryDock *historyDock() const { return m_historyDock; }

    // A new console tab on `target` (the shop dataset on SQLite by default), with `sql` in it.
    ConsoleTab *openConsole(const ConsoleTarget &target = {}, const QString &sql = {});
    // From a lesson's "Open in console": its SQL, engine and dataset.
    ConsoleTab *openFromLesson(const QString &engine, const QString &dataset, const QString &sql);
    void showConnectDialog(ConsoleTab *tab);

    // Scripts of open consoles, saved and restored with their targets.
    void saveScripts();
    int restoreScripts();

signals:
    void status(const QString &message);

private:
    ConsoleTab *addTab(const QString &sql);
    // interactive: may ask for a password; otherwise a missing password leaves the tab unconnected.
    void connectTab(ConsoleTab *tab, const ConsoleTarget &target, bool interactive, const QString &password = {});
    void onCurrentChanged();

    AppServices m_services;
    QMainWindow *m_window;
    QTabWidget *m_tabs;
    QAction *m_newConsoleAction = nullptr;
    QAction *m_connectAction = nullptr;
    std::unique_ptr<HistoryStore> m_history;
    SchemaDock *m_schemaDock = nullptr;
    HistoryDock *m_historyDock = nullptr;
    int m_created = 0;
};

} // namespace dblearn

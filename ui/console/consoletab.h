#pragma once

#include "consoletarget.h"

#include "backends/databasebackend.h"
#include "console/consolesession.h"
#include "plans/planhistory.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimer;
class QToolBar;

namespace dblearn {

class HistoryStore;
class ResultPane;
class ResultSpool;
class SqlEditor;

// One console tab: the editor, a toolbar (run the statement under the cursor or the selection
// with Ctrl+Enter, the script with Ctrl+Shift+Enter, cancel with Esc, explain, time limit,
// transaction state with Commit/Rollback), one result tab per statement with rows, and a
// Messages tab with every statement's outcome, timing, notices and errors. Its own connection
// runs on a worker thread; the tab never waits for it.
class ConsoleTab final : public QWidget
{
    Q_OBJECT
public:
    explicit ConsoleTab(QWidget *parent = nullptr);
    ~ConsoleTab() override;

    // Takes an open connection (or an unopened one with `uri` to open on the worker).
    void setConnection(std::unique_ptr<DatabaseConnection> connection, const ConsoleTarget &target,
                       const QString &dialect, const ConnectionUri &uri = {});
    void setNotConnected(const QString &reason);
    void setHistory(HistoryStore *history) { m_history = history; }

    SqlEditor *editor() const { return m_editor; }
    ConsoleSession *session() const { return m_session.get(); }
    const ConsoleTarget &target() const { return m_target; }
    QTabWidget *results() const { return m_results; }
    QPlainTextEdit *messages() const { return m_messages; }
    ResultPane *resultPane(int i) const;
    int resultCount() const;
    bool isRunning() const;
    const SchemaInfo &schema() const { return m_schema; }
    const PlanHistory &planHistory() const { return m_planHistory; }

    void runStatementUnderCursor();
    void runScript();
    void runText(const QString &sql, int baseOffset);
    void cancel();
    void explain(bool analyze); // the statement under the cursor, or the selection
    void explainSql(const QString &sql, bool analyze);
    void setTimeLimitSeconds(int seconds);
    // The EXPLAIN options the backend takes ("buffers", "verbose", "settings", "wal"); the toolbar's
    // Explain options menu offers them (hidden when there are none).
    void setExplainOptions(const QStringList &available);
    ExplainOptions explainOptions(bool analyze) const;
    QAction *explainOptionAction(const QString &name) const;
    void refreshSchema();

signals:
    void runFinished(bool ok);
    void schemaChanged(const dblearn::SchemaInfo &schema);
    void titleChanged(const QString &title);
    void status(const QString &message);
    void connectRequested();

private:
    void buildToolbar();
    void onStatementStarted(int index, int offset, int length, const ColumnList &columns,
                            std::shared_ptr<ResultSpool> spool);
    void onStatementFinished(const StatementOutcome &outcome);
    void onRunFinished(bool ok);
    void updateRunState();
    void updateTransaction(ConsoleSession::TransactionState state);
    void message(const QString &text, bool error = false);
    void sortResult(ResultPane *pane, int column, Qt::SortOrder order);

    std::unique_ptr<ConsoleSession> m_session;
    ConsoleTarget m_target;
    HistoryStore *m_history = nullptr;
    SchemaInfo m_schema;
    SqlEditor *m_editor = nullptr;
    QToolBar *m_toolbar = nullptr;
    QTabWidget *m_results = nullptr;
    QPlainTextEdit *m_messages = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_elapsed = nullptr;
    QLabel *m_transactionLabel = nullptr;
    QSpinBox *m_timeLimit = nullptr;
    QTimer *m_clock = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_runScriptAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_explainAction = nullptr;
    QAction *m_explainAnalyzeAction = nullptr;
    QAction *m_commitAction = nullptr;
    QAction *m_explainOptionsButton = nullptr; // the toolbar's Options menu button
    QList<QAction *> m_explainOptionActions;   // checkable, data(): the option's name
    QAction *m_rollbackAction = nullptr;
    QHash<int, ResultPane *> m_panes; // statement index → its result, in the run under way
    int m_statementsRun = 0;
    int m_failures = 0;
    int m_resultsNotShown = 0; // results of this run beyond the tabs it keeps
    QString m_runText;
    QString m_editorText; // the editor's whole text when the run started
    int m_runOffset = 0;
    bool m_runInEditor = true; // the run's text is the editor's (errors are marked there)
    PlanHistory m_planHistory;  // plans explained in this tab, per query
    QString m_explainedSql;     // of the explain under way
    bool m_explainedWithAnalyze = false;
};

} // namespace dblearn

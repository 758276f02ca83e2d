#pragma once

#include <QDockWidget>

class QLineEdit;
class QListWidget;
class QTreeWidget;

namespace dblearn {

class HistoryStore;

// Statements the consoles ran (persisted, searchable, with duration and outcome) and the
// learner's saved snippets. Double-click puts the SQL into the current console.
class HistoryDock final : public QDockWidget
{
    Q_OBJECT
public:
    HistoryDock(HistoryStore *history, QWidget *parent = nullptr);

    void reload();
    QTreeWidget *historyTree() const { return m_tree; }
    QListWidget *snippetList() const { return m_snippets; }
    QLineEdit *searchField() const { return m_search; }

    void addSnippet(const QString &name, const QString &sql);
    void removeSnippet(int row);

signals:
    void insertRequested(const QString &sql);
    void saveSnippetRequested();

private:
    void loadSnippets();
    void saveSnippets();

    HistoryStore *m_history;
    QLineEdit *m_search = nullptr;
    QTreeWidget *m_tree = nullptr;
    QListWidget *m_snippets = nullptr;
};

} // namespace dblearn

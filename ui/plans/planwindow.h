#pragma once

#include "plans/plan.h"
#include "plans/planhistory.h"

#include <QWidget>

class QLineEdit;
class QMenu;
class QTabWidget;
class QPlainTextEdit;
class QTableWidget;
class QTextBrowser;

namespace dblearn {

class PlanFlameView;
class PlanGraphView;

// A window for one plan: the graph, a sortable grid of nodes, a flame (icicle) chart of time, the
// raw text, and a details panel with the selected node's figures, warnings, plain-language card
// and every raw property. Opens plan files from File → Open Query Plan… or by dropping them on
// the window; exports SVG and PNG of the graph, normalised JSON and a Markdown summary; compares
// the plan with an earlier run of the same query (the console's plan history) or a plan file.
class PlanWindow final : public QWidget
{
    Q_OBJECT

public:
    explicit PlanWindow(QWidget *parent = nullptr);

    // Reads and shows a plan; on failure shows the reason and returns false.
    bool openFile(const QString &path);
    bool setPlanText(const QByteArray &text, const QString &title);
    const Plan &plan() const { return m_plan; }
    PlanGraphView *graph() const { return m_graph; }
    PlanFlameView *flame() const { return m_flame; }
    // Shows the tab with the given widget (graph, grid, flame, raw), filling it if needed.
    void showTab(QWidget *page);

    // Earlier plans of the same query, oldest first: Compare with… offers them.
    void setHistory(const QList<PlanRun> &earlier);
    // Opens the diff of `earlier` against this plan in a new window (nullptr and a message on failure).
    QWidget *compareWith(const QByteArray &earlier, const QString &earlierTitle);
    // Writes the graph as SVG (vector; every card and edge) or, by the file's suffix, PNG.
    bool exportGraph(const QString &path, QString *error) const;

    // Asks for a file and opens it in a new window.
    static void openWithDialog(QWidget *parent);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showNode(int node);
    void fillGrid();
    void fillVisibleTab();
    void exportAs();
    void fillCompareMenu();

    Plan m_plan;
    QString m_title;
    PlanGraphView *m_graph = nullptr;
    PlanFlameView *m_flame = nullptr;
    QTabWidget *m_tabs = nullptr;
    bool m_gridStale = false;
    bool m_rawStale = false;
    QList<PlanRun> m_history;
    QMenu *m_compareMenu = nullptr;
    QTableWidget *m_grid = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QTextBrowser *m_details = nullptr;
    QLineEdit *m_find = nullptr;
};

} // namespace dblearn

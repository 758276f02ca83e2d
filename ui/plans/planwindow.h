#pragma once

#include "plans/plan.h"

#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QTextBrowser;

namespace dblearn {

class PlanGraphView;

// A window for one plan: the graph, a sortable grid of nodes, the raw text, and a details panel
// with the selected node's figures, warnings, plain-language card and every raw property.
// Opens plan files from File → Open Query Plan… or by dropping them on the window; exports PNG,
// normalised JSON and a Markdown summary.
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

    // Asks for a file and opens it in a new window.
    static void openWithDialog(QWidget *parent);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showNode(int node);
    void fillGrid();
    void exportAs();

    Plan m_plan;
    QString m_title;
    PlanGraphView *m_graph = nullptr;
    QTableWidget *m_grid = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QTextBrowser *m_details = nullptr;
    QLineEdit *m_find = nullptr;
};

} // namespace dblearn

#pragma once

#include "plans/plan.h"
#include "plans/planlayout.h"

#include <QGraphicsView>
#include <QSet>

namespace dblearn {

class PlanNodeItem;

// The plan as a graph of cards joined by edges whose thickness follows the rows that flow along
// them. Wheel zooms, drag pans; fit(), find(), collapse (double-click a card) and a minimap in
// the corner. Only items in view are painted and far-out cards draw as boxes.
class PlanGraphView final : public QGraphicsView
{
    Q_OBJECT

public:
    explicit PlanGraphView(QWidget *parent = nullptr);
    ~PlanGraphView() override;

    // Shows `plan` fitted to the view, and keeps it fitted as the view is shown and resized until
    // the learner zooms.
    void setPlan(const Plan *plan);
    void fit();
    void zoomBy(qreal factor);
    // Selects and centres the next node whose headline contains `text`; false when none.
    bool find(const QString &text);
    void toggleCollapsed(int node);
    void selectNode(int node);
    int selectedNode() const;

signals:
    void nodeSelected(int node);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();

    const Plan *m_plan = nullptr;
    PlanLayout m_layout;
    QSet<int> m_collapsed;
    QList<PlanNodeItem *> m_items; // by node id, null when hidden
    int m_findFrom = 0;
    bool m_autoFit = true; // fit on resize until the learner zooms
};

} // namespace dblearn

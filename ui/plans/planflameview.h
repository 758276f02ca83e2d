#pragma once

#include "plans/plan.h"

#include <QRectF>
#include <QWidget>

#include <vector>

namespace dblearn {

// The plan as an icicle chart of time: the root spans the width, each node's children sit under
// it with widths in proportion to their inclusive time (total cost when the plan has no
// actuals), so where the time goes is visible at a glance. Colour darkens with the node's own
// share; a warning gets a red edge. Click selects a node; hover shows its figures.
class PlanFlameView final : public QWidget
{
    Q_OBJECT

public:
    explicit PlanFlameView(QWidget *parent = nullptr);

    void setPlan(const Plan *plan);
    void selectNode(int node);
    int selectedNode() const { return m_selected; }
    // The node drawn at `point` (widget coordinates), or -1.
    int nodeAt(const QPointF &point) const;
    // Where a node is drawn, as fractions of the width (x, width) and its row; empty when hidden
    // (too narrow to draw).
    QRectF nodeRect(int node) const;
    static constexpr double rowHeight = 22;

signals:
    void nodeSelected(int node);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    QSize sizeHint() const override;

private:
    void layout();
    double weight(const PlanNode &node) const;

    const Plan *m_plan = nullptr;
    bool m_byTime = true;
    std::vector<QRectF> m_rects; // per node: x and width in [0,1], y = depth row, height 1
    int m_depth = 0;
    int m_selected = -1;
};

} // namespace dblearn

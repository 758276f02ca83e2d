#pragma once

#include "plans/plan.h"

#include <QGraphicsItem>

namespace dblearn {

// One plan node drawn as a card: type, label, a time (or cost) bar, estimated vs actual rows and
// a warning badge. Zoomed out it draws a plain coloured box only (level of detail), so thousands
// of cards stay cheap to paint.
class PlanNodeItem final : public QGraphicsItem
{
public:
    PlanNodeItem(const Plan &plan, int node, const QRectF &rect);

    int node() const { return m_node; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    const Plan &m_plan;
    int m_node = -1;
    QRectF m_rect;
};

} // namespace dblearn

#include "plannodeitem.h"

#include "plans/plantextreport.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace dblearn {

PlanNodeItem::PlanNodeItem(const Plan &plan, int node, const QRectF &rect)
    : m_plan(plan)
    , m_node(node)
    , m_rect(rect)
{
    setFlag(ItemIsSelectable);
    setToolTip(plan.nodes[size_t(node)].headline());
}

QRectF PlanNodeItem::boundingRect() const
{
    return m_rect.adjusted(-2, -2, 2, 2);
}

void PlanNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const PlanNode &node = m_plan.nodes[size_t(m_node)];
    const double share = planKnown(node.timePercent) ? node.timePercent : node.costPercent;
    // Heat from the node's share of the time (or cost): white to red.
    const int heat = planKnown(share) ? int(std::clamp(share, 0.0, 100.0) * 1.6) : 0;
    const QColor fill(255, 255 - heat, 255 - heat);
    const bool selected = option->state & QStyle::State_Selected;
    int worst = -1;
    for (const PlanWarning &w : node.warnings)
        worst = std::max(worst, int(w.level));
    const QColor border = selected ? QColor(30, 100, 220) : worst >= 1 ? QColor(200, 120, 0) : QColor(120, 120, 120);

    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.35) { // far out: a box is all that can be seen
        painter->fillRect(m_rect, selected ? border : fill.darker(worst >= 1 ? 130 : 110));
        return;
    }
    painter->setPen(QPen(border, selected ? 3 : 1.2));
    painter->setBrush(fill);
    painter->drawRoundedRect(m_rect, 6, 6);
    const QRectF inner = m_rect.adjusted(8, 6, -8, -6);
    QFont font = painter->font();
    font.setPointSizeF(10);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::black);
    const QFontMetricsF metrics(font);
    const QString title = node.subplanName.isEmpty() ? node.title : node.subplanName + QStringLiteral(": ") + node.title;
    painter->drawText(QRectF(inner.left(), inner.top(), inner.width() - 18, 16), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(title.isEmpty() ? node.type : title, Qt::ElideRight, inner.width() - 18));
    if (worst >= 0) { // the warning badge
        painter->setBrush(worst == 2 ? QColor(200, 30, 30) : worst == 1 ? QColor(230, 140, 0) : QColor(90, 140, 220));
        painter->setPen(Qt::NoPen);
        painter->drawEllipse(QRectF(inner.right() - 14, inner.top() + 1, 14, 14));
        painter->setPen(Qt::white);
        painter->drawText(QRectF(inner.right() - 14, inner.top() + 1, 14, 14), Qt::AlignCenter, QStringLiteral("!"));
    }
    if (lod < 0.6)
        return;
    font.setBold(false);
    font.setPointSizeF(8.5);
    painter->setFont(font);
    painter->setPen(QColor(60, 60, 60));
    const QFontMetricsF small(font);
    const QString label = node.label().isEmpty() ? node.detail : node.label();
    painter->drawText(QRectF(inner.left(), inner.top() + 18, inner.width(), 14), Qt::AlignLeft | Qt::AlignVCenter,
                      small.elidedText(label, Qt::ElideMiddle, inner.width()));
    QString timeText;
    if (node.neverExecuted)
        timeText = QStringLiteral("never executed");
    else if (planKnown(node.exclusiveTimeMs))
        timeText = PlanTextReport::formatMs(node.exclusiveTimeMs) + QStringLiteral(" self");
    else if (planKnown(node.totalCost))
        timeText = QStringLiteral("cost ") + QString::number(node.totalCost, 'f', 1);
    painter->drawText(QRectF(inner.left(), inner.top() + 34, inner.width(), 14), Qt::AlignLeft | Qt::AlignVCenter, timeText);
    // The bar: share of time (or cost).
    const QRectF bar(inner.left(), inner.top() + 50, inner.width(), 6);
    painter->fillRect(bar, QColor(225, 225, 225));
    if (planKnown(share))
        painter->fillRect(QRectF(bar.left(), bar.top(), bar.width() * std::clamp(share, 0.0, 100.0) / 100, bar.height()),
                          QColor(210, 60, 40));
    QString rows;
    if (planKnown(node.actualRowsTotal))
        rows = QStringLiteral("rows %1 / est. %2").arg(PlanTextReport::formatCount(node.actualRowsTotal),
                                                       PlanTextReport::formatCount(node.estimatedRowsTotal));
    else if (planKnown(node.planRows))
        rows = QStringLiteral("est. rows %1").arg(PlanTextReport::formatCount(node.planRows));
    if (planKnown(node.misestimateFactor) && node.misestimateFactor >= 10)
        rows += QStringLiteral("  ×%1 %2").arg(QString::number(node.misestimateFactor, 'f', 0),
                                              PlanNode::directionName(node.misestimateDirection));
    painter->drawText(QRectF(inner.left(), inner.top() + 60, inner.width(), 14), Qt::AlignLeft | Qt::AlignVCenter,
                      small.elidedText(rows, Qt::ElideRight, inner.width()));
}

} // namespace dblearn

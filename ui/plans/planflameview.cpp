#include "planflameview.h"

#include "plans/plantextreport.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace dblearn {

PlanFlameView::PlanFlameView(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void PlanFlameView::setPlan(const Plan *plan)
{
    m_plan = plan;
    m_selected = -1;
    layout();
    updateGeometry();
    update();
}

double PlanFlameView::weight(const PlanNode &node) const
{
    const double value = m_byTime ? node.totalTimeMs : node.totalCost;
    return planKnown(value) && value > 0 ? value : 0;
}

void PlanFlameView::layout()
{
    m_rects.clear();
    m_depth = 0;
    if (!m_plan || m_plan->isEmpty())
        return;
    m_byTime = m_plan->hasActuals && planKnown(m_plan->root().totalTimeMs);
    m_rects.assign(size_t(m_plan->nodeCount()), QRectF());
    m_rects[0] = QRectF(0, 0, 1, 1);
    // Nodes come parent first, so one forward pass places every child inside its parent.
    for (const PlanNode &node : m_plan->nodes) {
        const QRectF parent = m_rects[size_t(node.id)];
        if (parent.isEmpty() || node.children.isEmpty())
            continue;
        double sum = 0;
        for (int child : node.children)
            sum += weight(m_plan->nodes[size_t(child)]);
        // Children can add up to more than the parent (CTEs read elsewhere, parallel workers):
        // scale them into the parent's width. With no figures at all, share it equally.
        const double scale = sum > 0 ? parent.width() / std::max(sum, weight(node)) : 0;
        double x = parent.x();
        for (int child : node.children) {
            const double w = sum > 0 ? weight(m_plan->nodes[size_t(child)]) * scale : parent.width() / node.children.size();
            m_rects[size_t(child)] = QRectF(x, parent.y() + 1, w, 1);
            x += w;
            m_depth = std::max(m_depth, int(parent.y()) + 1);
        }
    }
}

QRectF PlanFlameView::nodeRect(int node) const
{
    if (node < 0 || node >= int(m_rects.size()))
        return {};
    return m_rects[size_t(node)];
}

QSize PlanFlameView::sizeHint() const
{
    return QSize(800, int((m_depth + 1) * rowHeight) + 8);
}

int PlanFlameView::nodeAt(const QPointF &point) const
{
    const int row = int(point.y() / rowHeight);
    const double x = point.x() / std::max(1, width());
    for (size_t i = 0; i < m_rects.size(); ++i) {
        const QRectF &r = m_rects[i];
        if (!r.isEmpty() && int(r.y()) == row && x >= r.left() && x < r.right())
            return int(i);
    }
    return -1;
}

void PlanFlameView::selectNode(int node)
{
    if (node == m_selected)
        return;
    m_selected = node;
    update();
}

void PlanFlameView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (!m_plan || m_plan->isEmpty()) {
        painter.drawText(rect(), Qt::AlignCenter, tr("No plan"));
        return;
    }
    const double w = width();
    const QFontMetrics metrics(font());
    for (const PlanNode &node : m_plan->nodes) {
        const QRectF f = m_rects[size_t(node.id)];
        const QRectF r(f.x() * w, f.y() * rowHeight, f.width() * w, rowHeight - 2);
        if (r.width() < 1.5)
            continue; // too narrow to see
        // Own share of the time (or cost) from pale to deep orange.
        const double own = planKnown(node.timePercent) ? std::clamp(node.timePercent / 100.0, 0.0, 1.0) : 0.0;
        const QColor fill = QColor::fromHsvF(0.08, 0.15 + 0.75 * std::sqrt(own), 0.98 - 0.2 * own);
        painter.fillRect(r, fill);
        painter.setPen(node.warnings.isEmpty() ? QColor(120, 110, 100) : QColor(200, 30, 30));
        painter.drawRect(r.adjusted(0, 0, -1, -1));
        if (node.id == m_selected) {
            painter.setPen(QPen(QColor(30, 90, 200), 2));
            painter.drawRect(r.adjusted(1, 1, -2, -2));
        }
        if (r.width() > 30) {
            painter.setPen(Qt::black);
            const QString text = metrics.elidedText(node.headline(), Qt::ElideRight, int(r.width()) - 6);
            painter.drawText(r.adjusted(3, 0, -3, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
        }
    }
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRectF(4, (m_depth + 1) * rowHeight + 4, w - 8, rowHeight), Qt::AlignLeft,
                     m_byTime ? tr("Width: time including children. Colour: the node's own share.")
                              : tr("No timings (plan not analysed): width follows the estimated cost."));
}

void PlanFlameView::mousePressEvent(QMouseEvent *event)
{
    const int node = nodeAt(event->position());
    if (node >= 0) {
        selectNode(node);
        emit nodeSelected(node);
    }
}

bool PlanFlameView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_plan) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int node = nodeAt(help->pos());
        if (node >= 0) {
            const PlanNode &n = m_plan->nodes[size_t(node)];
            QToolTip::showText(help->globalPos(), n.headline() + QLatin1Char('\n') + PlanTextReport::figures(n), this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace dblearn

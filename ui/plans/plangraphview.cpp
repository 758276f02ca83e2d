#include "plangraphview.h"

#include "plannodeitem.h"

#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace dblearn {

PlanGraphView::PlanGraphView(QWidget *parent)
    : QGraphicsView(parent)
{
    setScene(new QGraphicsScene(this));
    setDragMode(ScrollHandDrag);
    setRenderHint(QPainter::Antialiasing);
    setViewportUpdateMode(SmartViewportUpdate);
    setTransformationAnchor(AnchorUnderMouse);
    setBackgroundBrush(QColor(248, 248, 246));
    connect(scene(), &QGraphicsScene::selectionChanged, this, [this] { emit nodeSelected(selectedNode()); });
}

PlanGraphView::~PlanGraphView()
{
    // The scene clears its selection as it goes, after this object is gone: a selectionChanged
    // reaching the lambda above then called into a destroyed view (UBSan found it).
    disconnect(scene(), nullptr, this, nullptr);
}

void PlanGraphView::setPlan(const Plan *plan)
{
    m_plan = plan;
    m_collapsed.clear();
    m_findFrom = 0;
    rebuild();
    m_autoFit = true;
    fit();
}

void PlanGraphView::rebuild()
{
    scene()->clear();
    m_items.clear();
    if (!m_plan || m_plan->isEmpty())
        return;
    m_layout.layout(*m_plan, m_collapsed);
    m_items.resize(m_plan->nodeCount(), nullptr);
    double maxRows = 1;
    for (const PlanNode &node : m_plan->nodes) {
        const double rows = planKnown(node.actualRowsTotal) ? node.actualRowsTotal : node.estimatedRowsTotal;
        if (planKnown(rows))
            maxRows = std::max(maxRows, rows);
    }
    // All edges in one path per thickness class keeps the scene small for thousands of nodes.
    QPainterPath edges[4];
    for (const PlanNode &node : m_plan->nodes) {
        if (!m_layout.isVisible(node.id))
            continue;
        auto *item = new PlanNodeItem(*m_plan, node.id, m_layout.rect(node.id));
        scene()->addItem(item);
        m_items[node.id] = item;
        if (node.parent >= 0) {
            const QRectF from = m_layout.rect(node.parent);
            const QRectF to = m_layout.rect(node.id);
            const double rows = planKnown(node.actualRowsTotal) ? node.actualRowsTotal : node.estimatedRowsTotal;
            const int weight = planKnown(rows) ? std::clamp(int(std::log10(1 + rows) / std::log10(1 + maxRows) * 3.99), 0, 3) : 0;
            QPainterPath &path = edges[weight];
            const QPointF a(from.center().x(), from.bottom());
            const QPointF b(to.center().x(), to.top());
            path.moveTo(a);
            path.cubicTo(QPointF(a.x(), (a.y() + b.y()) / 2), QPointF(b.x(), (a.y() + b.y()) / 2), b);
        }
        if (m_collapsed.contains(node.id) && !node.children.isEmpty()) {
            auto *more = scene()->addSimpleText(QStringLiteral("+%1").arg(node.children.size()));
            more->setPos(m_layout.rect(node.id).center().x() - 8, m_layout.rect(node.id).bottom() + 4);
        }
    }
    for (int i = 0; i < 4; ++i) {
        auto *item = scene()->addPath(edges[i], QPen(QColor(140, 150, 170), 1.0 + i * 2.5));
        item->setZValue(-1);
    }
    scene()->setSceneRect(m_layout.bounds().adjusted(-40, -40, 40, 40));
}

void PlanGraphView::fit()
{
    m_autoFit = true;
    if (scene()->items().isEmpty())
        return;
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    // Small plans would be blown up: no larger than 1:1.
    if (transform().m11() > 1)
        setTransform(QTransform());
}

void PlanGraphView::zoomBy(qreal factor)
{
    const qreal current = transform().m11();
    if ((factor > 1 && current > 4) || (factor < 1 && current < 0.01))
        return;
    m_autoFit = false;
    scale(factor, factor);
}

void PlanGraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    // A plan set before the window was shown was fitted to a view of no real size.
    if (m_autoFit)
        fit();
}

bool PlanGraphView::find(const QString &text)
{
    if (!m_plan || text.isEmpty())
        return false;
    const int n = m_plan->nodeCount();
    for (int step = 0; step < n; ++step) {
        const int id = (m_findFrom + step) % n;
        const PlanNode &node = m_plan->nodes[size_t(id)];
        if (node.headline().contains(text, Qt::CaseInsensitive) || node.type.contains(text, Qt::CaseInsensitive)) {
            // Open collapsed ancestors so the node can be shown.
            bool reopened = false;
            for (int p = node.parent; p >= 0; p = m_plan->nodes[size_t(p)].parent)
                reopened = m_collapsed.remove(p) || reopened;
            if (reopened)
                rebuild();
            selectNode(id);
            m_findFrom = id + 1;
            return true;
        }
    }
    return false;
}

void PlanGraphView::selectNode(int node)
{
    if (node < 0 || node >= m_items.size() || !m_items[node])
        return;
    scene()->clearSelection();
    m_items[node]->setSelected(true);
    if (transform().m11() < 0.5)
        setTransform(QTransform::fromScale(0.8, 0.8));
    centerOn(m_items[node]);
}

int PlanGraphView::selectedNode() const
{
    const QList<QGraphicsItem *> selected = scene()->selectedItems();
    if (selected.isEmpty())
        return -1;
    const auto *item = dynamic_cast<PlanNodeItem *>(selected.first());
    return item ? item->node() : -1;
}

void PlanGraphView::toggleCollapsed(int node)
{
    if (!m_plan || node < 0 || m_plan->nodes[size_t(node)].children.isEmpty())
        return;
    if (!m_collapsed.remove(node))
        m_collapsed.insert(node);
    rebuild();
    selectNode(node);
}

void PlanGraphView::wheelEvent(QWheelEvent *event)
{
    zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
    event->accept();
}

void PlanGraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (const auto *item = dynamic_cast<PlanNodeItem *>(itemAt(event->pos())))
        toggleCollapsed(item->node());
    else
        QGraphicsView::mouseDoubleClickEvent(event);
}

void PlanGraphView::drawForeground(QPainter *painter, const QRectF &)
{
    // The minimap: the whole plan in the bottom-right corner, the visible part outlined.
    if (!m_plan || m_plan->isEmpty())
        return;
    const QRectF bounds = scene()->sceneRect();
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    if (visible.contains(bounds))
        return;
    painter->save();
    painter->resetTransform();
    const QSizeF size = bounds.size().scaled(180, 120, Qt::KeepAspectRatio);
    const QRectF map(viewport()->width() - size.width() - 10, viewport()->height() - size.height() - 10, size.width(),
                     size.height());
    painter->fillRect(map, QColor(255, 255, 255, 220));
    painter->setPen(QColor(150, 150, 150));
    painter->drawRect(map);
    const double sx = map.width() / bounds.width();
    const double sy = map.height() / bounds.height();
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(120, 130, 150));
    // At most a few thousand dots; plans bigger than that still draw, just as dots.
    for (const PlanNode &node : m_plan->nodes) {
        if (!m_layout.isVisible(node.id))
            continue;
        const QRectF r = m_layout.rect(node.id);
        painter->drawRect(QRectF(map.left() + (r.left() - bounds.left()) * sx, map.top() + (r.top() - bounds.top()) * sy,
                                 std::max(1.0, r.width() * sx), std::max(1.0, r.height() * sy)));
    }
    painter->setPen(QPen(QColor(30, 100, 220), 1.5));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(QRectF(map.left() + (visible.left() - bounds.left()) * sx,
                             map.top() + (visible.top() - bounds.top()) * sy, visible.width() * sx, visible.height() * sy)
                          .intersected(map));
    painter->restore();
}

} // namespace dblearn

#include "plans/planlayout.h"

namespace dblearn {

void PlanLayout::layout(const Plan &plan, const QSet<int> &collapsed)
{
    const size_t n = plan.nodes.size();
    m_rects.assign(n, QRectF());
    m_visible.assign(n, 0);
    m_visibleCount = 0;
    m_bounds = QRectF();
    if (n == 0)
        return;
    // Visibility top-down (parents come first), then x bottom-up (reverse order visits children first).
    m_visible[0] = 1;
    for (const PlanNode &node : plan.nodes) {
        if (node.parent >= 0)
            m_visible[size_t(node.id)] = m_visible[size_t(node.parent)] && !collapsed.contains(node.parent);
    }
    std::vector<double> centre(n, 0);
    // Leaves in pre-order get consecutive slots; a pass in pre-order assigns them.
    double nextSlot = 0;
    for (const PlanNode &node : plan.nodes) {
        if (!m_visible[size_t(node.id)])
            continue;
        ++m_visibleCount;
        const bool leaf = node.children.isEmpty() || collapsed.contains(node.id);
        if (leaf) {
            centre[size_t(node.id)] = nextSlot * (cardWidth + gapX) + cardWidth / 2;
            nextSlot += 1;
        }
    }
    for (size_t i = n; i-- > 0;) {
        const PlanNode &node = plan.nodes[i];
        if (!m_visible[i] || node.children.isEmpty() || collapsed.contains(node.id))
            continue;
        centre[i] = (centre[size_t(node.children.first())] + centre[size_t(node.children.last())]) / 2;
    }
    double right = 0;
    double bottom = 0;
    for (const PlanNode &node : plan.nodes) {
        if (!m_visible[size_t(node.id)])
            continue;
        const QRectF r(centre[size_t(node.id)] - cardWidth / 2, node.depth * (cardHeight + gapY), cardWidth, cardHeight);
        m_rects[size_t(node.id)] = r;
        right = std::max(right, r.right());
        bottom = std::max(bottom, r.bottom());
    }
    m_bounds = QRectF(0, 0, right, bottom);
}

} // namespace dblearn

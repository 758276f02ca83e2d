#pragma once

#include "plans/plan.h"

#include <QRectF>
#include <QSet>
#include <QSizeF>

#include <vector>

namespace dblearn {

// Places a plan's nodes as cards of one size in a top-down tree: each leaf takes the next slot
// from the left, each parent sits centred over its children. Linear in the node count, so a
// plan of thousands of nodes lays out in a few milliseconds. Collapsed nodes hide their subtree.
class PlanLayout final
{
public:
    static constexpr double cardWidth = 220;
    static constexpr double cardHeight = 92;
    static constexpr double gapX = 28;
    static constexpr double gapY = 56;

    void layout(const Plan &plan, const QSet<int> &collapsed = {});

    bool isVisible(int node) const { return m_visible[size_t(node)]; }
    const QRectF &rect(int node) const { return m_rects[size_t(node)]; }
    const QRectF &bounds() const { return m_bounds; }
    int visibleCount() const { return m_visibleCount; }

private:
    std::vector<QRectF> m_rects;
    std::vector<char> m_visible;
    QRectF m_bounds;
    int m_visibleCount = 0;
};

} // namespace dblearn

#pragma once

#include "plans/plan.h"

#include <QString>

namespace dblearn {

// The analysed plan as text: an indented tree with each node's figures and its warnings
// (dblearn-cli plan), and a Markdown summary (File → Export → Markdown).
class PlanTextReport final
{
public:
    static QString tree(const Plan &plan);
    static QString markdown(const Plan &plan, const QString &title = {});
    // "12.3 ms", "850 µs", "1.2 s"
    static QString formatMs(double ms);
    // "1,234" or "1.2M"
    static QString formatCount(double value);
    // "Hash Join: 73.4 ms (self 12.3 ms, 16%) · rows 4,761 of 8,411 est. (1.8× over) · cost 589.8"
    static QString figures(const PlanNode &node);
};

} // namespace dblearn

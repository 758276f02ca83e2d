#pragma once

#include "plans/plan.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace dblearn {

// Two plans of the same query compared node by node: "add an index and run again".
// Nodes are matched structurally (root to root, then children by the table they read, their
// type and position; what is left is matched by table anywhere in the tree), so a Seq Scan on
// orders that became an Index Scan on orders is one changed node, not one removed and one added.
class PlanDiff final
{
public:
    struct Entry {
        enum class Kind { Same, Changed, Added, Removed };
        Kind kind = Kind::Same;
        int a = -1; // node in the first plan, or -1 when added
        int b = -1; // node in the second plan, or -1 when removed
        QString description;    // "Seq Scan on orders → Index Scan using i on orders"
        double timeA = PlanUnknown, timeB = PlanUnknown; // exclusive time
        double costA = PlanUnknown, costB = PlanUnknown; // total cost
        double rowsA = PlanUnknown, rowsB = PlanUnknown; // actual rows total, else estimated
    };

    static PlanDiff compare(const Plan &a, const Plan &b);

    const QList<Entry> &entries() const { return m_entries; }
    // Plain sentences, the most telling first: operations that changed, then the totals.
    const QStringList &summary() const { return m_summary; }
    int matchInB(int nodeInA) const; // -1 when the node has no counterpart
    int matchInA(int nodeInB) const;
    QJsonObject toJson() const;

    static QString percentChange(double before, double after); // "−94%", "+12%"

private:
    void matchChildren(const Plan &a, const Plan &b, int nodeA, int nodeB);
    void matchLeftovers(const Plan &a, const Plan &b);
    void buildEntries(const Plan &a, const Plan &b);

    std::vector<int> m_aToB;
    std::vector<int> m_bToA;
    QList<Entry> m_entries;
    QStringList m_summary;
    double m_totalA = PlanUnknown;
    double m_totalB = PlanUnknown;
    double m_costA = PlanUnknown;
    double m_costB = PlanUnknown;
};

} // namespace dblearn

#include "plans/plandiff.h"

#include "plans/planjsonwriter.h"
#include "plans/plantextreport.h"

#include <QJsonArray>

namespace dblearn {

namespace {

QString tableOf(const PlanNode &node)
{
    if (!node.relation.isEmpty())
        return node.relation;
    return node.cteName;
}

double similarity(const PlanNode &x, const PlanNode &y, int positionX, int positionY)
{
    double score = 0;
    const QString tx = tableOf(x);
    if (!tx.isEmpty() && tx == tableOf(y))
        score += 4;
    if (x.type == y.type)
        score += 2;
    if (x.title == y.title)
        score += 0.5;
    if (!x.index.isEmpty() && x.index == y.index)
        score += 1;
    if (x.relationship == y.relationship)
        score += 0.5;
    if (positionX == positionY)
        score += 0.25;
    return score;
}

double rowsOf(const PlanNode &node)
{
    return planKnown(node.actualRowsTotal) ? node.actualRowsTotal : node.planRows;
}

} // namespace

QString PlanDiff::percentChange(double before, double after)
{
    if (!planKnown(before) || !planKnown(after) || before <= 0)
        return {};
    const double change = (after - before) / before * 100;
    const QString digits = QString::number(std::abs(change), 'f', std::abs(change) < 10 ? 1 : 0);
    return (change < 0 ? QStringLiteral("−") : QStringLiteral("+")) + digits + QLatin1Char('%');
}

PlanDiff PlanDiff::compare(const Plan &a, const Plan &b)
{
    PlanDiff diff;
    diff.m_aToB.assign(a.nodes.size(), -1);
    diff.m_bToA.assign(b.nodes.size(), -1);
    if (!a.nodes.empty() && !b.nodes.empty()) {
        diff.m_aToB[0] = 0;
        diff.m_bToA[0] = 0;
        diff.matchChildren(a, b, 0, 0);
        diff.matchLeftovers(a, b);
    }
    diff.buildEntries(a, b);
    return diff;
}

void PlanDiff::matchChildren(const Plan &a, const Plan &b, int nodeA, int nodeB)
{
    const QList<int> &childrenA = a.nodes[size_t(nodeA)].children;
    const QList<int> &childrenB = b.nodes[size_t(nodeB)].children;
    QList<bool> taken(childrenB.size(), false);
    for (int i = 0; i < childrenA.size(); ++i) {
        const PlanNode &x = a.nodes[size_t(childrenA[i])];
        int best = -1;
        double bestScore = 0;
        for (int j = 0; j < childrenB.size(); ++j) {
            if (taken[j])
                continue;
            const double score = similarity(x, b.nodes[size_t(childrenB[j])], i, j);
            if (score > bestScore) {
                best = j;
                bestScore = score;
            }
        }
        // Same shape (one child each, or the same count) pairs by position even when nothing else matches.
        if (best < 0 && childrenA.size() == childrenB.size() && !taken[i])
            best = i;
        if (best < 0)
            continue;
        taken[best] = true;
        m_aToB[size_t(childrenA[i])] = childrenB[best];
        m_bToA[size_t(childrenB[best])] = childrenA[i];
        matchChildren(a, b, childrenA[i], childrenB[best]);
    }
}

void PlanDiff::matchLeftovers(const Plan &a, const Plan &b)
{
    // A table read in both plans but at another place in the tree (a join reordered).
    for (const PlanNode &x : a.nodes) {
        if (m_aToB[size_t(x.id)] >= 0 || tableOf(x).isEmpty())
            continue;
        for (const PlanNode &y : b.nodes) {
            if (m_bToA[size_t(y.id)] < 0 && tableOf(y) == tableOf(x) && x.alias == y.alias) {
                m_aToB[size_t(x.id)] = y.id;
                m_bToA[size_t(y.id)] = x.id;
                break;
            }
        }
    }
}

void PlanDiff::buildEntries(const Plan &a, const Plan &b)
{
    QStringList changes;
    for (const PlanNode &x : a.nodes) {
        Entry e;
        e.a = x.id;
        e.b = m_aToB[size_t(x.id)];
        e.timeA = x.exclusiveTimeMs;
        e.costA = x.totalCost;
        e.rowsA = rowsOf(x);
        if (e.b < 0) {
            e.kind = Entry::Kind::Removed;
            e.description = x.headline();
            changes << QStringLiteral("removed: %1").arg(x.headline());
        } else {
            const PlanNode &y = b.nodes[size_t(e.b)];
            e.timeB = y.exclusiveTimeMs;
            e.costB = y.totalCost;
            e.rowsB = rowsOf(y);
            if (x.headline() != y.headline()) {
                e.kind = Entry::Kind::Changed;
                e.description = x.headline() + QStringLiteral(" → ") + y.headline();
                changes << e.description;
            } else {
                e.kind = Entry::Kind::Same;
                e.description = x.headline();
            }
        }
        m_entries.append(e);
    }
    for (const PlanNode &y : b.nodes) {
        if (m_bToA[size_t(y.id)] >= 0)
            continue;
        Entry e;
        e.kind = Entry::Kind::Added;
        e.b = y.id;
        e.description = y.headline();
        e.timeB = y.exclusiveTimeMs;
        e.costB = y.totalCost;
        e.rowsB = rowsOf(y);
        m_entries.append(e);
        changes << QStringLiteral("added: %1").arg(y.headline());
    }

    m_totalA = a.nodes.empty() ? PlanUnknown : a.totalTimeMs();
    m_totalB = b.nodes.empty() ? PlanUnknown : b.totalTimeMs();
    m_costA = a.nodes.empty() ? PlanUnknown : a.root().totalCost;
    m_costB = b.nodes.empty() ? PlanUnknown : b.root().totalCost;
    // Changed operations first (the "Seq Scan → Index Scan" a learner looks for), then the totals.
    std::stable_sort(changes.begin(), changes.end(), [](const QString &x, const QString &y) {
        return x.contains(QStringLiteral(" → ")) && !y.contains(QStringLiteral(" → "));
    });
    const int shown = 8;
    m_summary = changes.mid(0, shown);
    if (changes.size() > shown)
        m_summary << QStringLiteral("… and %1 more changes").arg(changes.size() - shown);
    if (changes.isEmpty())
        m_summary << QStringLiteral("same plan shape");
    if (planKnown(m_totalA) && planKnown(m_totalB)) {
        m_summary << QStringLiteral("total time %1 → %2 (%3)")
                         .arg(PlanTextReport::formatMs(m_totalA), PlanTextReport::formatMs(m_totalB),
                              percentChange(m_totalA, m_totalB));
    }
    if (planKnown(m_costA) && planKnown(m_costB)) {
        m_summary << QStringLiteral("total cost %1 → %2 (%3)")
                         .arg(QString::number(m_costA, 'f', 2), QString::number(m_costB, 'f', 2),
                              percentChange(m_costA, m_costB));
    }
}

int PlanDiff::matchInB(int nodeInA) const
{
    return nodeInA >= 0 && size_t(nodeInA) < m_aToB.size() ? m_aToB[size_t(nodeInA)] : -1;
}

int PlanDiff::matchInA(int nodeInB) const
{
    return nodeInB >= 0 && size_t(nodeInB) < m_bToA.size() ? m_bToA[size_t(nodeInB)] : -1;
}

QJsonObject PlanDiff::toJson() const
{
    auto num = &PlanJsonWriter::number;
    static const char *kinds[] = {"same", "changed", "added", "removed"};
    QJsonArray entries;
    for (const Entry &e : m_entries) {
        entries.append(QJsonObject{{QStringLiteral("kind"), QString::fromLatin1(kinds[int(e.kind)])},
                                   {QStringLiteral("nodeA"), e.a >= 0 ? QJsonValue(e.a) : QJsonValue()},
                                   {QStringLiteral("nodeB"), e.b >= 0 ? QJsonValue(e.b) : QJsonValue()},
                                   {QStringLiteral("description"), e.description},
                                   {QStringLiteral("exclusiveTimeMsA"), num(e.timeA)},
                                   {QStringLiteral("exclusiveTimeMsB"), num(e.timeB)},
                                   {QStringLiteral("totalCostA"), num(e.costA)},
                                   {QStringLiteral("totalCostB"), num(e.costB)},
                                   {QStringLiteral("rowsA"), num(e.rowsA)},
                                   {QStringLiteral("rowsB"), num(e.rowsB)}});
    }
    return QJsonObject{{QStringLiteral("summary"), QJsonArray::fromStringList(m_summary)},
                       {QStringLiteral("totalTimeMsA"), num(m_totalA)},
                       {QStringLiteral("totalTimeMsB"), num(m_totalB)},
                       {QStringLiteral("totalTimeChange"), percentChange(m_totalA, m_totalB)},
                       {QStringLiteral("totalCostA"), num(m_costA)},
                       {QStringLiteral("totalCostB"), num(m_costB)},
                       {QStringLiteral("entries"), entries}};
}

} // namespace dblearn

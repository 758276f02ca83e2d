#include "plans/plantextreport.h"

#include "plans/planjsonwriter.h"
#include "plans/planwarningrules.h"

#include <QLocale>

#include <algorithm>

namespace dblearn {

namespace {

void appendTree(const Plan &plan, int id, const QString &prefix, bool last, bool root, QString *out)
{
    const PlanNode &node = plan.nodes[size_t(id)];
    QString line = root ? QString() : prefix + (last ? QStringLiteral("└─ ") : QStringLiteral("├─ "));
    if (!node.subplanName.isEmpty())
        line += QStringLiteral("[%1] ").arg(node.subplanName);
    line += node.headline();
    const QString figures = PlanTextReport::figures(node);
    if (!figures.isEmpty())
        line += QStringLiteral("  (") + figures + QLatin1Char(')');
    *out += line + QLatin1Char('\n');
    const QString childPrefix = root ? QString() : prefix + (last ? QStringLiteral("   ") : QStringLiteral("│  "));
    for (const PlanWarning &w : node.warnings) {
        *out += childPrefix + (node.children.isEmpty() ? QStringLiteral("   ") : QStringLiteral("│  "))
              + QStringLiteral("⚠ %1: %2 [%3]\n").arg(PlanJsonWriter::levelName(w.level), w.message, w.rule);
    }
    for (int i = 0; i < node.children.size(); ++i)
        appendTree(plan, node.children[i], childPrefix, i == node.children.size() - 1, false, out);
}

} // namespace

QString PlanTextReport::formatMs(double ms)
{
    if (!planKnown(ms))
        return QStringLiteral("?");
    if (ms >= 1000)
        return QString::number(ms / 1000, 'f', 2) + QStringLiteral(" s");
    if (ms < 1 && ms > 0)
        return QString::number(ms * 1000, 'f', 0) + QStringLiteral(" µs");
    return QString::number(ms, 'f', ms < 10 ? 2 : 1) + QStringLiteral(" ms");
}

QString PlanTextReport::formatCount(double value)
{
    if (!planKnown(value))
        return QStringLiteral("?");
    if (std::abs(value - std::round(value)) > 1e-9)
        return QString::number(value, 'f', 2);
    return QLocale(QLocale::English).toString(qint64(std::llround(value)));
}

QString PlanTextReport::figures(const PlanNode &node)
{
    QStringList parts;
    if (node.neverExecuted) {
        parts << QStringLiteral("never executed");
    } else if (planKnown(node.totalTimeMs)) {
        QString time = formatMs(node.totalTimeMs);
        if (planKnown(node.exclusiveTimeMs)) {
            time += QStringLiteral(", self ") + formatMs(node.exclusiveTimeMs);
            if (planKnown(node.timePercent))
                time += QStringLiteral(" = %1%").arg(node.timePercent, 0, 'f', node.timePercent < 10 ? 1 : 0);
        }
        parts << time;
    }
    if (planKnown(node.actualRowsTotal)) {
        QString rows = QStringLiteral("rows ") + formatCount(node.actualRowsTotal);
        if (planKnown(node.actualLoops) && node.actualLoops > 1)
            rows += QStringLiteral(" in %1 loops").arg(formatCount(node.actualLoops));
        if (planKnown(node.planRows))
            rows += QStringLiteral(", est. %1/loop").arg(formatCount(node.planRows));
        if (planKnown(node.misestimateFactor) && node.misestimateFactor >= 2)
            rows += QStringLiteral(" (%1× %2)").arg(QString::number(node.misestimateFactor, 'f', 1),
                                                   PlanNode::directionName(node.misestimateDirection));
        parts << rows;
    } else if (planKnown(node.planRows)) {
        parts << QStringLiteral("est. rows ") + formatCount(node.planRows);
    }
    if (planKnown(node.totalCost))
        parts << QStringLiteral("cost ") + QString::number(node.totalCost, 'f', 2);
    return parts.join(QStringLiteral(" · "));
}

QString PlanTextReport::tree(const Plan &plan)
{
    QString out;
    out += QStringLiteral("%1 plan, %2 nodes").arg(PlanFormats::engineName(plan.engine)).arg(plan.nodeCount());
    if (planKnown(plan.planningTimeMs))
        out += QStringLiteral(", planning ") + formatMs(plan.planningTimeMs);
    if (planKnown(plan.executionTimeMs))
        out += QStringLiteral(", execution ") + formatMs(plan.executionTimeMs);
    out += plan.hasActuals ? QStringLiteral("\n\n") : QStringLiteral(" (estimates only)\n\n");
    if (!plan.nodes.empty())
        appendTree(plan, 0, QString(), true, true, &out);
    for (const PlanTrigger &t : plan.triggers) {
        out += QStringLiteral("Trigger %1%2: %3, %4 calls\n")
                   .arg(t.name, t.relation.isEmpty() ? QString() : QStringLiteral(" on ") + t.relation, formatMs(t.timeMs),
                        formatCount(t.calls));
    }
    const auto warnings = plan.allWarnings();
    if (!warnings.isEmpty()) {
        out += QStringLiteral("\nWarnings (%1):\n").arg(warnings.size());
        QStringList explained;
        for (const auto &[id, w] : warnings) {
            out += QStringLiteral("  %1 · node %2 %3: %4\n")
                       .arg(PlanJsonWriter::levelName(w.level))
                       .arg(id)
                       .arg(plan.nodes[size_t(id)].headline(), w.message);
            if (!explained.contains(w.rule))
                explained << w.rule;
        }
        out += QStringLiteral("\nWhat they mean:\n");
        for (const QString &ruleId : std::as_const(explained)) {
            if (const PlanWarningRule *rule = PlanWarningRules::find(ruleId)) {
                out += QStringLiteral("  %1 (%2; fires at: %3)\n    %4\n    Lesson: %5\n")
                           .arg(rule->name, rule->id, rule->threshold, rule->explanation, rule->lesson);
            }
        }
    }
    for (const QString &note : plan.notes)
        out += QStringLiteral("note: ") + note + QLatin1Char('\n');
    return out;
}

QString PlanTextReport::markdown(const Plan &plan, const QString &title)
{
    QString md = QStringLiteral("# %1\n\n").arg(title.isEmpty() ? QStringLiteral("Query plan") : title);
    md += QStringLiteral("- Engine: %1 (%2)\n").arg(PlanFormats::engineName(plan.engine), PlanFormats::name(plan.format));
    md += QStringLiteral("- Nodes: %1\n").arg(plan.nodeCount());
    if (planKnown(plan.planningTimeMs))
        md += QStringLiteral("- Planning time: %1\n").arg(formatMs(plan.planningTimeMs));
    if (planKnown(plan.executionTimeMs))
        md += QStringLiteral("- Execution time: %1\n").arg(formatMs(plan.executionTimeMs));
    if (!plan.nodes.empty() && planKnown(plan.root().totalCost))
        md += QStringLiteral("- Total cost: %1\n").arg(plan.root().totalCost, 0, 'f', 2);

    std::vector<int> order;
    for (const PlanNode &node : plan.nodes)
        order.push_back(node.id);
    const bool byTime = plan.hasActuals;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const PlanNode &x = plan.nodes[size_t(a)];
        const PlanNode &y = plan.nodes[size_t(b)];
        const double vx = byTime ? x.exclusiveTimeMs : x.exclusiveCost;
        const double vy = byTime ? y.exclusiveTimeMs : y.exclusiveCost;
        return (planKnown(vx) ? vx : -1) > (planKnown(vy) ? vy : -1);
    });
    md += QStringLiteral("\n## Where the %1 goes\n\n").arg(byTime ? QStringLiteral("time") : QStringLiteral("cost"));
    md += QStringLiteral("| node | self %1 | share | rows (actual / est.) | misestimate |\n| --- | --- | --- | --- | --- |\n")
              .arg(byTime ? QStringLiteral("time") : QStringLiteral("cost"));
    for (size_t i = 0; i < std::min<size_t>(10, order.size()); ++i) {
        const PlanNode &n = plan.nodes[size_t(order[i])];
        md += QStringLiteral("| %1 | %2 | %3 | %4 / %5 | %6 |\n")
                  .arg(n.headline().replace(QLatin1Char('|'), QStringLiteral("\\|")),
                       byTime ? formatMs(n.exclusiveTimeMs) : QString::number(n.exclusiveCost, 'f', 2),
                       byTime ? (planKnown(n.timePercent) ? QStringLiteral("%1%").arg(n.timePercent, 0, 'f', 1) : QStringLiteral("—"))
                              : (planKnown(n.costPercent) ? QStringLiteral("%1%").arg(n.costPercent, 0, 'f', 1) : QStringLiteral("—")),
                       formatCount(n.actualRowsTotal), formatCount(n.planRows),
                       planKnown(n.misestimateFactor) ? QStringLiteral("%1× %2").arg(n.misestimateFactor, 0, 'f', 1).arg(PlanNode::directionName(n.misestimateDirection))
                                                      : QStringLiteral("—"));
    }
    const auto warnings = plan.allWarnings();
    md += QStringLiteral("\n## Warnings\n\n");
    if (warnings.isEmpty())
        md += QStringLiteral("None.\n");
    for (const auto &[id, w] : warnings) {
        const PlanWarningRule *rule = PlanWarningRules::find(w.rule);
        md += QStringLiteral("- **%1** (%2) on node %3, %4: %5.")
                  .arg(rule ? rule->name : w.rule, PlanJsonWriter::levelName(w.level))
                  .arg(id)
                  .arg(plan.nodes[size_t(id)].headline(), w.message);
        if (rule)
            md += QStringLiteral(" %1 See `%2`.").arg(rule->explanation, rule->lesson);
        md += QLatin1Char('\n');
    }
    md += QStringLiteral("\n## Plan\n\n```\n") + tree(plan).section(QStringLiteral("\n\n"), 1, 1) + QStringLiteral("\n```\n");
    return md;
}

} // namespace dblearn

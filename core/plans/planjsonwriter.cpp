#include "plans/planjsonwriter.h"

#include <QJsonArray>

namespace dblearn {

QJsonValue PlanJsonWriter::number(double value)
{
    return planKnown(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QString PlanJsonWriter::levelName(PlanWarning::Level level)
{
    switch (level) {
    case PlanWarning::Level::Info:
        return QStringLiteral("info");
    case PlanWarning::Level::Warning:
        return QStringLiteral("warning");
    case PlanWarning::Level::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

QJsonObject PlanJsonWriter::nodeToJson(const Plan &plan, int id, bool withChildren, bool withProperties)
{
    const PlanNode &node = plan.nodes[size_t(id)];
    auto text = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    QJsonObject o;
    o.insert(QStringLiteral("id"), node.id);
    o.insert(QStringLiteral("type"), node.type);
    o.insert(QStringLiteral("title"), node.title);
    o.insert(QStringLiteral("label"), text(node.label()));
    o.insert(QStringLiteral("relation"), text(node.relation));
    o.insert(QStringLiteral("alias"), text(node.alias));
    o.insert(QStringLiteral("index"), text(node.index));
    o.insert(QStringLiteral("relationship"), text(node.relationship));
    o.insert(QStringLiteral("subplanName"), text(node.subplanName));
    o.insert(QStringLiteral("startupCost"), number(node.startupCost));
    o.insert(QStringLiteral("totalCost"), number(node.totalCost));
    o.insert(QStringLiteral("estimatedRows"), number(node.planRows));
    o.insert(QStringLiteral("estimatedWidth"), number(node.planWidth));
    o.insert(QStringLiteral("actualRows"), number(node.actualRowsTotal));
    o.insert(QStringLiteral("actualRowsPerLoop"), number(node.actualRows));
    o.insert(QStringLiteral("loops"), number(node.actualLoops));
    o.insert(QStringLiteral("neverExecuted"), node.neverExecuted);
    o.insert(QStringLiteral("actualStartupTimeMs"), number(node.actualStartupMs));
    o.insert(QStringLiteral("totalTimeMs"), number(node.totalTimeMs));
    o.insert(QStringLiteral("exclusiveTimeMs"), number(node.exclusiveTimeMs));
    o.insert(QStringLiteral("timePercent"), number(node.timePercent));
    o.insert(QStringLiteral("exclusiveCost"), number(node.exclusiveCost));
    o.insert(QStringLiteral("misestimateFactor"), number(node.misestimateFactor));
    const QString direction = PlanNode::directionName(node.misestimateDirection);
    o.insert(QStringLiteral("misestimateDirection"), text(direction));
    o.insert(QStringLiteral("workersPlanned"), node.workersPlanned >= 0 ? QJsonValue(node.workersPlanned) : QJsonValue());
    o.insert(QStringLiteral("workersLaunched"), node.workersLaunched >= 0 ? QJsonValue(node.workersLaunched) : QJsonValue());
    if (node.buffers.isKnown()) {
        const PlanBuffers &b = node.buffers;
        o.insert(QStringLiteral("buffers"),
                 QJsonObject{{QStringLiteral("sharedHit"), number(b.sharedHit)},
                             {QStringLiteral("sharedRead"), number(b.sharedRead)},
                             {QStringLiteral("sharedDirtied"), number(b.sharedDirtied)},
                             {QStringLiteral("sharedWritten"), number(b.sharedWritten)},
                             {QStringLiteral("localHit"), number(b.localHit)},
                             {QStringLiteral("localRead"), number(b.localRead)},
                             {QStringLiteral("tempRead"), number(b.tempRead)},
                             {QStringLiteral("tempWritten"), number(b.tempWritten)},
                             {QStringLiteral("ioReadMs"), number(b.ioReadMs)},
                             {QStringLiteral("ioWriteMs"), number(b.ioWriteMs)}});
    } else {
        o.insert(QStringLiteral("buffers"), QJsonValue());
    }
    QJsonArray conditions;
    for (const PlanCondition &c : node.conditions)
        conditions.append(QJsonObject{{QStringLiteral("kind"), c.kind}, {QStringLiteral("text"), c.text}});
    o.insert(QStringLiteral("conditions"), conditions);
    QJsonArray warnings;
    for (const PlanWarning &w : node.warnings) {
        warnings.append(QJsonObject{{QStringLiteral("rule"), w.rule},
                                    {QStringLiteral("level"), levelName(w.level)},
                                    {QStringLiteral("message"), w.message}});
    }
    o.insert(QStringLiteral("warnings"), warnings);
    if (withProperties) {
        QJsonObject properties = node.properties;
        properties.remove(QStringLiteral("Plans"));
        o.insert(QStringLiteral("properties"), properties);
    }
    if (withChildren) {
        QJsonArray children;
        for (int child : node.children)
            children.append(nodeToJson(plan, child, true, withProperties));
        o.insert(QStringLiteral("children"), children);
    }
    return o;
}

QJsonObject PlanJsonWriter::toJson(const Plan &plan, bool withProperties)
{
    QJsonObject o;
    o.insert(QStringLiteral("engine"), PlanFormats::engineName(plan.engine));
    o.insert(QStringLiteral("format"), PlanFormats::name(plan.format));
    o.insert(QStringLiteral("planningTimeMs"), number(plan.planningTimeMs));
    o.insert(QStringLiteral("executionTimeMs"), number(plan.executionTimeMs));
    o.insert(QStringLiteral("nodeCount"), plan.nodeCount());
    o.insert(QStringLiteral("hasActuals"), plan.hasActuals);
    QJsonArray triggers;
    for (const PlanTrigger &t : plan.triggers) {
        triggers.append(QJsonObject{{QStringLiteral("name"), t.name},
                                    {QStringLiteral("relation"), t.relation},
                                    {QStringLiteral("timeMs"), number(t.timeMs)},
                                    {QStringLiteral("calls"), number(t.calls)}});
    }
    o.insert(QStringLiteral("triggers"), triggers);
    o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(plan.notes));
    int warnings = 0;
    for (const PlanNode &node : plan.nodes)
        warnings += int(node.warnings.size());
    o.insert(QStringLiteral("warningCount"), warnings);
    o.insert(QStringLiteral("root"), plan.nodes.empty() ? QJsonValue() : QJsonValue(nodeToJson(plan, 0, true, withProperties)));
    return o;
}

} // namespace dblearn

#include "plans/mysqljsonplanparser.h"

#include "plans/planjsonreader.h"

#include <QJsonArray>

namespace dblearn {

namespace {

double number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) { // MySQL writes costs as strings: "1.20"
        bool ok = false;
        const double d = value.toString().toDouble(&ok);
        return ok ? d : PlanUnknown;
    }
    return PlanUnknown;
}

} // namespace

bool MySqlJsonPlanParser::parse(const QByteArray &utf8, Plan *plan, PlanParseError *error)
{
    const QJsonDocument document = PlanJsonReader::read(utf8, error, &plan->notes);
    if (error->isError())
        return false;
    plan->engine = PlanEngine::MySQL;
    plan->format = PlanFormat::MySqlJson;
    const QJsonObject top = document.object();
    if (!top.value(QLatin1String("query_block")).isObject()) {
        error->message = QStringLiteral("this JSON holds no MySQL plan: expected { \"query_block\": { ... } }");
        return false;
    }
    walk(top, -1, plan);
    return true;
}

int MySqlJsonPlanParser::addNode(const QString &type, const QJsonObject &object, int parent, Plan *plan)
{
    const int id = plan->addNode(parent);
    PlanNode &node = plan->nodes[size_t(id)];
    node.type = type;
    node.title = type;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("cost_info")) {
            const QJsonObject cost = it.value().toObject();
            for (auto c = cost.begin(); c != cost.end(); ++c)
                node.properties.insert(c.key(), c.value());
        } else if (!it.value().isObject() && it.key() != QLatin1String("nested_loop")
                   && it.key() != QLatin1String("query_specifications")
                   && it.key() != QLatin1String("attached_subqueries")
                   && it.key() != QLatin1String("optimized_away_subqueries")) {
            node.properties.insert(it.key(), it.value());
        }
    }
    const QJsonObject cost = object.value(QLatin1String("cost_info")).toObject();
    node.totalCost = number(cost.value(QLatin1String("query_cost")));
    if (!planKnown(node.totalCost)) {
        const double read = number(cost.value(QLatin1String("read_cost")));
        const double eval = number(cost.value(QLatin1String("eval_cost")));
        if (planKnown(read) || planKnown(eval))
            node.totalCost = (planKnown(read) ? read : 0) + (planKnown(eval) ? eval : 0);
    }
    for (const char *key : {"attached_condition", "index_condition"}) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString())
            node.conditions.append({QString::fromLatin1(key), value.toString()});
    }
    node.filesort = object.value(QLatin1String("using_filesort")).toBool();
    node.temporaryTable = object.value(QLatin1String("using_temporary_table")).toBool();
    return id;
}

void MySqlJsonPlanParser::walk(const QJsonObject &object, int parent, Plan *plan)
{
    static const QHash<QString, QString> operations = {
        {QStringLiteral("ordering_operation"), QStringLiteral("Ordering")},
        {QStringLiteral("grouping_operation"), QStringLiteral("Grouping")},
        {QStringLiteral("duplicates_removal"), QStringLiteral("Duplicates Removal")},
        {QStringLiteral("windowing"), QStringLiteral("Windowing")},
        {QStringLiteral("union_result"), QStringLiteral("Union Result")},
        {QStringLiteral("materialized_from_subquery"), QStringLiteral("Materialize")},
        {QStringLiteral("buffer_result"), QStringLiteral("Buffer Result")},
    };
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("query_block")) {
            const QJsonObject block = it.value().toObject();
            const int id = addNode(QStringLiteral("Query Block"), block, parent, plan);
            plan->nodes[size_t(id)].title =
                QStringLiteral("Query Block #%1").arg(block.value(QLatin1String("select_id")).toVariant().toString());
            walk(block, id, plan);
        } else if (key == QLatin1String("table")) {
            const QJsonObject table = it.value().toObject();
            const QString access = table.value(QLatin1String("access_type")).toString();
            const int id = addNode(access.isEmpty() ? QStringLiteral("table") : access, table, parent, plan);
            PlanNode &node = plan->nodes[size_t(id)];
            node.title = access.isEmpty() ? QStringLiteral("Table") : QStringLiteral("Table access (%1)").arg(access);
            node.relation = table.value(QLatin1String("table_name")).toString();
            node.index = table.value(QLatin1String("key")).toString();
            node.planRows = number(table.value(QLatin1String("rows_examined_per_scan")));
            walk(table, id, plan);
        } else if (key == QLatin1String("nested_loop")) {
            const int id = addNode(QStringLiteral("Nested Loop"), {}, parent, plan);
            for (const QJsonValue &element : it.value().toArray())
                walk(element.toObject(), id, plan);
            // The last table's prefix cost is the cost of the whole join.
            const PlanNode &loop = plan->nodes[size_t(id)];
            if (!loop.children.isEmpty()) {
                const double prefix =
                    number(plan->nodes[size_t(loop.children.last())].properties.value(QLatin1String("prefix_cost")));
                plan->nodes[size_t(id)].totalCost = prefix;
            }
        } else if (key == QLatin1String("query_specifications") || key == QLatin1String("attached_subqueries")
                   || key == QLatin1String("optimized_away_subqueries")) {
            for (const QJsonValue &element : it.value().toArray())
                walk(element.toObject(), parent, plan);
        } else if (operations.contains(key) && it.value().isObject()) {
            const QJsonObject inner = it.value().toObject();
            const int id = addNode(operations.value(key), inner, parent, plan);
            PlanNode &node = plan->nodes[size_t(id)];
            node.relationship = key;
            if (key == QLatin1String("union_result"))
                node.relation = inner.value(QLatin1String("table_name")).toString();
            walk(inner, id, plan);
        }
    }
}

} // namespace dblearn

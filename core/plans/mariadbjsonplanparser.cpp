#include "plans/mariadbjsonplanparser.h"

#include "plans/planjsonreader.h"

#include <QJsonArray>

namespace dblearn {

namespace {

double number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().toDouble(&ok);
        return ok ? d : PlanUnknown;
    }
    return PlanUnknown;
}

// Keys whose value holds more of the plan; everything else is a property of the node.
bool isStructural(const QString &key)
{
    static const QStringList structural = {
        QStringLiteral("query_block"),          QStringLiteral("nested_loop"),
        QStringLiteral("table"),                QStringLiteral("block-nl-join"),
        QStringLiteral("filesort"),             QStringLiteral("temporary_table"),
        QStringLiteral("union_result"),         QStringLiteral("query_specifications"),
        QStringLiteral("subqueries"),           QStringLiteral("expression_cache"),
        QStringLiteral("materialized"),         QStringLiteral("window_functions_computation"),
        QStringLiteral("read_sorted_file"),     QStringLiteral("duplicates_removal"),
        QStringLiteral("query_optimization"),   QStringLiteral("sorts"),
        QStringLiteral("having_condition"),     QStringLiteral("attached_condition"),
        QStringLiteral("rowid_filter"),
    };
    return structural.contains(key);
}

} // namespace

bool MariaDbJsonPlanParser::parse(const QByteArray &utf8, Plan *plan, PlanParseError *error)
{
    const QJsonDocument document = PlanJsonReader::read(utf8, error, &plan->notes);
    if (error->isError())
        return false;
    plan->engine = PlanEngine::MariaDB;
    plan->format = PlanFormat::MariaDbJson;
    const QJsonObject top = document.object();
    if (!top.value(QLatin1String("query_block")).isObject()) {
        error->message = QStringLiteral("this JSON holds no MariaDB plan: expected { \"query_block\": { ... } }");
        return false;
    }
    const QJsonObject optimization = top.value(QLatin1String("query_optimization")).toObject();
    plan->planningTimeMs = number(optimization.value(QLatin1String("r_total_time_ms")));
    walk(top, -1, plan);
    const PlanNode &root = plan->root();
    plan->executionTimeMs = planKnown(root.actualTotalMs) ? root.actualTotalMs * (planKnown(root.actualLoops) ? root.actualLoops : 1)
                                                          : PlanUnknown;
    return true;
}

int MariaDbJsonPlanParser::addNode(const QString &type, const QJsonObject &object, int parent, Plan *plan)
{
    const int id = plan->addNode(parent);
    PlanNode &node = plan->nodes[size_t(id)];
    node.type = type;
    node.title = type;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isObject() && !(it.value().isArray() && isStructural(it.key())))
            node.properties.insert(it.key(), it.value());
    }
    node.actualLoops = number(object.value(QLatin1String("r_loops")));
    if (planKnown(node.actualLoops))
        plan->hasActuals = true;
    node.neverExecuted = node.actualLoops == 0;
    node.totalCost = number(object.value(QLatin1String("cost"))); // MariaDB 11.0 and later
    for (const char *key : {"attached_condition", "having_condition", "sort_key", "pushed_index_condition"}) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString())
            node.conditions.append({QString::fromLatin1(key), value.toString()});
    }
    return id;
}

void MariaDbJsonPlanParser::finishTimes(int id, bool ownTimeExcludesChildren, Plan *plan)
{
    PlanNode &node = plan->nodes[size_t(id)];
    const double loops = planKnown(node.actualLoops) && node.actualLoops > 0 ? node.actualLoops : 1;
    double own = planKnown(node.actualTotalMs) ? node.actualTotalMs * loops : PlanUnknown;
    if (ownTimeExcludesChildren || !planKnown(own)) {
        double children = 0;
        bool any = false;
        for (int child : std::as_const(node.children)) {
            const PlanNode &c = plan->nodes[size_t(child)];
            if (planKnown(c.actualTotalMs)) {
                children += c.actualTotalMs * (planKnown(c.actualLoops) && c.actualLoops > 0 ? c.actualLoops : 1);
                any = true;
            }
        }
        if (any || planKnown(own))
            own = (planKnown(own) ? own : 0) + children;
    }
    node.actualTotalMs = planKnown(own) ? own / loops : PlanUnknown;
}

void MariaDbJsonPlanParser::walk(const QJsonObject &object, int parent, Plan *plan)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == QLatin1String("query_block")) {
            const QJsonObject block = value.toObject();
            const int id = addNode(QStringLiteral("Query Block"), block, parent, plan);
            PlanNode &node = plan->nodes[size_t(id)];
            node.title = QStringLiteral("Query Block #%1").arg(block.value(QLatin1String("select_id")).toVariant().toString());
            const double total = number(block.value(QLatin1String("r_total_time_ms")));
            node.actualTotalMs = planKnown(total) && planKnown(node.actualLoops) && node.actualLoops > 0
                ? total / node.actualLoops
                : total;
            walk(block, id, plan);
            finishTimes(id, false, plan);
        } else if (key == QLatin1String("table")) {
            const QJsonObject table = value.toObject();
            const QString access = table.value(QLatin1String("access_type")).toString();
            const int id = addNode(access.isEmpty() ? QStringLiteral("table") : access, table, parent, plan);
            PlanNode &node = plan->nodes[size_t(id)];
            node.title = access.isEmpty() ? QStringLiteral("Table") : QStringLiteral("Table access (%1)").arg(access);
            node.relation = table.value(QLatin1String("table_name")).toString();
            node.index = table.value(QLatin1String("key")).toString();
            node.planRows = number(table.value(QLatin1String("rows")));
            node.actualRows = number(table.value(QLatin1String("r_rows")));
            const double tableTime = number(table.value(QLatin1String("r_table_time_ms")));
            const double otherTime = number(table.value(QLatin1String("r_other_time_ms")));
            if (planKnown(tableTime) || planKnown(otherTime)) {
                const double total = (planKnown(tableTime) ? tableTime : 0) + (planKnown(otherTime) ? otherTime : 0);
                node.actualTotalMs = planKnown(node.actualLoops) && node.actualLoops > 0 ? total / node.actualLoops : total;
            }
            walk(table, id, plan);
            finishTimes(id, true, plan);
        } else if (key == QLatin1String("nested_loop") || key == QLatin1String("query_specifications")
                   || key == QLatin1String("subqueries") || key == QLatin1String("sorts")) {
            int holder = parent;
            if (key == QLatin1String("nested_loop")) {
                holder = addNode(QStringLiteral("Nested Loop"), {}, parent, plan);
                plan->nodes[size_t(holder)].relationship = QStringLiteral("nested_loop");
            }
            for (const QJsonValue &element : value.toArray())
                walk(element.toObject(), holder, plan);
            if (holder != parent)
                finishTimes(holder, true, plan);
        } else if (value.isObject() && isStructural(key)) {
            static const QHash<QString, QString> names = {
                {QStringLiteral("block-nl-join"), QStringLiteral("Block Nested Loop")},
                {QStringLiteral("filesort"), QStringLiteral("Filesort")},
                {QStringLiteral("temporary_table"), QStringLiteral("Temporary Table")},
                {QStringLiteral("union_result"), QStringLiteral("Union Result")},
                {QStringLiteral("expression_cache"), QStringLiteral("Expression Cache")},
                {QStringLiteral("materialized"), QStringLiteral("Materialize")},
                {QStringLiteral("window_functions_computation"), QStringLiteral("Window Functions")},
                {QStringLiteral("read_sorted_file"), QStringLiteral("Read Sorted File")},
                {QStringLiteral("duplicates_removal"), QStringLiteral("Duplicates Removal")},
                {QStringLiteral("rowid_filter"), QStringLiteral("Rowid Filter")},
            };
            if (key == QLatin1String("query_optimization"))
                continue;
            const QJsonObject inner = value.toObject();
            const int id = addNode(names.value(key, key), inner, parent, plan);
            PlanNode &node = plan->nodes[size_t(id)];
            node.relationship = key;
            if (key == QLatin1String("union_result"))
                node.relation = inner.value(QLatin1String("table_name")).toString();
            if (key == QLatin1String("filesort") || key == QLatin1String("read_sorted_file")) {
                node.filesort = true;
                node.actualRows = number(inner.value(QLatin1String("r_output_rows")));
                const double total = number(inner.value(QLatin1String("r_total_time_ms")));
                node.actualTotalMs = planKnown(total) && planKnown(node.actualLoops) && node.actualLoops > 0
                    ? total / node.actualLoops
                    : total;
            }
            if (key == QLatin1String("temporary_table"))
                node.temporaryTable = true;
            walk(inner, id, plan);
            finishTimes(id, true, plan);
        } else if (parent >= 0 && !value.isObject() && !value.isArray()) {
            // scalar keys were copied by addNode already
        }
    }
}

} // namespace dblearn

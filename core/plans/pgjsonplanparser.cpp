#include "plans/pgjsonplanparser.h"

#include "plans/pgnodenames.h"
#include "plans/planjsonreader.h"

#include <QHash>
#include <QJsonArray>

namespace dblearn {

namespace {

enum class Key {
    NodeType, ParentRelationship, SubplanName, CteName, RelationName, FunctionName, Alias, IndexName,
    ParallelAware, StartupCost, TotalCost, PlanRows, PlanWidth, ActualStartupTime, ActualTotalTime, ActualRows,
    ActualLoops, WorkersPlanned, WorkersLaunched, RowsRemovedByFilter, RowsRemovedByJoinFilter,
    RowsRemovedByIndexRecheck, HeapFetches, Condition, SortMethod, SortSpaceUsed, SortSpaceType, HashBatches,
    OriginalHashBatches, DiskUsage, SharedHit, SharedRead, SharedDirtied, SharedWritten, LocalHit, LocalRead,
    LocalDirtied, LocalWritten, TempRead, TempWritten, IoRead, IoWrite, Plans
};

const QHash<QString, Key> &keys()
{
    static const QHash<QString, Key> table = {
        {QStringLiteral("Node Type"), Key::NodeType},
        {QStringLiteral("Parent Relationship"), Key::ParentRelationship},
        {QStringLiteral("Subplan Name"), Key::SubplanName},
        {QStringLiteral("CTE Name"), Key::CteName},
        {QStringLiteral("Relation Name"), Key::RelationName},
        {QStringLiteral("Function Name"), Key::FunctionName},
        {QStringLiteral("Alias"), Key::Alias},
        {QStringLiteral("Index Name"), Key::IndexName},
        {QStringLiteral("Parallel Aware"), Key::ParallelAware},
        {QStringLiteral("Startup Cost"), Key::StartupCost},
        {QStringLiteral("Total Cost"), Key::TotalCost},
        {QStringLiteral("Plan Rows"), Key::PlanRows},
        {QStringLiteral("Plan Width"), Key::PlanWidth},
        {QStringLiteral("Actual Startup Time"), Key::ActualStartupTime},
        {QStringLiteral("Actual Total Time"), Key::ActualTotalTime},
        {QStringLiteral("Actual Rows"), Key::ActualRows},
        {QStringLiteral("Actual Loops"), Key::ActualLoops},
        {QStringLiteral("Workers Planned"), Key::WorkersPlanned},
        {QStringLiteral("Workers Launched"), Key::WorkersLaunched},
        {QStringLiteral("Rows Removed by Filter"), Key::RowsRemovedByFilter},
        {QStringLiteral("Rows Removed by Join Filter"), Key::RowsRemovedByJoinFilter},
        {QStringLiteral("Rows Removed by Index Recheck"), Key::RowsRemovedByIndexRecheck},
        {QStringLiteral("Heap Fetches"), Key::HeapFetches},
        {QStringLiteral("Filter"), Key::Condition},
        {QStringLiteral("Index Cond"), Key::Condition},
        {QStringLiteral("Recheck Cond"), Key::Condition},
        {QStringLiteral("Hash Cond"), Key::Condition},
        {QStringLiteral("Merge Cond"), Key::Condition},
        {QStringLiteral("Join Filter"), Key::Condition},
        {QStringLiteral("One-Time Filter"), Key::Condition},
        {QStringLiteral("TID Cond"), Key::Condition},
        {QStringLiteral("Run Condition"), Key::Condition},
        {QStringLiteral("Sort Method"), Key::SortMethod},
        {QStringLiteral("Sort Space Used"), Key::SortSpaceUsed},
        {QStringLiteral("Sort Space Type"), Key::SortSpaceType},
        {QStringLiteral("Hash Batches"), Key::HashBatches},
        {QStringLiteral("Original Hash Batches"), Key::OriginalHashBatches},
        {QStringLiteral("Disk Usage"), Key::DiskUsage},
        {QStringLiteral("Shared Hit Blocks"), Key::SharedHit},
        {QStringLiteral("Shared Read Blocks"), Key::SharedRead},
        {QStringLiteral("Shared Dirtied Blocks"), Key::SharedDirtied},
        {QStringLiteral("Shared Written Blocks"), Key::SharedWritten},
        {QStringLiteral("Local Hit Blocks"), Key::LocalHit},
        {QStringLiteral("Local Read Blocks"), Key::LocalRead},
        {QStringLiteral("Local Dirtied Blocks"), Key::LocalDirtied},
        {QStringLiteral("Local Written Blocks"), Key::LocalWritten},
        {QStringLiteral("Temp Read Blocks"), Key::TempRead},
        {QStringLiteral("Temp Written Blocks"), Key::TempWritten},
        // PG12-16 name one pair; PG15 adds temp; PG17 names shared and local apart.
        {QStringLiteral("I/O Read Time"), Key::IoRead},
        {QStringLiteral("I/O Write Time"), Key::IoWrite},
        {QStringLiteral("Shared I/O Read Time"), Key::IoRead},
        {QStringLiteral("Shared I/O Write Time"), Key::IoWrite},
        {QStringLiteral("Local I/O Read Time"), Key::IoRead},
        {QStringLiteral("Local I/O Write Time"), Key::IoWrite},
        {QStringLiteral("Temp I/O Read Time"), Key::IoRead},
        {QStringLiteral("Temp I/O Write Time"), Key::IoWrite},
        {QStringLiteral("Plans"), Key::Plans},
    };
    return table;
}

double number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) { // some tools quote figures
        bool ok = false;
        const double d = value.toString().toDouble(&ok);
        return ok ? d : PlanUnknown;
    }
    return PlanUnknown;
}

void add(double *sum, double value)
{
    if (!planKnown(value))
        return;
    *sum = planKnown(*sum) ? *sum + value : value;
}

} // namespace

bool PgJsonPlanParser::parse(const QByteArray &utf8, Plan *plan, PlanParseError *error)
{
    const QJsonDocument document = PlanJsonReader::read(utf8, error, &plan->notes);
    if (error->isError())
        return false;
    plan->engine = PlanEngine::PostgreSQL;
    plan->format = PlanFormat::PgJson;

    QJsonArray statements;
    if (document.isArray())
        statements = document.array();
    else if (document.isObject())
        statements.append(document.object());
    QList<QJsonObject> tops;
    for (const QJsonValue &value : std::as_const(statements)) {
        const QJsonObject top = value.toObject();
        if (top.value(QLatin1String("Plan")).isObject())
            tops.append(top);
        else if (top.contains(QLatin1String("Node Type")))
            tops.append(QJsonObject{{QStringLiteral("Plan"), top}});
    }
    if (tops.isEmpty()) {
        error->message = QStringLiteral("this JSON holds no PostgreSQL plan: expected [ { \"Plan\": { \"Node Type\": ... } } ]");
        return false;
    }
    // EXPLAIN of a statement that a rule rewrites into several gives several plans: one root over them.
    int parent = -1;
    if (tops.size() > 1) {
        parent = plan->addNode(-1);
        plan->nodes[0].type = QStringLiteral("Statements");
        plan->nodes[0].title = QStringLiteral("%1 statements").arg(tops.size());
    }
    for (const QJsonObject &top : std::as_const(tops)) {
        readNode(top.value(QLatin1String("Plan")).toObject(), parent, plan);
        readTop(top, plan);
    }
    return true;
}

void PgJsonPlanParser::readTop(const QJsonObject &top, Plan *plan)
{
    for (auto it = top.begin(); it != top.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("Plan"))
            continue;
        if (key == QLatin1String("Planning Time")) {
            add(&plan->planningTimeMs, number(it.value()));
        } else if (key == QLatin1String("Execution Time") || key == QLatin1String("Total Runtime")) {
            add(&plan->executionTimeMs, number(it.value()));
        } else if (key == QLatin1String("Triggers")) {
            for (const QJsonValue &value : it.value().toArray()) {
                const QJsonObject t = value.toObject();
                plan->triggers.append({t.value(QLatin1String("Trigger Name")).toString(),
                                       t.value(QLatin1String("Relation")).toString(),
                                       number(t.value(QLatin1String("Time"))), number(t.value(QLatin1String("Calls")))});
            }
            plan->extra.insert(key, it.value());
        } else {
            plan->extra.insert(key, it.value());
        }
    }
}

void PgJsonPlanParser::readNode(const QJsonObject &object, int parent, Plan *plan)
{
    const int id = plan->addNode(parent);
    QJsonArray children;
    {
        PlanNode &node = plan->nodes[size_t(id)];
        node.properties = object;
        const QHash<QString, Key> &table = keys();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const auto found = table.constFind(it.key());
            if (found == table.cend())
                continue;
            const QJsonValue value = it.value();
            switch (*found) {
            case Key::NodeType: node.type = value.toString(); break;
            case Key::ParentRelationship: node.relationship = value.toString(); break;
            case Key::SubplanName: node.subplanName = value.toString(); break;
            case Key::CteName: node.cteName = value.toString(); break;
            case Key::RelationName: node.relation = value.toString(); break;
            case Key::FunctionName: node.relation = value.toString(); break;
            case Key::Alias: node.alias = value.toString(); break;
            case Key::IndexName: node.index = value.toString(); break;
            case Key::ParallelAware: node.parallelAware = value.toBool(); break;
            case Key::StartupCost: node.startupCost = number(value); break;
            case Key::TotalCost: node.totalCost = number(value); break;
            case Key::PlanRows: node.planRows = number(value); break;
            case Key::PlanWidth: node.planWidth = number(value); break;
            case Key::ActualStartupTime: node.actualStartupMs = number(value); break;
            case Key::ActualTotalTime: node.actualTotalMs = number(value); break;
            case Key::ActualRows: node.actualRows = number(value); break;
            case Key::ActualLoops: node.actualLoops = number(value); break;
            case Key::WorkersPlanned: node.workersPlanned = value.toInt(-1); break;
            case Key::WorkersLaunched: node.workersLaunched = value.toInt(-1); break;
            case Key::RowsRemovedByFilter: node.rowsRemovedByFilter = number(value); break;
            case Key::RowsRemovedByJoinFilter: node.rowsRemovedByJoinFilter = number(value); break;
            case Key::RowsRemovedByIndexRecheck: node.rowsRemovedByIndexRecheck = number(value); break;
            case Key::HeapFetches: node.heapFetches = number(value); break;
            case Key::Condition: node.conditions.append({it.key(), value.toString()}); break;
            case Key::SortMethod: node.sortMethod = value.toString(); break;
            case Key::SortSpaceUsed: node.sortSpaceKb = number(value); break;
            case Key::SortSpaceType: node.sortSpaceType = value.toString(); break;
            case Key::HashBatches: node.hashBatches = number(value); break;
            case Key::OriginalHashBatches: node.originalHashBatches = number(value); break;
            case Key::DiskUsage: node.diskUsageKb = number(value); break;
            case Key::SharedHit: node.buffers.sharedHit = number(value); break;
            case Key::SharedRead: node.buffers.sharedRead = number(value); break;
            case Key::SharedDirtied: node.buffers.sharedDirtied = number(value); break;
            case Key::SharedWritten: node.buffers.sharedWritten = number(value); break;
            case Key::LocalHit: node.buffers.localHit = number(value); break;
            case Key::LocalRead: node.buffers.localRead = number(value); break;
            case Key::LocalDirtied: node.buffers.localDirtied = number(value); break;
            case Key::LocalWritten: node.buffers.localWritten = number(value); break;
            case Key::TempRead: node.buffers.tempRead = number(value); break;
            case Key::TempWritten: node.buffers.tempWritten = number(value); break;
            case Key::IoRead: add(&node.buffers.ioReadMs, number(value)); break;
            case Key::IoWrite: add(&node.buffers.ioWriteMs, number(value)); break;
            case Key::Plans: children = value.toArray(); break;
            }
        }
        node.title = PgNodeNames::titleOf(object);
        if (planKnown(node.actualLoops)) {
            plan->hasActuals = true;
            node.neverExecuted = node.actualLoops == 0;
        }
        if (node.type.isEmpty())
            plan->notes.append(QStringLiteral("node %1 has no \"Node Type\"").arg(id));
    }
    for (const QJsonValue &child : std::as_const(children))
        readNode(child.toObject(), id, plan);
}

} // namespace dblearn

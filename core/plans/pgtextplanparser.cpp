#include "plans/pgtextplanparser.h"

#include "plans/pgnodenames.h"
#include "plans/psqlframing.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace dblearn {

namespace {

// "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4) (actual time=0.1..0.2 rows=1 loops=1)"
const QRegularExpression &nodeLine()
{
    static const QRegularExpression re(QStringLiteral(
        "^(.*?)\\s*(?:\\(cost=([-\\d.]+)\\.\\.([-\\d.]+) rows=(\\d+) width=(\\d+)\\))?\\s*"
        "(?:\\((?:actual (?:time=([\\d.]+)\\.\\.([\\d.]+) )?rows=([\\d.]+) loops=(\\d+)|(never executed))\\))?\\s*$"));
    return re;
}

int indentOf(const QString &line)
{
    int i = 0;
    while (i < line.size() && line[i] == QLatin1Char(' '))
        ++i;
    return i;
}

double toNumber(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? value : PlanUnknown;
}

double kilobytes(const QString &text) // "5800kB"
{
    QString t = text.trimmed();
    if (t.endsWith(QLatin1String("kB")))
        t.chop(2);
    return toNumber(t);
}

void addTo(double *sum, double value)
{
    if (planKnown(value))
        *sum = planKnown(*sum) ? *sum + value : value;
}

struct Frame {
    int column = -4; // where the node's "->" is; the root's children are at 2
    int node = -1;
};

} // namespace

bool PgTextPlanParser::parse(const QString &input, Plan *plan, PlanParseError *error)
{
    plan->engine = PlanEngine::PostgreSQL;
    plan->format = PlanFormat::PgText;
    const QStringList lines = PsqlFraming::strip(input).split(QLatin1Char('\n'));

    int base = -1;
    QList<Frame> stack;
    QString pendingSubplan;
    int pendingColumn = -1;
    bool footer = false;
    QString section; // "Planning", "JIT", ... at the top level
    for (int lineNumber = 0; lineNumber < lines.size(); ++lineNumber) {
        QString line = lines[lineNumber];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        if (base < 0)
            base = indentOf(line);
        const int column = std::max(0, indentOf(line) - base);
        const QString content = line.trimmed();

        const bool arrow = content.startsWith(QLatin1String("->"));
        if (plan->nodes.empty() || arrow) {
            if (footer && arrow) {
                error->message = QStringLiteral("a plan node after the plan's summary lines");
                error->line = lineNumber + 1;
                error->column = column + base + 1;
                return false;
            }
            const QString body = arrow ? content.mid(2).trimmed() : content;
            const auto m = nodeLine().match(body);
            if (plan->nodes.empty() && !arrow && m.captured(2).isEmpty() && m.captured(8).isEmpty()
                && m.captured(10).isEmpty()) {
                error->message = QStringLiteral("expected a plan node such as \"Seq Scan on t  (cost=0.00..1.10 rows=10 "
                                                "width=4)\", found \"%1\"")
                                     .arg(content.left(80));
                error->line = lineNumber + 1;
                error->column = column + base + 1;
                return false;
            }
            while (!stack.isEmpty() && stack.last().column >= column)
                stack.removeLast();
            const int parent = stack.isEmpty() ? -1 : stack.last().node;
            if (parent < 0 && !plan->nodes.empty()) {
                error->message = QStringLiteral("a plan node outside the tree (check its indentation)");
                error->line = lineNumber + 1;
                error->column = column + base + 1;
                return false;
            }
            const int id = plan->addNode(parent);
            PlanNode &node = plan->nodes[size_t(id)];
            PgNodeNames::fromText(m.captured(1), &node);
            if (node.type == QLatin1String("CTE Scan") || node.type == QLatin1String("WorkTable Scan")) {
                node.cteName = node.relation;
                node.relation.clear();
            } else if (node.type == QLatin1String("Subquery Scan") || node.type == QLatin1String("Values Scan")) {
                node.alias = node.alias.isEmpty() ? node.relation : node.alias;
                node.relation.clear();
            }
            node.properties.insert(QStringLiteral("Node Type"), node.type);
            if (!m.captured(2).isEmpty()) {
                node.startupCost = toNumber(m.captured(2));
                node.totalCost = toNumber(m.captured(3));
                node.planRows = toNumber(m.captured(4));
                node.planWidth = toNumber(m.captured(5));
            }
            if (!m.captured(8).isEmpty()) {
                node.actualStartupMs = toNumber(m.captured(6));
                node.actualTotalMs = toNumber(m.captured(7));
                node.actualRows = toNumber(m.captured(8));
                node.actualLoops = toNumber(m.captured(9));
                plan->hasActuals = true;
            } else if (!m.captured(10).isEmpty()) {
                node.neverExecuted = true;
                node.actualLoops = 0;
                node.actualRows = 0;
                node.actualTotalMs = 0;
                node.actualStartupMs = 0;
                plan->hasActuals = true;
            }
            if (!pendingSubplan.isEmpty() && column > pendingColumn) {
                node.subplanName = pendingSubplan;
                node.relationship = pendingSubplan.startsWith(QLatin1String("SubPlan")) ? QStringLiteral("SubPlan")
                                                                                       : QStringLiteral("InitPlan");
                node.properties.insert(QStringLiteral("Subplan Name"), node.subplanName);
            }
            pendingSubplan.clear();
            stack.append({arrow ? column : -4, id});
            continue;
        }

        if (column == 0) { // the summary under the tree
            if (const auto m = nodeLine().match(content); !m.captured(2).isEmpty() || !m.captured(8).isEmpty()) {
                error->message = QStringLiteral("a second plan node at the top level: a plan has one root (is this two "
                                                "plans pasted together, or is the indentation lost?)");
                error->line = lineNumber + 1;
                error->column = base + 1;
                return false;
            }
            footer = true;
            section.clear();
            if (content.endsWith(QLatin1Char(':')))
                section = content.chopped(1);
            else
                readFooter(content, plan);
            continue;
        }
        if (footer) {
            if (!section.isEmpty()) {
                QJsonObject object = plan->extra.value(section).toObject();
                const int colon = content.indexOf(QLatin1String(": "));
                if (colon > 0)
                    object.insert(content.left(colon), content.mid(colon + 2));
                plan->extra.insert(section, object);
            }
            continue;
        }

        while (!stack.isEmpty() && stack.last().column >= column)
            stack.removeLast();
        if (stack.isEmpty())
            continue;
        PlanNode &node = plan->nodes[size_t(stack.last().node)];
        static const QRegularExpression subplanHeader(QStringLiteral("^(InitPlan \\d+|SubPlan \\d+|CTE \\S+)(\\s.*)?$"));
        if (!content.contains(QLatin1String(": ")) && subplanHeader.match(content).hasMatch()) {
            pendingSubplan = content;
            pendingColumn = column;
            continue;
        }
        const int colon = content.indexOf(QLatin1String(": "));
        if (colon > 0)
            readProperty(content.left(colon), content.mid(colon + 2).trimmed(), &node);
        else
            node.properties.insert(content, true);
    }
    if (plan->nodes.empty()) {
        error->message = QStringLiteral("no plan node found");
        return false;
    }
    assignRelationships(plan);
    return true;
}

void PgTextPlanParser::readProperty(const QString &key, const QString &value, PlanNode *node)
{
    static const QStringList conditionKeys = {
        QStringLiteral("Filter"),     QStringLiteral("Index Cond"), QStringLiteral("Recheck Cond"),
        QStringLiteral("Hash Cond"),  QStringLiteral("Merge Cond"), QStringLiteral("Join Filter"),
        QStringLiteral("One-Time Filter"), QStringLiteral("TID Cond"), QStringLiteral("Run Condition")};
    if (conditionKeys.contains(key)) {
        node->conditions.append({key, value});
        node->properties.insert(key, value);
        return;
    }
    if (key.startsWith(QLatin1String("Worker "))) { // "Worker 0:  Sort Method: quicksort  Memory: 25kB"
        QJsonArray workers = node->properties.value(QLatin1String("Worker Lines")).toArray();
        workers.append(QString(key + QStringLiteral(": ") + value));
        node->properties.insert(QStringLiteral("Worker Lines"), workers);
        return;
    }
    if (key == QLatin1String("Rows Removed by Filter")) {
        node->rowsRemovedByFilter = toNumber(value);
    } else if (key == QLatin1String("Rows Removed by Join Filter")) {
        node->rowsRemovedByJoinFilter = toNumber(value);
    } else if (key == QLatin1String("Rows Removed by Index Recheck")) {
        node->rowsRemovedByIndexRecheck = toNumber(value);
    } else if (key == QLatin1String("Heap Fetches")) {
        node->heapFetches = toNumber(value);
    } else if (key == QLatin1String("Workers Planned")) {
        node->workersPlanned = value.toInt();
    } else if (key == QLatin1String("Workers Launched")) {
        node->workersLaunched = value.toInt();
    } else if (key == QLatin1String("Sort Method")) {
        // "external merge  Disk: 5800kB" or "quicksort  Memory: 25kB"
        static const QRegularExpression re(QStringLiteral("^(.*?)\\s+(Disk|Memory): (\\S+)$"));
        if (const auto m = re.match(value); m.hasMatch()) {
            node->sortMethod = m.captured(1);
            node->sortSpaceType = m.captured(2);
            node->sortSpaceKb = kilobytes(m.captured(3));
            node->properties.insert(QStringLiteral("Sort Method"), node->sortMethod);
            node->properties.insert(QStringLiteral("Sort Space Type"), node->sortSpaceType);
            node->properties.insert(QStringLiteral("Sort Space Used"), node->sortSpaceKb);
            return;
        }
        node->sortMethod = value;
    } else if (key == QLatin1String("Buckets") || key == QLatin1String("Batches")) {
        // Hash: "Buckets: 1024 (originally 1024)  Batches: 4 (originally 1)  Memory Usage: 9kB"
        // HashAggregate: "Batches: 5  Memory Usage: 4145kB  Disk Usage: 3000kB"
        static const QRegularExpression part(QStringLiteral("(Buckets|Batches|Memory Usage|Disk Usage): (\\d+)(?:kB)?"
                                                            "(?: \\(originally (\\d+)\\))?"));
        auto it = part.globalMatch(key + QStringLiteral(": ") + value);
        const bool aggregate = node->type == QLatin1String("Aggregate");
        while (it.hasNext()) {
            const auto m = it.next();
            const QString what = m.captured(1);
            const double number = toNumber(m.captured(2));
            if (what == QLatin1String("Batches")) {
                if (aggregate) {
                    node->properties.insert(QStringLiteral("HashAgg Batches"), number);
                } else {
                    node->hashBatches = number;
                    node->properties.insert(QStringLiteral("Hash Batches"), number);
                    node->originalHashBatches = m.captured(3).isEmpty() ? number : toNumber(m.captured(3));
                    node->properties.insert(QStringLiteral("Original Hash Batches"), node->originalHashBatches);
                }
            } else if (what == QLatin1String("Disk Usage")) {
                node->diskUsageKb = number;
                node->properties.insert(what, number);
            } else if (what == QLatin1String("Memory Usage")) {
                node->properties.insert(aggregate ? QStringLiteral("Peak Memory Usage") : what, number);
            } else {
                node->properties.insert(QStringLiteral("Hash Buckets"), number);
            }
        }
        return;
    } else if (key == QLatin1String("Buffers")) {
        // "shared hit=1 read=2 dirtied=3 written=4, local hit=5, temp read=6 written=7"
        static const QRegularExpression re(QStringLiteral("(shared|local|temp)((?: (?:hit|read|dirtied|written)=\\d+)+)"));
        static const QRegularExpression pair(QStringLiteral("(hit|read|dirtied|written)=(\\d+)"));
        auto it = re.globalMatch(value);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString kind = m.captured(1);
            auto pairs = pair.globalMatch(m.captured(2));
            while (pairs.hasNext()) {
                const auto p = pairs.next();
                const double n = toNumber(p.captured(2));
                const QString what = p.captured(1);
                PlanBuffers &b = node->buffers;
                double *target = nullptr;
                if (kind == QLatin1String("shared"))
                    target = what == QLatin1String("hit")    ? &b.sharedHit
                           : what == QLatin1String("read")   ? &b.sharedRead
                           : what == QLatin1String("dirtied") ? &b.sharedDirtied
                                                              : &b.sharedWritten;
                else if (kind == QLatin1String("local"))
                    target = what == QLatin1String("hit")    ? &b.localHit
                           : what == QLatin1String("read")   ? &b.localRead
                           : what == QLatin1String("dirtied") ? &b.localDirtied
                                                              : &b.localWritten;
                else
                    target = what == QLatin1String("read") ? &b.tempRead : &b.tempWritten;
                *target = n;
                QString name = kind + QLatin1Char(' ') + what + QStringLiteral(" Blocks");
                name[0] = name[0].toUpper();
                const int space = int(name.indexOf(QLatin1Char(' ')));
                name[space + 1] = name[space + 1].toUpper();
                node->properties.insert(name, n);
            }
        }
        return;
    } else if (key == QLatin1String("I/O Timings")) {
        // PG14: "read=1.2 write=0.3"; PG15-16: "shared/local read=... , temp read=..."; PG17: "shared read=..."
        static const QRegularExpression re(QStringLiteral("(read|write)=([\\d.]+)"));
        auto it = re.globalMatch(value);
        while (it.hasNext()) {
            const auto m = it.next();
            addTo(m.captured(1) == QLatin1String("read") ? &node->buffers.ioReadMs : &node->buffers.ioWriteMs,
                  toNumber(m.captured(2)));
        }
    }
    bool isNumber = false;
    const double number = value.toDouble(&isNumber);
    node->properties.insert(key, isNumber ? QJsonValue(number) : QJsonValue(value));
}

void PgTextPlanParser::readFooter(const QString &line, Plan *plan)
{
    static const QRegularExpression time(QStringLiteral("^(Planning Time|Execution Time|Total runtime): ([\\d.]+) ms$"));
    static const QRegularExpression trigger(QStringLiteral("^Trigger (.+?)(?: on (\\S+))?: time=([\\d.]+) calls=(\\d+)$"));
    if (const auto m = time.match(line); m.hasMatch()) {
        (m.captured(1) == QLatin1String("Planning Time") ? plan->planningTimeMs : plan->executionTimeMs) =
            toNumber(m.captured(2));
    } else if (const auto m = trigger.match(line); m.hasMatch()) {
        plan->triggers.append({m.captured(1), m.captured(2), toNumber(m.captured(3)), toNumber(m.captured(4))});
    } else {
        const int colon = line.indexOf(QLatin1String(": "));
        if (colon > 0)
            plan->extra.insert(line.left(colon), line.mid(colon + 2));
    }
}

void PgTextPlanParser::assignRelationships(Plan *plan)
{
    for (PlanNode &node : plan->nodes) {
        int position = 0;
        for (int childId : std::as_const(node.children)) {
            PlanNode &child = plan->nodes[size_t(childId)];
            if (!child.relationship.isEmpty())
                continue;
            if (node.type == QLatin1String("Append") || node.type == QLatin1String("Merge Append")
                || node.type == QLatin1String("BitmapAnd") || node.type == QLatin1String("BitmapOr"))
                child.relationship = QStringLiteral("Member");
            else if (node.type == QLatin1String("Subquery Scan"))
                child.relationship = QStringLiteral("Subquery");
            else
                child.relationship = position == 0 ? QStringLiteral("Outer") : QStringLiteral("Inner");
            child.properties.insert(QStringLiteral("Parent Relationship"), child.relationship);
            ++position;
        }
    }
}

} // namespace dblearn

#include "plans/sqliteplanparser.h"

#include "plans/planjsonreader.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace dblearn {

void SqlitePlanParser::describe(const QString &detail, PlanNode *node)
{
    node->detail = detail;
    node->properties.insert(QStringLiteral("detail"), detail);
    // SCAN/SEARCH t [USING [COVERING|AUTOMATIC [PARTIAL] COVERING] INDEX i | INTEGER PRIMARY KEY] [(cond)] [LEFT-JOIN]
    static const QRegularExpression access(QStringLiteral(
        "^(SCAN|SEARCH) (.+?)(?: USING (?:((?:AUTOMATIC (?:PARTIAL )?)?COVERING INDEX|INDEX) (\\S+)|(INTEGER PRIMARY KEY)|"
        "(VIRTUAL TABLE INDEX [^ ]*))(?: \\((.*)\\))?)?( LEFT-JOIN)?$"));
    static const QRegularExpression subquery(QStringLiteral("^((?:CORRELATED )?(?:SCALAR|LIST) SUBQUERY)(?: (\\d+))?$"));
    static const QRegularExpression named(QStringLiteral("^(CO-ROUTINE|MATERIALIZE|BLOOM FILTER ON|RIGHT-JOIN) (.+?)(?: \\((.*)\\))?$"));
    static const QRegularExpression tempBtree(QStringLiteral("^USE TEMP B-TREE FOR (.+)$"));
    static const QRegularExpression compound(QStringLiteral("^(UNION|EXCEPT|INTERSECT) USING TEMP B-TREE$"));
    static const QRegularExpression merge(QStringLiteral("^MERGE \\((.+)\\)$"));
    static const QRegularExpression indexN(QStringLiteral("^INDEX (\\d+)$"));
    if (detail == QLatin1String("SCAN CONSTANT ROW")) {
        node->type = detail;
    } else if (const auto m = access.match(detail); m.hasMatch()) {
        node->type = m.captured(1);
        QString table = m.captured(2);
        if (table.contains(QLatin1String(" AS "))) { // before 3.36: "SCAN TABLE orders AS o"
            node->alias = table.section(QLatin1String(" AS "), 1);
            table = table.section(QLatin1String(" AS "), 0, 0);
        }
        if (table.startsWith(QLatin1String("TABLE "))) // before 3.36: "SCAN TABLE t"
            table = table.mid(6);
        if (table.startsWith(QLatin1String("SUBQUERY "))) // before 3.36: "SCAN SUBQUERY 1"
            node->properties.insert(QStringLiteral("subquery"), true);
        node->relation = table;
        if (!m.captured(3).isEmpty()) {
            node->index = m.captured(4);
            node->properties.insert(QStringLiteral("index kind"), m.captured(3));
        } else if (!m.captured(5).isEmpty()) {
            node->index = m.captured(5);
            node->properties.insert(QStringLiteral("index kind"), m.captured(5));
        } else if (!m.captured(6).isEmpty()) {
            node->index = m.captured(6);
            node->properties.insert(QStringLiteral("index kind"), QStringLiteral("VIRTUAL TABLE INDEX"));
        }
        if (!m.captured(7).isEmpty())
            node->conditions.append({QStringLiteral("constraint"), m.captured(7)});
        if (!m.captured(8).isEmpty())
            node->properties.insert(QStringLiteral("left join"), true);
    } else if (const auto m = subquery.match(detail); m.hasMatch()) {
        node->type = m.captured(1);
        node->alias = m.captured(2);
    } else if (const auto m = named.match(detail); m.hasMatch()) {
        node->type = m.captured(1) == QLatin1String("BLOOM FILTER ON") ? QStringLiteral("BLOOM FILTER") : m.captured(1);
        node->relation = m.captured(2);
        if (!m.captured(3).isEmpty())
            node->conditions.append({QStringLiteral("constraint"), m.captured(3)});
    } else if (const auto m = tempBtree.match(detail); m.hasMatch()) {
        node->type = QStringLiteral("USE TEMP B-TREE");
        node->properties.insert(QStringLiteral("purpose"), m.captured(1));
        node->conditions.append({QStringLiteral("for"), m.captured(1)});
    } else if (const auto m = compound.match(detail); m.hasMatch()) {
        node->type = QStringLiteral("COMPOUND USING TEMP B-TREE");
        node->properties.insert(QStringLiteral("operator"), m.captured(1));
    } else if (const auto m = merge.match(detail); m.hasMatch()) {
        node->type = QStringLiteral("MERGE");
        node->properties.insert(QStringLiteral("operator"), m.captured(1));
    } else if (const auto m = indexN.match(detail); m.hasMatch()) {
        node->type = QStringLiteral("INDEX");
        node->alias = m.captured(1);
    } else if (detail.startsWith(QLatin1String("SCAN "))) {
        node->type = QStringLiteral("SCAN");
        node->relation = detail.mid(5);
    } else {
        node->type = detail; // COMPOUND QUERY, LEFT-MOST SUBQUERY, UNION ALL, MULTI-INDEX OR, LEFT, RIGHT, ...
    }
    node->title = node->type == QLatin1String("COMPOUND USING TEMP B-TREE") ? detail : node->type;
}

bool SqlitePlanParser::readJson(const QString &text, QList<Row> *rows, PlanParseError *error)
{
    QStringList notes;
    const QJsonDocument document = PlanJsonReader::read(text.toUtf8(), error, &notes);
    if (error->isError())
        return false;
    const QJsonArray array = document.array();
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        if (!object.value(QLatin1String("detail")).isString()) {
            error->message = QStringLiteral("step %1 of the SQLite plan has no \"detail\" string").arg(i + 1);
            return false;
        }
        rows->append({object.value(QLatin1String("id")).toInteger(), object.value(QLatin1String("parent")).toInteger(),
                      object.value(QLatin1String("detail")).toString()});
    }
    return true;
}

bool SqlitePlanParser::readShellTree(const QStringList &lines, QList<Row> *rows, PlanParseError *error)
{
    // Each level indents by three characters: "|--X", "`--X", "|  |--Y", "   `--Y".
    QList<qint64> parents; // the id of the last step at each depth
    qint64 nextId = 1;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (line.trimmed().isEmpty() || line.trimmed() == QLatin1String("QUERY PLAN"))
            continue;
        int marker = int(line.indexOf(QLatin1String("--")));
        if (marker < 1 || (line[marker - 1] != QLatin1Char('|') && line[marker - 1] != QLatin1Char('`'))) {
            error->message = QStringLiteral("expected a plan step such as \"|--SCAN t\", found \"%1\"").arg(line.left(80));
            error->line = i + 1;
            error->column = 1;
            return false;
        }
        const int depth = (marker - 1) / 3;
        if (depth > parents.size()) {
            error->message = QStringLiteral("a plan step is indented deeper than the step above it");
            error->line = i + 1;
            error->column = marker;
            return false;
        }
        parents.resize(depth);
        const qint64 id = nextId++;
        rows->append({id, depth == 0 ? 0 : parents.last(), line.mid(marker + 2).trimmed()});
        parents.append(id);
    }
    return true;
}

bool SqlitePlanParser::readPipeRows(const QStringList &lines, QList<Row> *rows, PlanParseError *error)
{
    static const QRegularExpression row(QStringLiteral("^(\\d+)\\|(\\d+)\\|(\\d+)\\|(.*)$"));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("id|parent")))
            continue;
        const auto m = row.match(line);
        if (m.hasMatch()) {
            rows->append({m.captured(1).toLongLong(), m.captured(2).toLongLong(), m.captured(4)});
        } else if (rows->isEmpty() && i == 0) {
            rows->append({1, 0, line}); // one bare detail line
        } else {
            error->message = QStringLiteral("expected \"id|parent|notused|detail\", found \"%1\"").arg(line.left(80));
            error->line = i + 1;
            error->column = 1;
            return false;
        }
    }
    return true;
}

bool SqlitePlanParser::parse(const QString &text, Plan *plan, PlanParseError *error)
{
    plan->engine = PlanEngine::SQLite;
    plan->format = PlanFormat::SqliteEqp;
    QList<Row> rows;
    const QString trimmed = text.trimmed();
    const QStringList lines = text.split(QLatin1Char('\n'));
    bool ok = false;
    if (trimmed.startsWith(QLatin1Char('[')))
        ok = readJson(trimmed, &rows, error);
    else if (trimmed.startsWith(QLatin1String("QUERY PLAN")) || trimmed.startsWith(QLatin1String("|--"))
             || trimmed.startsWith(QLatin1String("`--")))
        ok = readShellTree(lines, &rows, error);
    else
        ok = readPipeRows(lines, &rows, error);
    if (!ok)
        return false;
    if (rows.isEmpty()) {
        error->message = QStringLiteral("the SQLite plan has no steps");
        return false;
    }
    const int root = plan->addNode(-1);
    plan->nodes[size_t(root)].type = QStringLiteral("QUERY PLAN");
    plan->nodes[size_t(root)].title = QStringLiteral("QUERY PLAN");
    QHash<qint64, int> nodeOfId;
    for (const Row &row : std::as_const(rows)) {
        int parent = root;
        if (row.parent != 0) {
            parent = nodeOfId.value(row.parent, -1);
            if (parent < 0) {
                plan->notes.append(QStringLiteral("step %1 (\"%2\") names parent %3, which is not in the plan; shown at "
                                                  "the top")
                                       .arg(row.id)
                                       .arg(row.detail)
                                       .arg(row.parent));
                parent = root;
            }
        }
        const int id = plan->addNode(parent);
        nodeOfId.insert(row.id, id);
        PlanNode &node = plan->nodes[size_t(id)];
        node.properties.insert(QStringLiteral("id"), row.id);
        node.properties.insert(QStringLiteral("parent"), row.parent);
        describe(row.detail, &node);
    }
    // Children of a join appear in loop order: the first is the outer loop.
    return true;
}

} // namespace dblearn

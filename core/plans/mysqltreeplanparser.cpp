#include "plans/mysqltreeplanparser.h"

#include <QRegularExpression>

namespace dblearn {

namespace {

double toNumber(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? value : PlanUnknown;
}

} // namespace

void MySqlTreePlanParser::describe(const QString &description, PlanNode *node)
{
    node->detail = description;
    QString text = description;
    // "Filter: (cond)", "Sort: t.a", "Aggregate: count(0)", "Limit: 10 row(s)"
    static const QRegularExpression colon(QStringLiteral("^([A-Za-z][A-Za-z -]*?): (.*)$"));
    // "Index lookup on t using i (a=1)", "Table scan on t", "Covering index scan on t using i"
    static const QRegularExpression on(QStringLiteral("^(.*?) on (\\S+)(?: using (\\S+))?(?: (?:over )?(\\(.*\\)))?(.*)$"));
    if (const auto m = colon.match(text); m.hasMatch() && !m.captured(1).contains(QLatin1String(" on "))) {
        node->type = m.captured(1);
        node->conditions.append({m.captured(1), m.captured(2)});
    } else if (const auto m = on.match(text); m.hasMatch()) {
        node->type = m.captured(1);
        node->relation = m.captured(2);
        node->index = m.captured(3);
        if (!m.captured(4).isEmpty())
            node->conditions.append({QStringLiteral("condition"), m.captured(4)});
    } else {
        // "Nested loop inner join", "Inner hash join (t2.a = t1.a)", "Select #2 (subquery in condition; dependent)"
        static const QRegularExpression paren(QStringLiteral("^([^(]*?)\\s*\\((.*)\\)$"));
        if (const auto p = paren.match(text); p.hasMatch()) {
            node->type = p.captured(1);
            node->conditions.append({QStringLiteral("condition"), p.captured(2)});
        } else {
            node->type = text;
        }
    }
    for (const char *prefix : {"Materialize CTE ", "Constant row from "}) {
        if (text.startsWith(QLatin1String(prefix))) {
            node->type = QString::fromLatin1(prefix).trimmed();
            node->relation = text.mid(int(qstrlen(prefix))).section(QLatin1Char(' '), 0, 0);
            node->conditions.clear();
        }
    }
    static const QRegularExpression select(QStringLiteral("^Select #\\d+$"));
    if (select.match(node->type).hasMatch()) {
        node->alias = node->type.mid(7);
        node->type = QStringLiteral("Select");
    }
    node->title = node->type;
    node->temporaryTable = text.contains(QLatin1String("temporary"));
    node->filesort = node->type == QLatin1String("Sort");
}

bool MySqlTreePlanParser::parse(const QString &input, Plan *plan, PlanParseError *error)
{
    plan->engine = PlanEngine::MySQL;
    plan->format = PlanFormat::MySqlTree;
    static const QRegularExpression figures(QStringLiteral(
        "^(.*?)\\s*(?:\\(cost=(?:[\\d.e+-]+\\.\\.)?([\\d.e+-]+) rows=([\\d.e+-]+)\\))?\\s*"
        "(?:\\(actual time=([\\d.]+)\\.\\.([\\d.]+) rows=([\\d.e+-]+) loops=([\\d.e+-]+)\\)|\\((never executed)\\))?\\s*$"));
    struct Frame {
        int column;
        int node;
    };
    QList<Frame> stack;
    const QStringList lines = input.split(QLatin1Char('\n'));
    for (int lineNumber = 0; lineNumber < lines.size(); ++lineNumber) {
        QString line = lines[lineNumber];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        // mysql client table borders and the \G label
        if (line.startsWith(QLatin1Char('|')))
            line = line.mid(1);
        if (line.trimmed().endsWith(QLatin1Char('|')))
            line = line.left(line.lastIndexOf(QLatin1Char('|')));
        if (line.startsWith(QLatin1String("EXPLAIN: ")))
            line = line.mid(9);
        const int arrow = int(line.indexOf(QLatin1String("-> ")));
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('+')) || trimmed == QLatin1String("EXPLAIN"))
            continue;
        if (arrow < 0 || !line.left(arrow).trimmed().isEmpty()) {
            if (plan->nodes.empty()) {
                error->message = QStringLiteral("expected an iterator line starting with \"->\", found \"%1\"")
                                     .arg(trimmed.left(80));
                error->line = lineNumber + 1;
                error->column = 1;
                return false;
            }
            continue; // a wrapped line of a long condition
        }
        while (!stack.isEmpty() && stack.last().column >= arrow)
            stack.removeLast();
        const int parent = stack.isEmpty() ? -1 : stack.last().node;
        if (parent < 0 && !plan->nodes.empty()) {
            error->message = QStringLiteral("a second root iterator (check the indentation)");
            error->line = lineNumber + 1;
            error->column = arrow + 1;
            return false;
        }
        const int id = plan->addNode(parent);
        PlanNode &node = plan->nodes[size_t(id)];
        const auto m = figures.match(line.mid(arrow + 3).trimmed());
        describe(m.captured(1), &node);
        node.properties.insert(QStringLiteral("iterator"), m.captured(1));
        if (!m.captured(2).isEmpty()) {
            node.totalCost = toNumber(m.captured(2));
            node.planRows = toNumber(m.captured(3));
        }
        if (!m.captured(4).isEmpty()) {
            node.actualStartupMs = toNumber(m.captured(4));
            node.actualTotalMs = toNumber(m.captured(5));
            node.actualRows = toNumber(m.captured(6));
            node.actualLoops = toNumber(m.captured(7));
            plan->hasActuals = true;
        } else if (!m.captured(8).isEmpty()) {
            node.neverExecuted = true;
            node.actualLoops = 0;
            node.actualRows = 0;
            node.actualTotalMs = 0;
            plan->hasActuals = true;
        }
        stack.append({arrow, id});
    }
    if (plan->nodes.empty()) {
        error->message = QStringLiteral("no iterator found: a MySQL tree plan has lines starting with \"->\"");
        return false;
    }
    const PlanNode &root = plan->root();
    if (planKnown(root.actualTotalMs))
        plan->executionTimeMs = root.actualTotalMs * (planKnown(root.actualLoops) ? root.actualLoops : 1);
    return true;
}

} // namespace dblearn

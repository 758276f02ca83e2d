#include "plans/planparser.h"

#include "plans/mariadbjsonplanparser.h"
#include "plans/mysqljsonplanparser.h"
#include "plans/mysqltreeplanparser.h"
#include "plans/nodetypecatalog.h"
#include "plans/pgjsonplanparser.h"
#include "plans/pgtextplanparser.h"
#include "plans/psqlframing.h"
#include "plans/sqliteplanparser.h"

#include <QFile>
#include <QSet>

namespace dblearn {

namespace {

// A JSON plan pasted from psql keeps its framing; the JSON itself starts after it.
QByteArray unframedJson(const QByteArray &data)
{
    const QByteArray head = data.left(256).trimmed();
    if (head.startsWith('[') || head.startsWith('{'))
        return data;
    return PsqlFraming::strip(QString::fromUtf8(data)).toUtf8();
}

void noteUnknownTypes(Plan *plan)
{
    const NodeTypeCatalog &catalog = NodeTypeCatalog::instance();
    QSet<QString> reported;
    for (const PlanNode &node : plan->nodes) {
        if (node.type.isEmpty() || reported.contains(node.type))
            continue;
        if (!catalog.find(plan->engine, node.type)) {
            reported.insert(node.type);
            plan->notes.append(QStringLiteral("unknown node type \"%1\" (first at node %2): shown as it is, without an "
                                              "explanation")
                                   .arg(node.type)
                                   .arg(node.id));
        }
    }
}

} // namespace

bool PlanParser::parse(const QByteArray &data, PlanFormat format, Plan *plan, PlanParseError *error)
{
    *plan = Plan();
    *error = PlanParseError();
    if (data.trimmed().isEmpty()) {
        error->message = QStringLiteral("the plan is empty");
        return false;
    }
    if (format == PlanFormat::Auto) {
        format = PlanFormats::detect(QString::fromUtf8(data.left(16384)));
        if (format == PlanFormat::Auto) {
            QString first = QString::fromUtf8(data.left(200)).trimmed().section(QLatin1Char('\n'), 0, 0);
            error->message = QStringLiteral("this is not a plan DB Learn can read (it begins \"%1\"); expected "
                                            "PostgreSQL EXPLAIN (JSON or text), MariaDB or MySQL EXPLAIN FORMAT=JSON, "
                                            "MySQL EXPLAIN ANALYZE, or SQLite EXPLAIN QUERY PLAN")
                                 .arg(first.left(60));
            error->line = 1;
            error->column = 1;
            return false;
        }
    }
    bool ok = false;
    switch (format) {
    case PlanFormat::PgJson:
        ok = PgJsonPlanParser().parse(unframedJson(data), plan, error);
        break;
    case PlanFormat::MariaDbJson:
        ok = MariaDbJsonPlanParser().parse(unframedJson(data), plan, error);
        break;
    case PlanFormat::MySqlJson:
        ok = MySqlJsonPlanParser().parse(unframedJson(data), plan, error);
        break;
    case PlanFormat::PgText:
        ok = PgTextPlanParser().parse(QString::fromUtf8(data), plan, error);
        break;
    case PlanFormat::MySqlTree:
        ok = MySqlTreePlanParser().parse(QString::fromUtf8(data), plan, error);
        break;
    case PlanFormat::SqliteEqp:
        ok = SqlitePlanParser().parse(PsqlFraming::strip(QString::fromUtf8(data)), plan, error);
        break;
    case PlanFormat::Auto:
        break;
    }
    if (!ok) {
        if (!error->isError())
            error->message = QStringLiteral("the plan could not be read");
        plan->nodes.clear();
        return false;
    }
    plan->format = format;
    plan->sourceText = QString::fromUtf8(data);
    noteUnknownTypes(plan);
    return true;
}

bool PlanParser::parse(const QString &text, PlanFormat format, Plan *plan, PlanParseError *error)
{
    return parse(text.toUtf8(), format, plan, error);
}

bool PlanParser::parseFile(const QString &path, PlanFormat format, Plan *plan, PlanParseError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = PlanParseError();
        error->message = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    return parse(file.readAll(), format, plan, error);
}

} // namespace dblearn

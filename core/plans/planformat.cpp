#include "plans/planformat.h"

#include "plans/psqlframing.h"

#include <QRegularExpression>

namespace dblearn {

namespace {

struct FormatName {
    PlanFormat format;
    const char *name;
};

constexpr FormatName formatNames[] = {
    {PlanFormat::Auto, "auto"},
    {PlanFormat::PgJson, "pg-json"},
    {PlanFormat::PgText, "pg-text"},
    {PlanFormat::MariaDbJson, "mariadb-json"},
    {PlanFormat::MySqlJson, "mysql-json"},
    {PlanFormat::MySqlTree, "mysql-tree"},
    {PlanFormat::SqliteEqp, "sqlite-eqp"},
};

QString firstLine(const QString &text)
{
    for (const QStringView line : QStringView(text).left(65536).split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            return line.trimmed().toString();
    }
    return {};
}

PlanFormat detectJson(const QString &head)
{
    if (head.contains(QLatin1String("\"Plan\"")) || head.contains(QLatin1String("\"Node Type\"")))
        return PlanFormat::PgJson;
    if (head.contains(QLatin1String("\"detail\"")) && head.contains(QLatin1String("\"parent\"")))
        return PlanFormat::SqliteEqp;
    if (head.contains(QLatin1String("\"query_block\""))) {
        // MySQL writes cost_info and rows_examined_per_scan; MariaDB writes neither.
        if (head.contains(QLatin1String("\"cost_info\"")) || head.contains(QLatin1String("\"rows_examined_per_scan\""))
            || head.contains(QLatin1String("\"using_filesort\"")))
            return PlanFormat::MySqlJson;
        return PlanFormat::MariaDbJson;
    }
    return PlanFormat::Auto;
}

} // namespace

QString PlanFormats::name(PlanFormat format)
{
    for (const FormatName &entry : formatNames) {
        if (entry.format == format)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

bool PlanFormats::fromName(const QString &name, PlanFormat *format)
{
    for (const FormatName &entry : formatNames) {
        if (name == QLatin1String(entry.name)) {
            *format = entry.format;
            return true;
        }
    }
    return false;
}

QStringList PlanFormats::names()
{
    QStringList result;
    for (const FormatName &entry : formatNames)
        result.append(QString::fromLatin1(entry.name));
    return result;
}

QString PlanFormats::engineName(PlanEngine engine)
{
    switch (engine) {
    case PlanEngine::PostgreSQL:
        return QStringLiteral("postgresql");
    case PlanEngine::MariaDB:
        return QStringLiteral("mariadb");
    case PlanEngine::MySQL:
        return QStringLiteral("mysql");
    case PlanEngine::SQLite:
        return QStringLiteral("sqlite");
    case PlanEngine::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

PlanEngine PlanFormats::engineOf(PlanFormat format)
{
    switch (format) {
    case PlanFormat::PgJson:
    case PlanFormat::PgText:
        return PlanEngine::PostgreSQL;
    case PlanFormat::MariaDbJson:
        return PlanEngine::MariaDB;
    case PlanFormat::MySqlJson:
    case PlanFormat::MySqlTree:
        return PlanEngine::MySQL;
    case PlanFormat::SqliteEqp:
        return PlanEngine::SQLite;
    case PlanFormat::Auto:
        break;
    }
    return PlanEngine::Unknown;
}

PlanFormat PlanFormats::fromExplainFormat(const QString &explainFormat)
{
    const QString f = explainFormat.toLower();
    if (f.startsWith(QLatin1String("sqlite")))
        return PlanFormat::SqliteEqp;
    if (f == QLatin1String("postgresql-json"))
        return PlanFormat::PgJson;
    if (f == QLatin1String("postgresql-text"))
        return PlanFormat::PgText;
    if (f.startsWith(QLatin1String("mariadb")))
        return PlanFormat::MariaDbJson;
    if (f == QLatin1String("mysql-json"))
        return PlanFormat::MySqlJson;
    if (f == QLatin1String("mysql-tree") || f == QLatin1String("mysql-text"))
        return PlanFormat::MySqlTree;
    return PlanFormat::Auto;
}

PlanFormat PlanFormats::detect(const QString &input)
{
    // Only the head of the text is looked at: detection must stay cheap on a 6 MB plan.
    const QString text = PsqlFraming::strip(input.left(16384));
    const QString first = firstLine(text);
    if (first.isEmpty())
        return PlanFormat::Auto;
    if (first.startsWith(QLatin1Char('[')) || first.startsWith(QLatin1Char('{')))
        return detectJson(text);
    if (first.startsWith(QLatin1String("->")) || first.startsWith(QLatin1String("EXPLAIN: ->")))
        return PlanFormat::MySqlTree;
    if (first == QLatin1String("QUERY PLAN") || first.startsWith(QLatin1String("`--"))
        || first.startsWith(QLatin1String("|--")))
        return PlanFormat::SqliteEqp;
    static const QRegularExpression pgNode(
        QStringLiteral("\\((cost=[-\\d.]+\\.\\.[-\\d.]+ rows=\\d+ width=\\d+|actual (time=[\\d.]+\\.\\.[\\d.]+ )?rows=[\\d.]+ loops=\\d+|never executed)\\)"));
    if (pgNode.match(text).hasMatch())
        return PlanFormat::PgText;
    static const QRegularExpression sqliteRow(QStringLiteral("^(\\d+\\|\\d+\\|\\d+\\|)?(SCAN|SEARCH|USE TEMP B-TREE|"
                                                             "COMPOUND QUERY|MULTI-INDEX OR|CO-ROUTINE|MATERIALIZE|"
                                                             "(CORRELATED )?(SCALAR|LIST) SUBQUERY)\\b"));
    if (sqliteRow.match(first).hasMatch() || first.startsWith(QLatin1String("id|parent|notused|detail")))
        return PlanFormat::SqliteEqp;
    return PlanFormat::Auto;
}

} // namespace dblearn

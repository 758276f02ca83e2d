#include "postgresqlschemareader.h"

#include <QHash>

#include <cstdlib>
#include <memory>

namespace dblearn {

namespace {

struct ResultDeleter {
    void operator()(PGresult *r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

QString text(const PGresult *r, int row, int column)
{
    return QString::fromUtf8(PQgetvalue(r, row, column));
}

const char TablesSql[] = R"(
SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltuples::bigint
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
ORDER BY n.nspname, c.relname)";

const char ColumnsSql[] = R"(
SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
       COALESCE(pg_catalog.pg_get_expr(d.adbin, d.adrelid), ''),
       EXISTS (SELECT 1 FROM pg_catalog.pg_index i
               WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY (i.indkey))
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
ORDER BY a.attrelid, a.attnum)";

const char IndexesSql[] = R"(
SELECT i.indrelid, ic.relname, pg_catalog.pg_get_indexdef(i.indexrelid), i.indisunique,
       COALESCE((SELECT string_agg(a.attname, ',' ORDER BY k.ord)
                 FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum), '')
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
ORDER BY i.indrelid, ic.relname)";

const char ConstraintsSql[] = R"(
SELECT co.conrelid, co.conname, co.contype, pg_catalog.pg_get_constraintdef(co.oid)
FROM pg_catalog.pg_constraint co
JOIN pg_catalog.pg_namespace n ON n.oid = co.connamespace
WHERE co.conrelid <> 0 AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY co.conrelid, co.conname)";

const char ExtensionsSql[] = "SELECT extname || ' ' || extversion FROM pg_catalog.pg_extension ORDER BY extname";

QString constraintType(const QString &code)
{
    if (code == QLatin1String("p"))
        return QStringLiteral("PRIMARY KEY");
    if (code == QLatin1String("f"))
        return QStringLiteral("FOREIGN KEY");
    if (code == QLatin1String("u"))
        return QStringLiteral("UNIQUE");
    if (code == QLatin1String("c"))
        return QStringLiteral("CHECK");
    if (code == QLatin1String("x"))
        return QStringLiteral("EXCLUDE");
    return code;
}

SchemaTable::Kind tableKind(char relkind)
{
    switch (relkind) {
    case 'r':
    case 'p':
        return SchemaTable::Kind::Table;
    case 'v':
        return SchemaTable::Kind::View;
    case 'm':
        return SchemaTable::Kind::MaterializedView;
    case 'f':
        return SchemaTable::Kind::ForeignTable;
    default:
        return SchemaTable::Kind::Other;
    }
}

} // namespace

PostgresqlSchemaReader::PostgresqlSchemaReader(PGconn *conn) : m_conn(conn) {}

PGresult *PostgresqlSchemaReader::query(const char *sql, QueryError *error)
{
    PGresult *r = PQexecParams(m_conn, sql, 0, nullptr, nullptr, nullptr, nullptr, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        const char *message = PQresultErrorMessage(r);
        *error = QueryError::make(QueryError::Kind::Execution,
                                  QStringLiteral("cannot read the catalog: ") + QString::fromUtf8(message).trimmed());
        PQclear(r);
        return nullptr;
    }
    return r;
}

SchemaInfo PostgresqlSchemaReader::read(QueryError *error)
{
    SchemaInfo info;
    const Result tables(query(TablesSql, error));
    if (!tables)
        return info;
    QHash<QString, int> indexByOid;
    for (int r = 0; r < PQntuples(tables.get()); ++r) {
        SchemaTable table;
        table.schema = text(tables.get(), r, 1);
        table.name = text(tables.get(), r, 2);
        table.kind = tableKind(PQgetvalue(tables.get(), r, 3)[0]);
        table.rowEstimate = std::strtoll(PQgetvalue(tables.get(), r, 4), nullptr, 10); // -1: never analysed
        indexByOid.insert(text(tables.get(), r, 0), int(info.tables.size()));
        info.tables.push_back(table);
    }

    const Result columns(query(ColumnsSql, error));
    if (!columns)
        return info;
    for (int r = 0; r < PQntuples(columns.get()); ++r) {
        const auto it = indexByOid.constFind(text(columns.get(), r, 0));
        if (it == indexByOid.cend())
            continue;
        SchemaColumn column;
        column.name = text(columns.get(), r, 1);
        column.type = text(columns.get(), r, 2);
        column.notNull = PQgetvalue(columns.get(), r, 3)[0] == 't';
        column.defaultValue = text(columns.get(), r, 4);
        column.primaryKey = PQgetvalue(columns.get(), r, 5)[0] == 't';
        info.tables[*it].columns.push_back(column);
    }

    const Result indexes(query(IndexesSql, error));
    if (!indexes)
        return info;
    for (int r = 0; r < PQntuples(indexes.get()); ++r) {
        const auto it = indexByOid.constFind(text(indexes.get(), r, 0));
        if (it == indexByOid.cend())
            continue;
        SchemaIndex index;
        index.name = text(indexes.get(), r, 1);
        index.definition = text(indexes.get(), r, 2);
        index.unique = PQgetvalue(indexes.get(), r, 3)[0] == 't';
        const QString columnList = text(indexes.get(), r, 4);
        if (!columnList.isEmpty())
            index.columns = columnList.split(QLatin1Char(','));
        info.tables[*it].indexes.push_back(index);
    }

    const Result constraints(query(ConstraintsSql, error));
    if (!constraints)
        return info;
    for (int r = 0; r < PQntuples(constraints.get()); ++r) {
        const auto it = indexByOid.constFind(text(constraints.get(), r, 0));
        if (it == indexByOid.cend())
            continue;
        info.tables[*it].constraints.push_back(SchemaConstraint{
            text(constraints.get(), r, 1), constraintType(text(constraints.get(), r, 2)), text(constraints.get(), r, 3)});
    }

    const Result extensions(query(ExtensionsSql, error));
    if (!extensions)
        return info;
    for (int r = 0; r < PQntuples(extensions.get()); ++r)
        info.extensions << text(extensions.get(), r, 0);
    return info;
}

} // namespace dblearn

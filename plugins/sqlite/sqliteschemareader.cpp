#include "sqliteschemareader.h"

#include "sqlitestatement.h"

namespace dblearn {

namespace {

bool fail(const SqliteStatement &statement, QueryError *error)
{
    if (error)
        *error = statement.error(QueryError::Kind::Execution);
    return false;
}

} // namespace

SqliteSchemaReader::SqliteSchemaReader(sqlite3 *db) : m_db(db) {}

SchemaInfo SqliteSchemaReader::read(QueryError *error) const
{
    SchemaInfo info;
    SqliteStatement tables(m_db, QByteArrayLiteral(
        "SELECT name, type FROM main.sqlite_schema "
        "WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"));
    const bool withStats = hasStatTable();
    while (tables.next()) {
        SchemaTable table;
        table.schema = QStringLiteral("main");
        table.name = tables.text(0);
        table.kind = tables.text(1) == QLatin1String("view") ? SchemaTable::Kind::View : SchemaTable::Kind::Table;
        QueryError columnError;
        if (!readColumns(&table, &columnError)) {
            // A view over a dropped table cannot be described; list it without columns.
            if (columnError.kind == QueryError::Kind::Cancelled) {
                if (error)
                    *error = columnError;
                return info;
            }
            table.columns.clear();
        }
        if (table.kind == SchemaTable::Kind::Table) {
            if (!readIndexes(&table, error))
                return info;
            if (withStats)
                table.rowEstimate = rowEstimate(table.name);
        }
        info.tables << table;
    }
    if (tables.failed()) {
        fail(tables, error);
        return info;
    }

    // Virtual table modules (fts5, rtree, ...), without the eponymous pragma_* tables.
    SqliteStatement modules(m_db, QByteArrayLiteral(
        "SELECT name FROM pragma_module_list WHERE name NOT LIKE 'pragma\\_%' ESCAPE '\\' ORDER BY name"));
    while (modules.next())
        info.extensions << modules.text(0);
    return info;
}

bool SqliteSchemaReader::readColumns(SchemaTable *table, QueryError *error) const
{
    SqliteStatement columns(m_db, QByteArrayLiteral(
        "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1, 'main') ORDER BY cid"));
    columns.bindText(1, table->name);
    while (columns.next()) {
        SchemaColumn column;
        column.name = columns.text(0);
        column.type = columns.text(1);
        column.notNull = columns.integer(2) != 0;
        column.defaultValue = columns.text(3);
        column.primaryKey = columns.integer(4) != 0;
        table->columns << column;
    }
    return !columns.failed() || fail(columns, error);
}

bool SqliteSchemaReader::readIndexes(SchemaTable *table, QueryError *error) const
{
    SqliteStatement list(m_db, QByteArrayLiteral(
        "SELECT l.name, l.\"unique\", l.origin, s.sql FROM pragma_index_list(?1, 'main') AS l "
        "LEFT JOIN main.sqlite_schema AS s ON s.type = 'index' AND s.name = l.name ORDER BY l.name"));
    list.bindText(1, table->name);
    while (list.next()) {
        SchemaIndex index;
        index.name = list.text(0);
        index.unique = list.integer(1) != 0;
        if (!list.isNull(3)) {
            index.definition = list.text(3);
        } else {
            const QString origin = list.text(2);
            index.definition = origin == QLatin1String("pk")
                ? QStringLiteral("(automatic index for the PRIMARY KEY)")
                : QStringLiteral("(automatic index for a UNIQUE constraint)");
        }
        SqliteStatement columns(m_db, QByteArrayLiteral(
            "SELECT name FROM pragma_index_info(?1, 'main') ORDER BY seqno"));
        columns.bindText(1, index.name);
        while (columns.next())
            index.columns << (columns.isNull(0) ? QStringLiteral("<expression>") : columns.text(0));
        if (columns.failed())
            return fail(columns, error);
        table->indexes << index;
    }
    return !list.failed() || fail(list, error);
}

bool SqliteSchemaReader::hasStatTable() const
{
    SqliteStatement exists(m_db, QByteArrayLiteral(
        "SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'"));
    return exists.next();
}

qint64 SqliteSchemaReader::rowEstimate(const QString &table) const
{
    // Each sqlite_stat1 row's stat starts with the table's row count (as of the last ANALYZE).
    SqliteStatement stat(m_db, QByteArrayLiteral("SELECT stat FROM main.sqlite_stat1 WHERE tbl = ?1 LIMIT 1"));
    stat.bindText(1, table);
    if (!stat.next())
        return -1;
    bool ok = false;
    const qint64 rows = stat.text(0).section(QLatin1Char(' '), 0, 0).toLongLong(&ok);
    return ok ? rows : -1;
}

} // namespace dblearn

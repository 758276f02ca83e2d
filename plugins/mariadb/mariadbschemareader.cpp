#include "mariadbschemareader.h"

#include <QHash>

namespace dblearn {

namespace {

#define SYSTEM_SCHEMAS "('mysql', 'information_schema', 'performance_schema', 'sys')"

const char TablesSql[] = "SELECT table_schema, table_name, table_type, table_rows FROM information_schema.tables "
                         "WHERE table_schema NOT IN " SYSTEM_SCHEMAS " ORDER BY table_schema, table_name";

const char ColumnsSql[] = "SELECT table_schema, table_name, column_name, column_type, is_nullable, column_default, "
                          "column_key FROM information_schema.columns WHERE table_schema NOT IN " SYSTEM_SCHEMAS
                          " ORDER BY table_schema, table_name, ordinal_position";

const char IndexesSql[] = "SELECT table_schema, table_name, index_name, non_unique, column_name, index_type "
                          "FROM information_schema.statistics WHERE table_schema NOT IN " SYSTEM_SCHEMAS
                          " ORDER BY table_schema, table_name, index_name, seq_in_index";

const char ConstraintsSql[] =
    "SELECT tc.table_schema, tc.table_name, tc.constraint_name, tc.constraint_type, "
    "GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position SEPARATOR ', '), "
    "MAX(k.referenced_table_name), "
    "GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position SEPARATOR ', ') "
    "FROM information_schema.table_constraints tc "
    "LEFT JOIN information_schema.key_column_usage k ON k.constraint_schema = tc.constraint_schema "
    "AND k.table_name = tc.table_name AND k.constraint_name = tc.constraint_name "
    "WHERE tc.table_schema NOT IN " SYSTEM_SCHEMAS " AND tc.constraint_type <> 'CHECK' "
    "GROUP BY tc.table_schema, tc.table_name, tc.constraint_name, tc.constraint_type "
    "ORDER BY tc.table_schema, tc.table_name, tc.constraint_name";

// information_schema.check_constraints: MariaDB 10.2.22+, MySQL 8.0.16+.
const char ChecksSql[] = "SELECT constraint_schema, table_name, constraint_name, check_clause "
                         "FROM information_schema.check_constraints WHERE constraint_schema NOT IN " SYSTEM_SCHEMAS;

const char EnginesSql[] = "SELECT LOWER(engine) FROM information_schema.engines WHERE support IN ('YES', 'DEFAULT') "
                          "ORDER BY engine";

QString key(const QString &schema, const QString &table)
{
    return schema + QLatin1Char('.') + table;
}

} // namespace

MariadbSchemaReader::MariadbSchemaReader(MYSQL *conn) : m_conn(conn) {}

bool MariadbSchemaReader::query(const char *sql, QList<QStringList> *rows, QueryError *error)
{
    if (mysql_query(m_conn, sql) != 0) {
        *error = QueryError::make(QueryError::Kind::Execution,
                                  QStringLiteral("cannot read information_schema: ") + QString::fromUtf8(mysql_error(m_conn)));
        return false;
    }
    MYSQL_RES *result = mysql_store_result(m_conn);
    if (!result) {
        *error = QueryError::make(QueryError::Kind::Execution,
                                  QStringLiteral("cannot read information_schema: ") + QString::fromUtf8(mysql_error(m_conn)));
        return false;
    }
    const unsigned n = mysql_num_fields(result);
    while (MYSQL_ROW row = mysql_fetch_row(result)) {
        const unsigned long *lengths = mysql_fetch_lengths(result);
        QStringList values;
        for (unsigned c = 0; c < n; ++c)
            values << (row[c] ? QString::fromUtf8(row[c], int(lengths[c])) : QString());
        rows->push_back(values);
    }
    mysql_free_result(result);
    return true;
}

SchemaInfo MariadbSchemaReader::read(QueryError *error)
{
    SchemaInfo info;
    QList<QStringList> rows;
    if (!query(TablesSql, &rows, error))
        return info;
    QHash<QString, int> indexByName;
    for (const QStringList &row : rows) {
        SchemaTable table;
        table.schema = row[0];
        table.name = row[1];
        table.kind = row[2] == QLatin1String("VIEW") ? SchemaTable::Kind::View
                     : row[2].contains(QLatin1String("TABLE"))    ? SchemaTable::Kind::Table
                                                                   : SchemaTable::Kind::Other;
        table.rowEstimate = row[3].isNull() ? -1 : row[3].toLongLong();
        indexByName.insert(key(table.schema, table.name), int(info.tables.size()));
        info.tables.push_back(table);
    }

    rows.clear();
    if (!query(ColumnsSql, &rows, error))
        return info;
    for (const QStringList &row : rows) {
        const auto it = indexByName.constFind(key(row[0], row[1]));
        if (it == indexByName.cend())
            continue;
        SchemaColumn column;
        column.name = row[2];
        column.type = row[3];
        column.notNull = row[4] == QLatin1String("NO");
        column.defaultValue = row[5];
        column.primaryKey = row[6] == QLatin1String("PRI");
        info.tables[*it].columns.push_back(column);
    }

    rows.clear();
    if (!query(IndexesSql, &rows, error))
        return info;
    for (const QStringList &row : rows) {
        const auto it = indexByName.constFind(key(row[0], row[1]));
        if (it == indexByName.cend())
            continue;
        QList<SchemaIndex> &indexes = info.tables[*it].indexes;
        if (indexes.isEmpty() || indexes.last().name != row[2]) {
            SchemaIndex index;
            index.name = row[2];
            index.unique = row[3] == QLatin1String("0");
            indexes.push_back(index);
        }
        SchemaIndex &index = indexes.last();
        index.columns << row[4];
        const QString kind = row[2] == QLatin1String("PRIMARY") ? QStringLiteral("PRIMARY KEY")
                             : index.unique                       ? QStringLiteral("UNIQUE INDEX ") + row[2]
                                                                  : QStringLiteral("INDEX ") + row[2];
        index.definition = QStringLiteral("%1 ON %2 (%3) USING %4")
                               .arg(kind, row[1], index.columns.join(QLatin1String(", ")), row[5]);
    }

    rows.clear();
    if (!query(ConstraintsSql, &rows, error))
        return info;
    for (const QStringList &row : rows) {
        const auto it = indexByName.constFind(key(row[0], row[1]));
        if (it == indexByName.cend())
            continue;
        QString definition = QStringLiteral("%1 (%2)").arg(row[3], row[4]);
        if (!row[5].isEmpty())
            definition += QStringLiteral(" REFERENCES %1 (%2)").arg(row[5], row[6]);
        info.tables[*it].constraints.push_back(SchemaConstraint{row[2], row[3], definition});
    }

    rows.clear();
    QueryError checkError; // older servers have no check_constraints table: not an error
    if (query(ChecksSql, &rows, &checkError)) {
        for (const QStringList &row : rows) {
            const auto it = indexByName.constFind(key(row[0], row[1]));
            if (it != indexByName.cend())
                info.tables[*it].constraints.push_back(
                    SchemaConstraint{row[2], QStringLiteral("CHECK"), QStringLiteral("CHECK (%1)").arg(row[3])});
        }
    }

    rows.clear();
    if (query(EnginesSql, &rows, &checkError)) {
        for (const QStringList &row : rows)
            info.extensions << row[0];
    }
    return info;
}

} // namespace dblearn

#pragma once

#include "backends/queryerror.h"
#include "backends/schemainfo.h"

#include <sqlite3.h>

namespace dblearn {

// Reads the catalog of a connection's main database: tables and views (not SQLite's own
// sqlite_% tables), their columns and indexes, and row estimates from sqlite_stat1 when ANALYZE ran.
class SqliteSchemaReader final
{
public:
    explicit SqliteSchemaReader(sqlite3 *db);

    // Returns what was read; on an error fills *error and returns what was read before it.
    SchemaInfo read(QueryError *error) const;

private:
    bool readColumns(SchemaTable *table, QueryError *error) const;
    bool readIndexes(SchemaTable *table, QueryError *error) const;
    bool hasStatTable() const;
    qint64 rowEstimate(const QString &table) const;

    sqlite3 *m_db = nullptr;
};

} // namespace dblearn

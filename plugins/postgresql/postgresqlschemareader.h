#pragma once

#include "backends/queryerror.h"
#include "backends/schemainfo.h"

#include <libpq-fe.h>

namespace dblearn {

// Reads tables, views, materialized views, foreign tables, their columns, indexes, constraints
// and row estimates, and the installed extensions, from PostgreSQL's catalogs (pg_class,
// pg_attribute, pg_index, pg_constraint, pg_extension). System schemas are left out.
class PostgresqlSchemaReader final
{
public:
    explicit PostgresqlSchemaReader(PGconn *conn);

    SchemaInfo read(QueryError *error);

private:
    // Runs a catalog query (no parameters, text results); nullptr and *error on failure.
    PGresult *query(const char *sql, QueryError *error);

    PGconn *m_conn = nullptr;
};

} // namespace dblearn

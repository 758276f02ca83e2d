#pragma once

#include "backends/queryerror.h"
#include "backends/schemainfo.h"

#include <mysql.h>

#include <QList>
#include <QStringList>

namespace dblearn {

// Reads tables, views, columns, indexes, constraints and row estimates from information_schema
// (all schemas but the server's own: mysql, information_schema, performance_schema, sys), and the
// active storage engines as "extensions".
class MariadbSchemaReader final
{
public:
    explicit MariadbSchemaReader(MYSQL *conn);

    SchemaInfo read(QueryError *error);

private:
    // Runs a small catalog query; every row as strings (NULL as a null QString).
    bool query(const char *sql, QList<QStringList> *rows, QueryError *error);

    MYSQL *m_conn = nullptr;
};

} // namespace dblearn

#pragma once

#include "backends/queryerror.h"

#include <QString>

namespace dblearn {

class DatabaseConnection;

// Small results as text, for backends that run helper statements of their own (EXPLAIN output,
// BEGIN/ROLLBACK around EXPLAIN ANALYZE). Not for learner queries: nothing bounds the size.
class ResultText final
{
public:
    // Runs the first statement of `sql` to its end and returns its rows, one line per row, cells
    // separated by tabs and NULL written as NULL. Empty, with *error filled, on failure.
    static QString run(DatabaseConnection &connection, const QString &sql, QueryError *error);
};

} // namespace dblearn

#pragma once

#include "backends/column.h"

#include <libpq-fe.h>

namespace dblearn {

// How PostgreSQL's built-in types (by OID) map onto the application's value kinds.
// Types not listed (arrays, ranges, geometric, user types) are shown as the server's text.
class PostgresqlTypes final
{
public:
    static ValueKind kindOf(Oid type);
    // The type's SQL name for the built-in OIDs; empty for others.
    static QString nameOf(Oid type);
};

} // namespace dblearn

#pragma once

#include "backends/column.h"

#include <mysql.h>

namespace dblearn {

// How MariaDB/MySQL field types map onto the application's value kinds.
class MariadbTypes final
{
public:
    static ValueKind kindOf(const MYSQL_FIELD &field);
    // The SQL name of the field's type ("bigint unsigned", "varchar", "blob"...).
    static QString nameOf(const MYSQL_FIELD &field);
};

} // namespace dblearn

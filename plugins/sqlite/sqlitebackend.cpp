#include "sqlitebackend.h"

#include "sqliteconnection.h"

namespace dblearn {

SqliteBackend::SqliteBackend(QObject *parent) : QObject(parent) {}

std::unique_ptr<DatabaseConnection> SqliteBackend::createConnection()
{
    return std::make_unique<SqliteConnection>();
}

} // namespace dblearn

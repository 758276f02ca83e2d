#include "postgresqlbackend.h"

#include "postgresqlconnection.h"

namespace dblearn {

PostgresqlBackend::PostgresqlBackend(QObject *parent) : QObject(parent) {}

std::unique_ptr<DatabaseConnection> PostgresqlBackend::createConnection()
{
    return std::make_unique<PostgresqlConnection>();
}

} // namespace dblearn

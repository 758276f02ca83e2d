#include "mariadbbackend.h"

#include "mariadbconnection.h"

namespace dblearn {

MariadbBackend::MariadbBackend(QObject *parent) : QObject(parent) {}

std::unique_ptr<DatabaseConnection> MariadbBackend::createConnection()
{
    return std::make_unique<MariadbConnection>();
}

} // namespace dblearn

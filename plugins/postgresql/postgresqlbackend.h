#pragma once

#include "backends/databasebackend.h"

#include <QObject>

namespace dblearn {

// The plugin's factory: hands out connections to PostgreSQL servers.
class PostgresqlBackend final : public QObject, public DatabaseBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID DBLEARN_BACKEND_IID FILE "postgresql.json")
    Q_INTERFACES(dblearn::DatabaseBackend)
public:
    explicit PostgresqlBackend(QObject *parent = nullptr);

    std::unique_ptr<DatabaseConnection> createConnection() override;
};

} // namespace dblearn

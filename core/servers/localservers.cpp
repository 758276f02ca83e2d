#include "servers/localservers.h"

#include "servers/mariadblocalserver.h"
#include "servers/postgresqllocalserver.h"

#include <QStandardPaths>

#include <unistd.h>

namespace dblearn {

LocalServers::LocalServers(const QString &baseDir)
{
    const QString base = baseDir.isEmpty() ? defaultBaseDir() : baseDir;
    m_servers.push_back(std::make_unique<PostgresqlLocalServer>(base + QStringLiteral("/postgresql")));
    m_servers.push_back(std::make_unique<MariadbLocalServer>(base + QStringLiteral("/mariadb")));
}

LocalServers::~LocalServers() = default;

QString LocalServers::defaultBaseDir()
{
    if (geteuid() == 0)
        return QStringLiteral("/var/tmp/dblearn-servers");
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/servers");
}

LocalServer *LocalServers::find(const QString &engine) const
{
    for (const auto &server : m_servers)
        if (server->engine() == engine)
            return server.get();
    return nullptr;
}

QList<LocalServer *> LocalServers::all() const
{
    QList<LocalServer *> list;
    for (const auto &server : m_servers)
        list << server.get();
    return list;
}

void LocalServers::noteStarted(LocalServer *server)
{
    if (!m_started.contains(server))
        m_started << server;
}

void LocalServers::stopStarted()
{
    for (LocalServer *server : std::as_const(m_started)) {
        QString error;
        server->stop(&error);
    }
    m_started.clear();
}

} // namespace dblearn

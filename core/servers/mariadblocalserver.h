#pragma once

#include "servers/localserver.h"

namespace dblearn {

// A private MariaDB instance: mariadb-install-db, mariadbd and the mariadb client.
class MariadbLocalServer final : public LocalServer
{
public:
    explicit MariadbLocalServer(const QString &baseDir);

    QString engine() const override { return QStringLiteral("mariadb"); }
    QString displayName() const override { return QStringLiteral("MariaDB"); }
    QString packageName() const override { return QStringLiteral("mariadb-server"); }

protected:
    bool programsFound() const override;
    bool isCreated() const override;
    bool create(const QString &password, QString *error) override;
    bool launch(int port, QString *error) override;
    bool shutdown(QString *error) override;
    bool isRunning() const override;
    bool recreateDatabase(QString *error) override;
    QString uriScheme() const override { return QStringLiteral("mariadb"); }
    QString serviceAccount() const override { return QStringLiteral("mysql"); }

private:
    // Runs SQL as the server's administrator, through the unix socket.
    bool runAdminSql(const QString &sql, QString *error) const;
    QString account() const; // the OS account the server runs as
    QString dataPath() const { return m_dir + QStringLiteral("/data"); }
    QString socketPath() const { return m_dir + QStringLiteral("/mariadb.sock"); }
    QString pidPath() const { return m_dir + QStringLiteral("/mariadb.pid"); }

    QString m_server;
    QString m_installDb;
    QString m_client;
};

} // namespace dblearn

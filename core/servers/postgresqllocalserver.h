#pragma once

#include "servers/localserver.h"

namespace dblearn {

// A private PostgreSQL instance: initdb, pg_ctl and createdb/dropdb from the newest
// /usr/lib/postgresql/<version>/bin (Debian's layout) or the PATH.
class PostgresqlLocalServer final : public LocalServer
{
public:
    explicit PostgresqlLocalServer(const QString &baseDir);

    QString engine() const override { return QStringLiteral("postgresql"); }
    QString displayName() const override;
    QString packageName() const override { return QStringLiteral("postgresql"); }

protected:
    bool programsFound() const override;
    bool isCreated() const override;
    bool create(const QString &password, QString *error) override;
    bool launch(int port, QString *error) override;
    bool shutdown(QString *error) override;
    bool isRunning() const override;
    bool recreateDatabase(QString *error) override;
    QString uriScheme() const override { return QStringLiteral("postgresql"); }
    QString serviceAccount() const override { return QStringLiteral("postgres"); }

private:
    QString program(const QString &name) const;
    bool runClient(const QString &name, const QStringList &arguments, QString *error) const;
    QString dataPath() const { return m_dir + QStringLiteral("/data"); }

    QString m_binDir;
    QString m_version; // major version, from Debian's folder name
};

} // namespace dblearn

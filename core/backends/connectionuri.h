#pragma once

#include <QMap>
#include <QString>

namespace dblearn {

// A parsed connection string:
//   sqlite::memory:            an in-memory SQLite database
//   sqlite:///absolute/path.db a SQLite file (sqlite:relative/path.db is refused: paths must be absolute)
//   postgresql://user:pw@host:port/db?param=value   (also postgres://)
//   mariadb://user:pw@host:port/db, mysql://...
class ConnectionUri final
{
public:
    ConnectionUri() = default;

    // Returns an invalid ConnectionUri and fills *error when `text` cannot be used.
    static ConnectionUri parse(const QString &text, QString *error);

    bool isValid() const { return !m_scheme.isEmpty(); }
    QString scheme() const { return m_scheme; } // "sqlite", "postgresql", "mariadb", "mysql"
    bool isInMemory() const { return m_inMemory; }
    QString path() const { return m_path; } // SQLite file path
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString database() const { return m_database; }
    QMap<QString, QString> parameters() const { return m_parameters; }
    QString parameter(const QString &name, const QString &fallback = {}) const
    {
        return m_parameters.value(name, fallback);
    }

    // The URI without its password, safe to show and to log.
    QString displayString() const;

private:
    QString m_scheme;
    bool m_inMemory = false;
    QString m_path;
    QString m_host;
    int m_port = -1;
    QString m_user;
    QString m_password;
    QString m_database;
    QMap<QString, QString> m_parameters;
};

} // namespace dblearn

#include "backends/connectionuri.h"

#include <QDir>
#include <QUrl>
#include <QUrlQuery>

namespace dblearn {

namespace {

QString canonicalScheme(const QString &scheme)
{
    const QString s = scheme.toLower();
    if (s == QLatin1String("postgres"))
        return QStringLiteral("postgresql");
    return s;
}

} // namespace

ConnectionUri ConnectionUri::parse(const QString &text, QString *error)
{
    ConnectionUri uri;
    const QString trimmed = text.trimmed();
    const int colon = trimmed.indexOf(QLatin1Char(':'));
    if (trimmed.isEmpty() || colon <= 0) {
        *error = QStringLiteral("malformed connection URI \"%1\": expected scheme:... such as sqlite::memory: "
                                "or sqlite:///absolute/path.db")
                     .arg(trimmed);
        return {};
    }
    const QString scheme = canonicalScheme(trimmed.left(colon));
    const QString rest = trimmed.mid(colon + 1);

    if (scheme == QLatin1String("sqlite")) {
        if (rest == QLatin1String(":memory:") || rest == QLatin1String("//:memory:")) {
            uri.m_scheme = scheme;
            uri.m_inMemory = true;
            return uri;
        }
        if (!rest.startsWith(QLatin1String("///"))) {
            *error = QStringLiteral("malformed SQLite URI \"%1\": use sqlite::memory: or sqlite:///absolute/path.db")
                         .arg(trimmed);
            return {};
        }
        QString path = rest.mid(2);
        const int query = path.indexOf(QLatin1Char('?'));
        if (query >= 0) {
            const QUrlQuery q(path.mid(query + 1));
            for (const auto &item : q.queryItems(QUrl::FullyDecoded))
                uri.m_parameters.insert(item.first, item.second);
            path.truncate(query);
        }
        path = QUrl::fromPercentEncoding(path.toUtf8());
        if (path.size() < 2 || !QDir::isAbsolutePath(path)) {
            *error = QStringLiteral("malformed SQLite URI \"%1\": the database path must be absolute").arg(trimmed);
            return {};
        }
        uri.m_scheme = scheme;
        uri.m_path = QDir::cleanPath(path);
        return uri;
    }

    if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("mariadb")
        || scheme == QLatin1String("mysql")) {
        const QUrl url(trimmed, QUrl::StrictMode);
        if (!url.isValid() || !rest.startsWith(QLatin1String("//"))) {
            *error = QStringLiteral("malformed %1 URI \"%2\": expected %1://user@host:port/database")
                         .arg(scheme, trimmed);
            return {};
        }
        uri.m_scheme = scheme;
        uri.m_host = url.host().isEmpty() ? QStringLiteral("localhost") : url.host();
        uri.m_port = url.port(-1);
        uri.m_user = url.userName(QUrl::FullyDecoded);
        uri.m_password = url.password(QUrl::FullyDecoded);
        uri.m_database = url.path(QUrl::FullyDecoded).mid(1);
        const QUrlQuery q(url);
        for (const auto &item : q.queryItems(QUrl::FullyDecoded))
            uri.m_parameters.insert(item.first, item.second);
        return uri;
    }

    *error = QStringLiteral("unknown connection scheme \"%1\" (known: sqlite, postgresql, mariadb, mysql)")
                 .arg(trimmed.left(colon));
    return {};
}

QString ConnectionUri::displayString() const
{
    if (m_scheme == QLatin1String("sqlite"))
        return m_inMemory ? QStringLiteral("sqlite::memory:") : QStringLiteral("sqlite://") + m_path;
    QString s = m_scheme + QLatin1String("://");
    if (!m_user.isEmpty())
        s += m_user + QLatin1Char('@');
    s += m_host;
    if (m_port > 0)
        s += QLatin1Char(':') + QString::number(m_port);
    s += QLatin1Char('/') + m_database;
    return s;
}

} // namespace dblearn

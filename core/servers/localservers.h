#pragma once

#include "servers/localserver.h"

#include <memory>
#include <vector>

namespace dblearn {

// The application's local servers, one per server engine, and where their folders are:
// <app data>/servers/<engine> for a normal user; /var/tmp/dblearn-servers/<engine> when running as
// root (the servers run as their service accounts, which cannot enter root's home).
class LocalServers final
{
public:
    // `baseDir` overrides the folder (tests); empty: the default described above.
    explicit LocalServers(const QString &baseDir = {});
    ~LocalServers();
    Q_DISABLE_COPY_MOVE(LocalServers)

    LocalServer *find(const QString &engine) const;
    QList<LocalServer *> all() const;
    // Stops every server this object started (at application exit).
    void stopStarted();
    void noteStarted(LocalServer *server);

    static QString defaultBaseDir();

private:
    std::vector<std::unique_ptr<LocalServer>> m_servers;
    QList<LocalServer *> m_started;
};

} // namespace dblearn

#include "servers/mariadblocalserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <csignal>
#include <pwd.h>
#include <unistd.h>

namespace dblearn {

MariadbLocalServer::MariadbLocalServer(const QString &baseDir)
    : LocalServer(baseDir),
      m_server(findProgram({QStringLiteral("mariadbd"), QStringLiteral("mysqld")})),
      m_installDb(findProgram({QStringLiteral("mariadb-install-db"), QStringLiteral("mysql_install_db")})),
      m_client(findProgram({QStringLiteral("mariadb"), QStringLiteral("mysql")}))
{
}

QString MariadbLocalServer::account() const
{
    if (runningAsRoot())
        return serviceAccount();
    const passwd *me = getpwuid(geteuid());
    return me ? QString::fromLocal8Bit(me->pw_name) : QString();
}

bool MariadbLocalServer::programsFound() const
{
    return !m_server.isEmpty() && !m_installDb.isEmpty() && !m_client.isEmpty();
}

bool MariadbLocalServer::isCreated() const
{
    return QFile::exists(dataPath() + QStringLiteral("/mysql"));
}

bool MariadbLocalServer::create(const QString &, QString *error)
{
    QString output;
    if (!run(m_installDb,
             {QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + dataPath(), QStringLiteral("--user=") + account(),
              QStringLiteral("--auth-root-authentication-method=socket"), QStringLiteral("--skip-test-db"),
              // temporary tables in the server's own folder, never the shared /tmp (names collide there)
              QStringLiteral("--tmpdir=") + m_dir},
             &output)) {
        *error = QStringLiteral("mariadb-install-db failed: %1").arg(output.right(2000));
        QDir(dataPath()).removeRecursively();
        return false;
    }
    QFile::remove(m_dir + QStringLiteral("/user-created"));
    return true;
}

bool MariadbLocalServer::launch(int port, QString *error)
{
    QStringList arguments{QStringLiteral("--no-defaults"),
                          QStringLiteral("--datadir=") + dataPath(),
                          QStringLiteral("--user=") + account(),
                          QStringLiteral("--bind-address=127.0.0.1"),
                          QStringLiteral("--port=") + QString::number(port),
                          QStringLiteral("--socket=") + socketPath(),
                          QStringLiteral("--pid-file=") + pidPath(),
                          QStringLiteral("--log-error=") + logFile(),
                          QStringLiteral("--tmpdir=") + m_dir,
                          QStringLiteral("--skip-name-resolve")};
    QString program = m_server;
    if (runningAsRoot()) {
        arguments = QStringList{QStringLiteral("-u"), serviceAccount(), QStringLiteral("--"), m_server} + arguments;
        program = QStringLiteral("runuser");
    }
    QFile::remove(socketPath());
    // Detached, with no terminal or pipe of ours: whoever reads the app's output (a terminal, a
    // test runner) is not kept waiting by a server that outlives it.
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setWorkingDirectory(m_dir);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    if (!process.startDetached()) {
        *error = QStringLiteral("cannot start %1").arg(m_server);
        return false;
    }
    // The server is up once it listens on its socket and has written its pid file (isRunning()
    // reads it); MariaDB writes the two in either order.
    const auto up = [this] { return QFile::exists(socketPath()) && isRunning(); };
    for (int i = 0; i < 300 && !up(); ++i)
        QThread::msleep(100);
    if (!up()) {
        *error = QStringLiteral("MariaDB did not start within 30 s (see %1)").arg(logFile());
        return false;
    }
    const QString marker = m_dir + QStringLiteral("/user-created");
    if (!QFile::exists(marker)) {
        // The password is the generated one; the user reaches the server over TCP on 127.0.0.1 only.
        const QString pw = password().replace(QLatin1Char('\''), QLatin1String("''"));
        if (!runAdminSql(QStringLiteral("CREATE USER IF NOT EXISTS 'dblearn'@'127.0.0.1' IDENTIFIED BY '%1'; "
                                        "GRANT ALL PRIVILEGES ON *.* TO 'dblearn'@'127.0.0.1' WITH GRANT OPTION; "
                                        "CREATE DATABASE IF NOT EXISTS dblearn;")
                             .arg(pw),
                         error))
            return false;
        QFile(marker).open(QIODevice::WriteOnly);
    }
    return true;
}

bool MariadbLocalServer::runAdminSql(const QString &sql, QString *error) const
{
    // mariadb-install-db made the installing account (and root) administrators that log in through
    // the unix socket as that OS account.
    QString output;
    for (const QString &user : {account(), QStringLiteral("root")}) {
        if (run(m_client, {QStringLiteral("--no-defaults"), QStringLiteral("-S"), socketPath(), QStringLiteral("-u"), user,
                           QStringLiteral("-e"), sql},
                &output, 60000))
            return true;
    }
    *error = QStringLiteral("cannot set up the MariaDB account: %1").arg(output);
    return false;
}

bool MariadbLocalServer::shutdown(QString *error)
{
    QFile pidFile(pidPath());
    if (!pidFile.open(QIODevice::ReadOnly))
        return true;
    const pid_t pid = pid_t(pidFile.readAll().trimmed().toLongLong());
    if (pid <= 0 || ::kill(pid, SIGTERM) != 0)
        return true;
    for (int i = 0; i < 300; ++i) { // InnoDB flushes on shutdown: allow 30 s
        if (::kill(pid, 0) != 0)
            return true;
        QThread::msleep(100);
    }
    *error = QStringLiteral("MariaDB (process %1) did not stop within 30 s").arg(pid);
    return false;
}

bool MariadbLocalServer::isRunning() const
{
    QFile pidFile(pidPath());
    if (!pidFile.open(QIODevice::ReadOnly))
        return false;
    const pid_t pid = pid_t(pidFile.readAll().trimmed().toLongLong());
    return pid > 0 && ::kill(pid, 0) == 0;
}

bool MariadbLocalServer::recreateDatabase(QString *error)
{
    return runAdminSql(QStringLiteral("DROP DATABASE IF EXISTS dblearn; CREATE DATABASE dblearn;"), error);
}

} // namespace dblearn

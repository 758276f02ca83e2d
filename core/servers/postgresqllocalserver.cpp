#include "servers/postgresqllocalserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QVersionNumber>

#include <csignal>

namespace dblearn {

PostgresqlLocalServer::PostgresqlLocalServer(const QString &baseDir) : LocalServer(baseDir)
{
    // Debian installs each major version's programs in /usr/lib/postgresql/<major>/bin.
    QVersionNumber newest;
    const QDir versions(QStringLiteral("/usr/lib/postgresql"));
    for (const QString &entry : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QVersionNumber version = QVersionNumber::fromString(entry);
        if (!version.isNull() && version > newest && QFile::exists(versions.filePath(entry + QStringLiteral("/bin/initdb")))) {
            newest = version;
            m_version = entry;
            m_binDir = versions.filePath(entry + QStringLiteral("/bin"));
        }
    }
    if (m_binDir.isEmpty()) {
        const QString initdb = findProgram({QStringLiteral("initdb")});
        if (!initdb.isEmpty())
            m_binDir = QFileInfo(initdb).absolutePath();
    }
}

QString PostgresqlLocalServer::displayName() const
{
    return m_version.isEmpty() ? QStringLiteral("PostgreSQL") : QStringLiteral("PostgreSQL ") + m_version;
}

QString PostgresqlLocalServer::program(const QString &name) const
{
    return QDir(m_binDir).filePath(name);
}

bool PostgresqlLocalServer::programsFound() const
{
    return !m_binDir.isEmpty() && QFile::exists(program(QStringLiteral("pg_ctl")));
}

bool PostgresqlLocalServer::isCreated() const
{
    return QFile::exists(dataPath() + QStringLiteral("/PG_VERSION"));
}

bool PostgresqlLocalServer::create(const QString &password, QString *error)
{
    // initdb reads the superuser's password from a file; it lives only while initdb runs.
    const QString pwfile = m_dir + QStringLiteral("/initdb.pw");
    {
        QFile file(pwfile);
        if (!file.open(QIODevice::WriteOnly) || file.write(password.toUtf8() + '\n') < 0) {
            *error = QStringLiteral("cannot write %1").arg(pwfile);
            return false;
        }
    }
    QFile::setPermissions(pwfile, QFile::ReadOwner | QFile::WriteOwner);
    if (!ownPrivately(pwfile, error))
        return false;
    QString output;
    const bool ok = run(program(QStringLiteral("initdb")),
                        {QStringLiteral("-D"), dataPath(), QStringLiteral("-U"), QStringLiteral("dblearn"),
                         QStringLiteral("--auth=scram-sha-256"), QStringLiteral("--pwfile=") + pwfile,
                         QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8")},
                        &output);
    QFile::remove(pwfile);
    if (!ok) {
        *error = QStringLiteral("initdb failed: %1").arg(output.right(2000));
        QDir(dataPath()).removeRecursively();
        return false;
    }
    QFile::remove(m_dir + QStringLiteral("/database-created"));
    return true;
}

bool PostgresqlLocalServer::launch(int port, QString *error)
{
    QString output;
    const QString options = QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -c unix_socket_directories=%2 "
                                           "-c max_prepared_transactions=20")
                                .arg(port)
                                .arg(m_dir);
    if (!run(program(QStringLiteral("pg_ctl")),
             {QStringLiteral("-D"), dataPath(), QStringLiteral("-l"), logFile(), QStringLiteral("-w"), QStringLiteral("-t"),
              QStringLiteral("60"), QStringLiteral("-o"), options, QStringLiteral("start")},
             &output)) {
        *error = QStringLiteral("PostgreSQL did not start: %1 (see %2)").arg(output.right(1000), logFile());
        return false;
    }
    const QString marker = m_dir + QStringLiteral("/database-created");
    if (!QFile::exists(marker)) {
        QFile portFile(m_dir + QStringLiteral("/port")); // createdb needs the port before start() records it
        if (portFile.open(QIODevice::WriteOnly))
            portFile.write(QByteArray::number(port));
        portFile.close();
        if (!runClient(QStringLiteral("createdb"), {QStringLiteral("dblearn")}, error))
            return false;
        QFile(marker).open(QIODevice::WriteOnly);
    }
    return true;
}

bool PostgresqlLocalServer::runClient(const QString &name, const QStringList &arguments, QString *error) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), password());
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program(name), QStringList{QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                                             QString::number(port()), QStringLiteral("-U"), QStringLiteral("dblearn")}
                                     + arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        *error = QStringLiteral("%1 failed: %2").arg(name, QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

bool PostgresqlLocalServer::shutdown(QString *error)
{
    QString output;
    if (!run(program(QStringLiteral("pg_ctl")),
             {QStringLiteral("-D"), dataPath(), QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
              QStringLiteral("stop")},
             &output)) {
        *error = QStringLiteral("PostgreSQL did not stop: %1").arg(output);
        return false;
    }
    return true;
}

bool PostgresqlLocalServer::isRunning() const
{
    QFile pidFile(dataPath() + QStringLiteral("/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return false;
    const pid_t pid = pid_t(pidFile.readLine().trimmed().toLongLong());
    return pid > 0 && ::kill(pid, 0) == 0;
}

bool PostgresqlLocalServer::recreateDatabase(QString *error)
{
    return runClient(QStringLiteral("dropdb"), {QStringLiteral("--if-exists"), QStringLiteral("--force"), QStringLiteral("dblearn")},
                     error)
           && runClient(QStringLiteral("createdb"), {QStringLiteral("dblearn")}, error);
}

} // namespace dblearn

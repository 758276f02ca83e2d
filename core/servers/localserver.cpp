#include "servers/localserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace dblearn {

LocalServer::LocalServer(const QString &baseDir) : m_dir(baseDir) {}

LocalServer::~LocalServer() = default;

LocalServer::State LocalServer::state() const
{
    if (!programsFound())
        return State::NotInstalled;
    if (!isCreated())
        return State::NotCreated;
    return isRunning() ? State::Running : State::Stopped;
}

QString LocalServer::stateText() const
{
    switch (state()) {
    case State::NotInstalled:
        return QStringLiteral("not installed (install the package %1)").arg(packageName());
    case State::NotCreated:
        return QStringLiteral("not created yet");
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::Running:
        return QStringLiteral("running on 127.0.0.1:%1").arg(port());
    }
    return {};
}

bool LocalServer::start(QString *error)
{
    if (!programsFound()) {
        *error = QStringLiteral("%1 is not installed. On Debian or Ubuntu: sudo apt install %2")
                     .arg(displayName(), packageName());
        return false;
    }
    if (runningAsRoot() && !getpwnam(serviceAccount().toLocal8Bit().constData())) {
        *error = QStringLiteral("%1 refuses to run as root, and there is no \"%2\" account to run it as. "
                                "Run DB Learn as a normal user, or create the account (it comes with the %3 package).")
                     .arg(displayName(), serviceAccount(), packageName());
        return false;
    }
    if (isRunning())
        return true;
    if (runningAsRoot()) {
        // The service account must be able to pass through the parent folder to its own.
        QDir().mkpath(m_dir + QStringLiteral("/.."));
        QFile::setPermissions(QDir(m_dir + QStringLiteral("/..")).absolutePath(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
    }
    if (!QDir().mkpath(m_dir) || !ownPrivately(m_dir, error)) {
        if (error->isEmpty())
            *error = QStringLiteral("cannot create the folder %1").arg(m_dir);
        return false;
    }
    if (!isCreated()) {
        // A new password for a new instance; the file is readable by the user only.
        QString password;
        const QString alphabet = QStringLiteral("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
        for (int i = 0; i < 24; ++i)
            password += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
        QSaveFile file(passwordFile());
        if (!file.open(QIODevice::WriteOnly) || file.write(password.toUtf8()) < 0 || !file.commit()) {
            *error = QStringLiteral("cannot write %1").arg(passwordFile());
            return false;
        }
        QFile::setPermissions(passwordFile(), QFile::ReadOwner | QFile::WriteOwner);
        if (!create(password, error))
            return false;
    }
    const int newPort = freePort();
    if (newPort <= 0) {
        *error = QStringLiteral("no free TCP port on 127.0.0.1");
        return false;
    }
    if (!launch(newPort, error))
        return false;
    QSaveFile file(portFile());
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QByteArray::number(newPort));
        file.commit();
    }
    return true;
}

bool LocalServer::stop(QString *error)
{
    if (!isRunning())
        return true;
    return shutdown(error);
}

bool LocalServer::reset(QString *error)
{
    if (!isRunning() && !start(error))
        return false;
    return recreateDatabase(error);
}

QString LocalServer::connectionUri() const
{
    if (!isRunning())
        return {};
    return QStringLiteral("%1://dblearn:%2@127.0.0.1:%3/dblearn").arg(uriScheme(), password()).arg(port());
}

QString LocalServer::logFile() const
{
    return m_dir + QStringLiteral("/server.log");
}

QString LocalServer::passwordFile() const
{
    return m_dir + QStringLiteral("/../") + engine() + QStringLiteral(".password");
}

QString LocalServer::portFile() const
{
    return m_dir + QStringLiteral("/port");
}

QString LocalServer::password() const
{
    QFile file(passwordFile());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

int LocalServer::port() const
{
    QFile file(portFile());
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toInt() : -1;
}

bool LocalServer::runningAsRoot() const
{
    return geteuid() == 0;
}

bool LocalServer::ownPrivately(const QString &path, QString *error) const
{
    if (runningAsRoot()) {
        const passwd *account = getpwnam(serviceAccount().toLocal8Bit().constData());
        if (!account || chown(QFile::encodeName(path).constData(), account->pw_uid, account->pw_gid) != 0) {
            *error = QStringLiteral("cannot give %1 to the %2 account").arg(path, serviceAccount());
            return false;
        }
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

bool LocalServer::run(const QString &program, const QStringList &arguments, QString *output, int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir);
    if (runningAsRoot()) {
        process.setProgram(QStringLiteral("runuser"));
        process.setArguments(QStringList{QStringLiteral("-u"), serviceAccount(), QStringLiteral("--"), program} + arguments);
    } else {
        process.setProgram(program);
        process.setArguments(arguments);
    }
    process.start();
    if (!process.waitForStarted(10000)) {
        *output = QStringLiteral("cannot start %1: %2").arg(program, process.errorString());
        return false;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        *output = QStringLiteral("%1 did not finish in %2 s").arg(program).arg(timeoutMs / 1000);
        return false;
    }
    *output = QString::fromLocal8Bit(process.readAll()).trimmed();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

QString LocalServer::findProgram(const QStringList &names, const QStringList &extraDirs)
{
    for (const QString &name : names) {
        QString found = QStandardPaths::findExecutable(name, extraDirs);
        if (found.isEmpty())
            found = QStandardPaths::findExecutable(name);
        if (found.isEmpty())
            found = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
        if (!found.isEmpty())
            return found;
    }
    return {};
}

int LocalServer::freePort()
{
    // Bind port 0 on loopback and read back the port the kernel chose.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    int port = -1;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

} // namespace dblearn

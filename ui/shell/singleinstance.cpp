#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>
#include <QStandardPaths>

namespace dblearn {

namespace {
Q_LOGGING_CATEGORY(lcInstance, "dblearn.instance", QtWarningMsg)

constexpr int protocolVersion = 1;
constexpr qint64 maxRequestBytes = 64 * 1024; // a lesson path and a token; anything longer is not ours

QString desktopActivationToken()
{
    // Wayland (xdg-activation) or X11 (startup notification), set by the launcher for this start.
    const QString wayland = qEnvironmentVariable("XDG_ACTIVATION_TOKEN");
    return wayland.isEmpty() ? qEnvironmentVariable("DESKTOP_STARTUP_ID") : wayland;
}
} // namespace

SingleInstance::SingleInstance(const QString &serverPath, QObject *parent) : QObject(parent), m_serverPath(serverPath) {}

SingleInstance::~SingleInstance() = default; // the server (a child) closes and removes its socket

QString SingleInstance::defaultServerPath()
{
    // Keyed by the data folder, not only the user: test runs and a DB Learn with another
    // XDG_DATA_HOME keep their own progress store, so they are separate instances.
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QByteArray key = QCryptographicHash::hash(dataDir.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    QString runtimeDir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtimeDir.isEmpty())
        runtimeDir = QDir::tempPath();
    // In a Flatpak each start gets its own /run/user/<uid>; only $XDG_RUNTIME_DIR/app/<id> is shared
    // between the app's instances.
    const QString flatpakId = qEnvironmentVariable("FLATPAK_ID");
    if (!flatpakId.isEmpty())
        runtimeDir += QLatin1String("/app/") + flatpakId;
    return runtimeDir + QLatin1String("/dblearn-") + QLatin1String(key) + QLatin1String(".socket");
}

SingleInstance::Role SingleInstance::start(const QString &lesson, QString *error)
{
    // Only one start at a time may look for a running instance and, finding none, listen.
    QLockFile lock(m_serverPath + QLatin1String(".lock"));
    if (!lock.tryLock(m_timeoutMs)) {
        if (error)
            *error = tr("Could not lock %1 to check for a running DB Learn (error %2).")
                         .arg(lock.fileName())
                         .arg(static_cast<int>(lock.error()));
        return Role::Unguarded;
    }

    QLocalSocket socket;
    socket.connectToServer(m_serverPath);
    if (socket.waitForConnected(m_timeoutMs))
        return forward(socket, lesson, error);
    if (socket.error() != QLocalSocket::ServerNotFoundError && socket.error() != QLocalSocket::ConnectionRefusedError) {
        // Something is there but did not let us in in time (e.g. a frozen instance with a full
        // backlog): never take its place.
        if (error)
            *error = tr("DB Learn seems to be running, but it could not be reached: %1").arg(socket.errorString());
        return Role::Unreachable;
    }

    // Nobody listens. A socket file may remain from an instance that crashed: replace it.
    if (QFileInfo::exists(m_serverPath)) {
        qCInfo(lcInstance) << "removing the stale socket" << m_serverPath << "(" << socket.errorString() << ")";
        QLocalServer::removeServer(m_serverPath);
    }
    return listen(error) ? Role::Primary : Role::Unguarded;
}

SingleInstance::Role SingleInstance::forward(QLocalSocket &socket, const QString &lesson, QString *error)
{
    QJsonObject request{{QStringLiteral("version"), protocolVersion}, {QStringLiteral("lesson"), lesson}};
    const QString token = desktopActivationToken();
    if (!token.isEmpty())
        request.insert(QStringLiteral("activationToken"), token);
    socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(m_timeoutMs) && socket.bytesToWrite() > 0) {
        if (error)
            *error = tr("DB Learn is already running, but the request could not be sent to it: %1").arg(socket.errorString());
        return Role::Unreachable;
    }
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(m_answerTimeoutMs)) {
            if (error)
                *error = tr("DB Learn is already running, but it did not answer within %1 seconds (%2).")
                             .arg(m_answerTimeoutMs / 1000.0, 0, 'f', 1)
                             .arg(socket.errorString());
            return Role::Unreachable;
        }
    }
    const QByteArray answer = socket.readLine().trimmed();
    if (answer != "ok") {
        if (error)
            *error = tr("DB Learn is already running, but it refused the request (\"%1\").").arg(QString::fromUtf8(answer.left(200)));
        return Role::Unreachable;
    }
    socket.disconnectFromServer();
    return Role::Secondary;
}

bool SingleInstance::listen(QString *error)
{
    const QString dir = QFileInfo(m_serverPath).absolutePath();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = tr("Could not create the folder %1 for the single-instance socket.").arg(dir);
        return false;
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_serverPath)) {
        if (error)
            *error = tr("Could not listen on %1: %2").arg(m_serverPath, m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    qCInfo(lcInstance) << "listening on" << m_serverPath;
    return true;
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readRequest(socket); });
        if (socket->bytesAvailable() > 0)
            readRequest(socket);
    }
}

void SingleInstance::readRequest(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > maxRequestBytes) {
            qCWarning(lcInstance) << "dropping a connection that sent more than" << maxRequestBytes << "bytes without a request";
            socket->abort();
        }
        return;
    }
    const QByteArray line = socket->readLine(maxRequestBytes);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    const QJsonObject request = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject()
        || request.value(QStringLiteral("version")).toInt() != protocolVersion) {
        qCWarning(lcInstance) << "ignoring a request that is not DB Learn's:" << line.left(200);
        socket->write("error\n");
        socket->disconnectFromServer();
        return;
    }
    socket->write("ok\n");
    socket->flush();
    socket->disconnectFromServer();
    const QString lesson = request.value(QStringLiteral("lesson")).toString();
    qCInfo(lcInstance) << "another start asked to come forward" << (lesson.isEmpty() ? QString() : QStringLiteral("and open ") + lesson);
    emit activationRequested(lesson, request.value(QStringLiteral("activationToken")).toString());
}

} // namespace dblearn

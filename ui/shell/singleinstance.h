#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace dblearn {

// One running DB Learn per user and data folder. The first start listens on a local socket; a later
// start hands its request (a lesson to open, or only "come forward") to it and exits, so two
// processes never write the same progress store.
//
// The socket lives in the user's runtime folder (XDG_RUNTIME_DIR, private to the user) and is
// accessible to the user only. A lock file next to it makes "is one running? if not, listen" one
// step, so two starts at the same moment cannot both become the primary instance, and a socket
// left behind by a crashed instance is replaced.
//
// Protocol: the client sends one line of JSON, {"version": 1, "lesson": "...", "activationToken": "..."},
// and the primary answers "ok\n" once it has accepted the request.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)
public:
    enum class Role {
        Primary,     // listening: this process is the one DB Learn
        Secondary,   // the request was handed to the running DB Learn; this process should exit
        Unreachable, // one is running but did not answer; this process should not start a second one
        Unguarded,   // could not listen (see the error); the application runs without the guard
    };

    explicit SingleInstance(const QString &serverPath, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Becomes the primary instance, or hands `lesson` (may be empty) to the running one.
    Role start(const QString &lesson, QString *error = nullptr);

    // How long a later start waits for the running instance to let it connect, and then for its
    // answer. The answer can take longer: an instance that is itself still starting (building its
    // window, starting the lesson view's engine) listens at once but reads requests only when its
    // event loop runs, which takes seconds on a busy machine.
    void setTimeout(int connectMs, int answerMs)
    {
        m_timeoutMs = connectMs;
        m_answerTimeoutMs = answerMs;
    }
    QString serverPath() const { return m_serverPath; }

    // The socket for this user and this data folder (the progress store's folder).
    static QString defaultServerPath();

signals:
    // A later start asked to come forward and, when `lesson` is not empty, to open it.
    // `activationToken` is the desktop's token for that start (Wayland/X11), or empty.
    void activationRequested(const QString &lesson, const QString &activationToken);

private:
    Role forward(QLocalSocket &socket, const QString &lesson, QString *error);
    bool listen(QString *error);
    void acceptConnections();
    void readRequest(QLocalSocket *socket);

    QString m_serverPath;
    QLocalServer *m_server = nullptr;
    int m_timeoutMs = 5000;
    int m_answerTimeoutMs = 30000;
};

} // namespace dblearn

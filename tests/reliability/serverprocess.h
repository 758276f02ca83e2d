#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace dblearn::test {

// A database server process seen from outside, to kill it with SIGKILL and start it again as it
// was: the same program, arguments and user (servers refuse to run as root, so as root it is
// started through runuser as the account that owned the killed process).
class ServerProcess final
{
public:
    explicit ServerProcess(qint64 pid);

    bool isValid() const { return !m_program.isEmpty(); }
    qint64 pid() const { return m_pid; }
    QString userName() const { return m_user; }

    static bool isAlive(qint64 pid);
    static QList<qint64> children(qint64 parent);
    // SIGKILL, then waits (bounded) until the process is gone. Returns false if it is still there.
    static bool killHard(qint64 pid, int waitMs = 10000);

    // Starts the same command line again, detached, its output going to `logFile`; returns the new
    // pid (of runuser, when started through it) or -1 with `error`.
    qint64 restart(const QString &logFile, QString *error) const;

private:
    qint64 m_pid = -1;
    QString m_program;
    QStringList m_arguments;
    QString m_user;
    uint m_uid = 0;
};

} // namespace dblearn::test

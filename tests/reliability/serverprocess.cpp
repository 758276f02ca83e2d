#include "reliability/serverprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

namespace dblearn::test {

ServerProcess::ServerProcess(qint64 pid) : m_pid(pid)
{
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return;
    QByteArrayList parts = cmdline.readAll().split('\0');
    while (!parts.isEmpty() && parts.last().isEmpty())
        parts.removeLast();
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (parts.isEmpty() || !status.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("Uid:"))
            m_uid = line.mid(4).simplified().split(' ').value(0).toUInt();
    }
    if (const passwd *pw = ::getpwuid(m_uid))
        m_user = QString::fromLocal8Bit(pw->pw_name);
    m_program = QFile::decodeName(parts.takeFirst());
    for (const QByteArray &p : parts)
        m_arguments << QFile::decodeName(p);
}

bool ServerProcess::isAlive(qint64 pid)
{
    // A zombie (killed, not yet reaped by its parent) counts as gone.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.mid(close + 2, 1) != "Z";
}

QList<qint64> ServerProcess::children(qint64 parent)
{
    QList<qint64> list;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        // After "pid (comm) ": state, then the parent's pid.
        const QByteArrayList fields = text.mid(close + 2).split(' ');
        if (fields.size() > 1 && fields[1].toLongLong() == parent)
            list << pid;
    }
    return list;
}

bool ServerProcess::killHard(qint64 pid, int waitMs)
{
    if (pid <= 1)
        return false;
    ::kill(pid_t(pid), SIGKILL);
    QElapsedTimer timer;
    timer.start();
    while (isAlive(pid) && timer.elapsed() < waitMs)
        QThread::msleep(20);
    return !isAlive(pid);
}

qint64 ServerProcess::restart(const QString &logFile, QString *error) const
{
    QString program = m_program;
    QStringList arguments = m_arguments;
    if (::geteuid() != m_uid) {
        arguments = QStringList{QStringLiteral("-u"), m_user, QStringLiteral("--"), program} + arguments;
        program = QStringLiteral("runuser");
    }
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setStandardOutputFile(logFile, QIODevice::Append);
    process.setStandardErrorFile(logFile, QIODevice::Append);
    qint64 pid = -1;
    if (!process.startDetached(&pid)) {
        *error = QStringLiteral("cannot start %1: %2").arg(program, process.errorString());
        return -1;
    }
    return pid;
}

} // namespace dblearn::test

#include "reliability/scratchfilesystem.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

namespace dblearn::test {

namespace {

bool s_available = false;

QString systemError(const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
}

bool writeProcFile(const char *path, const QByteArray &text)
{
    const int fd = ::open(path, O_WRONLY);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size();
    ::close(fd);
    return ok;
}

} // namespace

bool ScratchFileSystem::enterPrivateMountNamespace(QString *how)
{
    const uid_t uid = ::geteuid();
    const gid_t gid = ::getegid();
    if (uid == 0 && ::unshare(CLONE_NEWNS) == 0) {
        *how = QStringLiteral("root: a private mount namespace");
    } else if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) == 0) {
        // Map ourselves to root inside the new user namespace, which may then mount a tmpfs.
        writeProcFile("/proc/self/setgroups", "deny");
        if (!writeProcFile("/proc/self/uid_map", QByteArray("0 ") + QByteArray::number(uid) + " 1")
            || !writeProcFile("/proc/self/gid_map", QByteArray("0 ") + QByteArray::number(gid) + " 1")) {
            *how = systemError("cannot map the user into a new user namespace");
            return false;
        }
        *how = QStringLiteral("unprivileged: a user and mount namespace");
    } else {
        *how = systemError("neither a mount namespace (as root) nor a user namespace could be created");
        return false;
    }
    // Our mounts must not propagate back to the parent namespace.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        *how = systemError("cannot make the mounts private");
        return false;
    }
    s_available = true;
    return true;
}

bool ScratchFileSystem::isAvailable()
{
    return s_available;
}

ScratchFileSystem::ScratchFileSystem(const QString &mountPoint) : m_mountPoint(mountPoint) {}

ScratchFileSystem::~ScratchFileSystem()
{
    if (m_mounted)
        ::umount2(QFile::encodeName(m_mountPoint).constData(), MNT_DETACH);
}

bool ScratchFileSystem::mount(qint64 sizeBytes, QString *error)
{
    m_size = sizeBytes;
    const QByteArray options = "size=" + QByteArray::number(sizeBytes) + ",mode=0755";
    if (::mount("dblearn-faults", QFile::encodeName(m_mountPoint).constData(), "tmpfs", 0, options.constData()) != 0) {
        *error = systemError("mount -t tmpfs");
        return false;
    }
    m_mounted = true;
    return true;
}

bool ScratchFileSystem::remount(bool readOnly, QString *error)
{
    const QByteArray options = "size=" + QByteArray::number(m_size) + ",mode=0755";
    const unsigned long flags = MS_REMOUNT | (readOnly ? MS_RDONLY : 0);
    if (::mount("dblearn-faults", QFile::encodeName(m_mountPoint).constData(), "tmpfs", flags, options.constData()) != 0) {
        *error = systemError(readOnly ? "mount -o remount,ro" : "mount -o remount,rw");
        return false;
    }
    return true;
}

bool ScratchFileSystem::remountReadOnly(QString *error)
{
    return remount(true, error);
}

bool ScratchFileSystem::remountWritable(QString *error)
{
    return remount(false, error);
}

qint64 ScratchFileSystem::fill(const QString &name, QString *error) const
{
    const QByteArray path = QFile::encodeName(m_mountPoint + QLatin1Char('/') + name);
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        *error = systemError("cannot create the filler file");
        return -1;
    }
    const QByteArray block(4096, 'x');
    qint64 written = 0;
    for (;;) {
        // Whole blocks, then single bytes: the last partial block is used up too.
        const ssize_t n = ::write(fd, block.constData(), size_t(block.size()));
        if (n > 0) {
            written += n;
            continue;
        }
        if (errno != ENOSPC) {
            *error = systemError("filling the disk");
            ::close(fd);
            return -1;
        }
        break;
    }
    while (::write(fd, "x", 1) == 1)
        ++written;
    ::close(fd);
    return written;
}

} // namespace dblearn::test

#pragma once

#include <QString>

namespace dblearn::test {

// A small file system of the test's own: a tmpfs of a given size mounted on an empty folder, in a
// private mount namespace so nothing outside the test process sees it. As root (CI containers) the
// process unshares its mount namespace; otherwise it first enters a user namespace where it is root
// (unprivileged user namespaces, as `unshare -rm` does). Either way the mount disappears with the
// process, even after a crash.
class ScratchFileSystem final
{
public:
    // Must run before the process starts any thread (first thing in main()). Returns false, with
    // the reason, where neither way is allowed (no CAP_SYS_ADMIN, user namespaces disabled).
    static bool enterPrivateMountNamespace(QString *how);
    static bool isAvailable();

    explicit ScratchFileSystem(const QString &mountPoint);
    ~ScratchFileSystem();
    Q_DISABLE_COPY_MOVE(ScratchFileSystem)

    bool mount(qint64 sizeBytes, QString *error);
    bool remountReadOnly(QString *error);
    bool remountWritable(QString *error);
    // Fills the file system with a file named `name` until the kernel says ENOSPC; returns the
    // bytes written. The disk is then full to the last block.
    qint64 fill(const QString &name, QString *error) const;
    QString path() const { return m_mountPoint; }

private:
    bool remount(bool readOnly, QString *error);

    QString m_mountPoint;
    qint64 m_size = 0;
    bool m_mounted = false;
};

} // namespace dblearn::test

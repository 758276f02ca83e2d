#include "blockedrequestlog.h"

#include <QLoggingCategory>
#include <QMutexLocker>

namespace dblearn {

namespace {
Q_LOGGING_CATEGORY(lcBlocked, "dblearn.lessons.network", QtWarningMsg)
}

QString BlockedAttempt::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Request:
        return QStringLiteral("request");
    case Kind::Navigation:
        return QStringLiteral("navigation");
    case Kind::ContentSecurityPolicy:
        return QStringLiteral("content security policy");
    }
    return QString();
}

BlockedRequestLog::BlockedRequestLog(int capacity) : m_capacity(qMax(1, capacity)) {}

void BlockedRequestLog::record(BlockedAttempt::Kind kind, const QUrl &url, const QString &detail)
{
    // The query and user info may carry whatever a hostile page tried to send out: keep them out
    // of the log, which may end up in a bug report.
    const QUrl shown = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    qCInfo(lcBlocked).noquote() << "blocked" << BlockedAttempt::kindName(kind) << shown.toDisplayString() << detail;
    QMutexLocker lock(&m_mutex);
    if (m_entries.size() >= m_capacity)
        m_entries.removeFirst();
    m_entries.append(BlockedAttempt{kind, shown, detail, QDateTime::currentDateTimeUtc()});
    ++m_total;
}

QList<BlockedAttempt> BlockedRequestLog::entries() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries;
}

qint64 BlockedRequestLog::total() const
{
    QMutexLocker lock(&m_mutex);
    return m_total;
}

void BlockedRequestLog::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

} // namespace dblearn

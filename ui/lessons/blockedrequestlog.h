#pragma once

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>
#include <QUrl>

namespace dblearn {

// What the lesson page tried and was not allowed: a request the interceptor blocked, a navigation
// the page refused, or a load the page's Content Security Policy stopped before any request.
struct BlockedAttempt {
    enum class Kind { Request, Navigation, ContentSecurityPolicy };

    Kind kind = Kind::Request;
    QUrl url;           // user info and query removed; empty when the engine did not say
    QString detail;     // the resource type ("image", "fetch/xhr"…), navigation type, or CSP message
    QDateTime when;

    static QString kindName(Kind kind);
};

// A bounded, in-memory record of blocked attempts, newest last, that tests and the app can read.
// Each record is also written to the "dblearn.lessons.network" logging category (info level;
// QT_LOGGING_RULES="dblearn.lessons.network.info=true" shows it).
// Thread-safe: the engine may call the interceptor on a thread of its own.
class BlockedRequestLog final
{
public:
    explicit BlockedRequestLog(int capacity = 256);
    Q_DISABLE_COPY_MOVE(BlockedRequestLog)

    void record(BlockedAttempt::Kind kind, const QUrl &url, const QString &detail);

    QList<BlockedAttempt> entries() const;
    // Attempts recorded since the start, including those the bounded log has dropped.
    qint64 total() const;
    int capacity() const { return m_capacity; }
    void clear();

private:
    mutable QMutex m_mutex;
    QList<BlockedAttempt> m_entries;
    qint64 m_total = 0;
    int m_capacity = 256;
};

} // namespace dblearn

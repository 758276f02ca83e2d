// The lesson view's log of blocked attempts: bounded, newest last, counts what it dropped, and
// keeps queries and passwords (what a hostile page may try to send out) out of its records.

#include "lessons/blockedrequestlog.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace dblearn;

class BlockedRequestLogTest final : public QObject
{
    Q_OBJECT
private slots:
    void keepsTheNewestWithinItsCapacity()
    {
        BlockedRequestLog log(3);
        for (int i = 0; i < 5; ++i)
            log.record(BlockedAttempt::Kind::Request, QUrl(QStringLiteral("http://127.0.0.1/%1").arg(i)),
                       QStringLiteral("image"));
        QCOMPARE(log.total(), qint64(5));
        const QList<BlockedAttempt> entries = log.entries();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.first().url.path(), QStringLiteral("/2"));
        QCOMPARE(entries.last().url.path(), QStringLiteral("/4"));
        QCOMPARE(entries.last().detail, QStringLiteral("image"));
        QVERIFY(entries.last().when.isValid());
        log.clear();
        QVERIFY(log.entries().isEmpty());
        QCOMPARE(log.total(), qint64(5));
    }

    void dropsQueryAndUserInfo()
    {
        BlockedRequestLog log;
        log.record(BlockedAttempt::Kind::Navigation,
                   QUrl(QStringLiteral("https://user:secret@example.com/steal?token=abc#x")), QStringLiteral("page"));
        const QString shown = log.entries().first().url.toString();
        QVERIFY2(!shown.contains(QLatin1String("secret")) && !shown.contains(QLatin1String("token")), qPrintable(shown));
        QVERIFY(shown.startsWith(QLatin1String("https://example.com/steal")));
        QCOMPARE(BlockedAttempt::kindName(BlockedAttempt::Kind::ContentSecurityPolicy),
                 QStringLiteral("content security policy"));
    }

    void capacityIsAtLeastOne()
    {
        BlockedRequestLog log(0);
        log.record(BlockedAttempt::Kind::Request, QUrl(QStringLiteral("ws://127.0.0.1:1/")), QString());
        QCOMPARE(log.entries().size(), 1);
    }

    void recordsFromManyThreads()
    {
        BlockedRequestLog log(100);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&log] {
                for (int i = 0; i < 1000; ++i)
                    log.record(BlockedAttempt::Kind::Request, QUrl(QStringLiteral("http://127.0.0.1/")), QString());
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(log.total(), qint64(4000));
        QCOMPARE(log.entries().size(), 100);
    }
};

QTEST_GUILESS_MAIN(BlockedRequestLogTest)
#include "tst_blockedrequestlog.moc"

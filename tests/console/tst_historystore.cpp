#include "console/historystore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace dblearn;

class HistoryStoreTest final : public QObject
{
    Q_OBJECT
private slots:
    void persistsAndSearches()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/history.jsonl"));
        {
            HistoryStore store(path);
            QVERIFY(store.load());
            QVERIFY(store.append({QDateTime::currentDateTime(), QStringLiteral("shop · sqlite"),
                                  QStringLiteral("SELECT * FROM orders"), 12, true, QStringLiteral("42 rows")}));
            QVERIFY(store.append({QDateTime::currentDateTime(), QStringLiteral("shop · sqlite"),
                                  QStringLiteral("SELEC oops"), 1, false, QStringLiteral("near \"SELEC\": syntax error")}));
        }
        HistoryStore store(path);
        QVERIFY(store.load());
        QCOMPARE(store.entries().size(), 2);
        QCOMPARE(store.entries()[0].durationMs, 12);
        QVERIFY(!store.entries()[1].ok);
        QCOMPARE(store.search(QStringLiteral("orders")).size(), 1);
        QCOMPARE(store.search(QStringLiteral("syntax")).size(), 1); // outcome text counts too
        QCOMPARE(store.search(QStringLiteral("select ORDERS")).size(), 1); // every word, any case
        QCOMPARE(store.search(QString()).first().sql, QStringLiteral("SELEC oops")); // newest first
    }

    void damagedLineCostsOnlyItself()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"sql\": \"SELECT 1\", \"ok\": true}\n{\"sql\": \"SELE\n{\"sql\": \"SELECT 2\"}\n");
        file.close();
        HistoryStore store(path);
        QVERIFY(store.load());
        QCOMPARE(store.entries().size(), 2);
    }

    void keepsAtMostMaxEntries()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.jsonl"));
        HistoryStore store(path, 10);
        for (int i = 0; i < 25; ++i)
            QVERIFY(store.append({QDateTime::currentDateTime(), {}, QStringLiteral("SELECT %1").arg(i), 0, true, {}}));
        HistoryStore reread(path, 10);
        QVERIFY(reread.load());
        QCOMPARE(reread.entries().size(), 10);
        QCOMPARE(reread.entries().last().sql, QStringLiteral("SELECT 24"));
    }
};

QTEST_GUILESS_MAIN(HistoryStoreTest)
#include "tst_historystore.moc"

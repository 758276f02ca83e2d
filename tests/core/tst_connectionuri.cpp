#include "backends/connectionuri.h"

#include <QTest>

using namespace dblearn;

class ConnectionUriTest final : public QObject
{
    Q_OBJECT
private slots:
    void sqliteMemory()
    {
        QString error;
        const ConnectionUri uri = ConnectionUri::parse(QStringLiteral("sqlite::memory:"), &error);
        QVERIFY2(uri.isValid(), qPrintable(error));
        QCOMPARE(uri.scheme(), QStringLiteral("sqlite"));
        QVERIFY(uri.isInMemory());
        QCOMPARE(uri.displayString(), QStringLiteral("sqlite::memory:"));
    }

    void sqliteFile()
    {
        QString error;
        const ConnectionUri uri = ConnectionUri::parse(QStringLiteral("sqlite:///tmp/some%20dir/shop.db"), &error);
        QVERIFY2(uri.isValid(), qPrintable(error));
        QVERIFY(!uri.isInMemory());
        QCOMPARE(uri.path(), QStringLiteral("/tmp/some dir/shop.db"));
    }

    void sqliteFileWithParameters()
    {
        QString error;
        const ConnectionUri uri = ConnectionUri::parse(QStringLiteral("sqlite:///data/x.db?mode=ro"), &error);
        QVERIFY2(uri.isValid(), qPrintable(error));
        QCOMPARE(uri.path(), QStringLiteral("/data/x.db"));
        QCOMPARE(uri.parameter(QStringLiteral("mode")), QStringLiteral("ro"));
    }

    void postgres()
    {
        QString error;
        const ConnectionUri uri =
            ConnectionUri::parse(QStringLiteral("postgres://learner:s%40cret@127.0.0.1:5433/shop?sslmode=disable"), &error);
        QVERIFY2(uri.isValid(), qPrintable(error));
        QCOMPARE(uri.scheme(), QStringLiteral("postgresql"));
        QCOMPARE(uri.user(), QStringLiteral("learner"));
        QCOMPARE(uri.password(), QStringLiteral("s@cret"));
        QCOMPARE(uri.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(uri.port(), 5433);
        QCOMPARE(uri.database(), QStringLiteral("shop"));
        QCOMPARE(uri.parameter(QStringLiteral("sslmode")), QStringLiteral("disable"));
        QVERIFY(!uri.displayString().contains(QStringLiteral("cret"))); // never shows the password
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << QStringLiteral("malformed");
        QTest::newRow("no scheme") << QStringLiteral("just-a-file.db") << QStringLiteral("malformed");
        QTest::newRow("relative sqlite") << QStringLiteral("sqlite:shop.db") << QStringLiteral("sqlite::memory:");
        QTest::newRow("relative sqlite 2") << QStringLiteral("sqlite://shop.db") << QStringLiteral("malformed");
        QTest::newRow("sqlite root only") << QStringLiteral("sqlite:///") << QStringLiteral("absolute");
        QTest::newRow("unknown scheme") << QStringLiteral("oracle://x/y") << QStringLiteral("unknown connection scheme");
        QTest::newRow("postgres without slashes") << QStringLiteral("postgresql:shop") << QStringLiteral("malformed");
    }

    void malformed()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QString error;
        const ConnectionUri uri = ConnectionUri::parse(text, &error);
        QVERIFY(!uri.isValid());
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(ConnectionUriTest)
#include "tst_connectionuri.moc"

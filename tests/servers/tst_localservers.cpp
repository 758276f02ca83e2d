// "Start a local PostgreSQL / MariaDB": the application's own server instances, created, started,
// used through the backend plugins, reset and stopped, in a temporary folder.

#include "backends/backendregistry.h"
#include "backends/databasebackend.h"
#include "servers/localservers.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

#include <unistd.h>

using namespace dblearn;

class LocalServersTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/dblearn-local-servers-XXXXXX")};
    BackendRegistry m_registry;

    QString scalar(const QString &engine, const QString &uriText, const QString &sql)
    {
        QString error;
        auto connection = m_registry.createConnection(engine, &error);
        if (!connection)
            return QStringLiteral("no plugin: ") + error;
        QueryError queryError;
        if (!connection->open(ConnectionUri::parse(uriText, &error), &queryError))
            return QStringLiteral("open failed: ") + queryError.message;
        const StatementStatus status = connection->execute(sql);
        if (!status.ok)
            return QStringLiteral("failed: ") + status.error.message;
        RowBatch batch(int(connection->columns().size()));
        bool atEnd = false;
        connection->fetch(batch, 10, &atEnd, &queryError);
        return batch.rowCount() ? batch.textAt(0, 0) : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // As root the servers run as their service accounts, which must pass through this folder.
        if (geteuid() == 0)
            QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup
                                                    | QFile::ExeOther);
        m_registry.scan();
    }

    void startsUsesResetsAndStops_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
        QTest::newRow("mariadb") << QStringLiteral("mariadb");
    }
    void startsUsesResetsAndStops()
    {
        QFETCH(QString, engine);
        LocalServers servers(m_dir.path());
        LocalServer *server = servers.find(engine);
        QVERIFY(server);
        if (server->state() == LocalServer::State::NotInstalled)
            QFAIL(qPrintable(server->stateText())); // the test command installs both servers
        QCOMPARE(server->state(), LocalServer::State::NotCreated);
        QVERIFY(server->connectionUri().isEmpty());

        QString error;
        // A failed check returns early: the server still stops, and does not outlive the test.
        const auto stopServer = qScopeGuard([server] {
            QString ignored;
            server->stop(&ignored);
        });
        QVERIFY2(server->start(&error), qPrintable(error));
        servers.noteStarted(server);
        QCOMPARE(server->state(), LocalServer::State::Running);
        const QString uri = server->connectionUri();
        QVERIFY(uri.contains(QLatin1String("@127.0.0.1:")));
        QCOMPARE(scalar(engine, uri, QStringLiteral("SELECT 40 + 2")), QStringLiteral("42"));

        // The password is generated and kept in a file only the user can read.
        const QString passwordFile = m_dir.path() + QLatin1Char('/') + engine + QStringLiteral(".password");
        QVERIFY(QFile::exists(passwordFile));
        QCOMPARE(QFile::permissions(passwordFile) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

        // Reset drops what the learner made.
        QCOMPARE(scalar(engine, uri, QStringLiteral("CREATE TABLE made_by_learner (x INT)")), QString());
        QVERIFY2(server->reset(&error), qPrintable(error));
        QVERIFY(scalar(engine, uri, QStringLiteral("SELECT count(*) FROM made_by_learner")).startsWith(QLatin1String("failed")));

        servers.stopStarted();
        QCOMPARE(server->state(), LocalServer::State::Stopped);
        QVERIFY(server->connectionUri().isEmpty());

        // A second start reuses the instance (no new password, a new port is fine).
        QVERIFY2(server->start(&error), qPrintable(error));
        QCOMPARE(scalar(engine, server->connectionUri(), QStringLiteral("SELECT 7")), QStringLiteral("7"));
        QVERIFY(server->stop(&error));
    }
};

QTEST_GUILESS_MAIN(LocalServersTest)
#include "tst_localservers.moc"

// Database servers killed mid-query, and cancel storms. The servers are this test's own (started
// with tests/servers/testservers, not the suite's shared ones, which other tests use in parallel):
// - PostgreSQL: the backend running a long query is killed with SIGKILL (the postmaster then
//   restarts every session), and later the whole server (postmaster and children) is killed and
//   started again; MariaDB: the server is killed with SIGKILL and started again. Each time the
//   statement fails with a message, and the same connection object works again afterwards.
// - Cancel storms, 1,000 per backend (PostgreSQL, MariaDB, SQLite): cancel at 0 ms, mid-query and
//   after the end; after each one the next statement on the connection gives the right answer.
// Every wait is bounded: a watchdog cancels anything that runs past its deadline and fails the test.

#include "reliability/serverprocess.h"

#include "backends/backendregistry.h"
#include "backends/databasebackend.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace dblearn;

namespace {

constexpr int StormSize = 1000;
constexpr int KillRounds = 3;

// Runs `work` with a deadline: past it, the connection is cancelled (again and again) and the
// overrun is reported, so a hang becomes a failure instead of a stuck test.
class Watchdog final
{
public:
    Watchdog(DatabaseConnection *connection, int deadlineMs) : m_connection(connection), m_deadlineMs(deadlineMs)
    {
        m_thread = std::thread([this] {
            std::unique_lock<std::mutex> lock(m_mutex);
            while (!m_done) {
                if (m_wake.wait_for(lock, std::chrono::milliseconds(m_deadlineMs)) == std::cv_status::timeout && !m_done) {
                    m_overran = true;
                    m_connection->cancel();
                }
            }
        });
    }
    ~Watchdog()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    bool overran() const { return m_overran; }

private:
    DatabaseConnection *m_connection;
    int m_deadlineMs;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::atomic<bool> m_overran{false};
};

// Runs one statement to its end; the cells of its rows, or the error.
QList<QStringList> rows(DatabaseConnection &c, const QString &sql, QueryError *error, QStringList *messages = nullptr)
{
    QList<QStringList> out;
    const StatementStatus status = c.execute(sql);
    if (messages)
        *messages = status.messages;
    if (!status.ok) {
        *error = status.error;
        return out;
    }
    *error = QueryError();
    if (!status.hasRows)
        return out;
    const ColumnList columns = c.columns();
    bool atEnd = false;
    while (!atEnd) {
        RowBatch batch(columns.size());
        if (!c.fetch(batch, 1000, &atEnd, error))
            return out;
        for (int r = 0; r < batch.rowCount(); ++r) {
            QStringList row;
            for (int col = 0; col < columns.size(); ++col)
                row << (batch.isNull(r, col) ? QStringLiteral("NULL") : batch.textAt(r, col));
            out << row;
        }
    }
    return out;
}

QString envValue(const QString &file, const QString &name)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(QByteArray(name.toUtf8() + '=')))
            return QString::fromUtf8(line.mid(name.size() + 1));
    }
    return {};
}

qint64 pidFromFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readLine().trimmed().toLongLong() : -1;
}

} // namespace

class ServerKillTest final : public QObject
{
    Q_OBJECT

private:
    BackendRegistry m_registry;
    QTemporaryDir m_dir;
    QString m_envFile;
    QString m_serversDir;
    QString m_postgresUri;
    QString m_mariadbUri;
    int m_kills = 0;
    int m_restarts = 0;
    int m_cancels = 0;
    int m_reconnects = 0;

    // The end of a server log, for a failure message.
    QString tail(const QString &relativePath) const
    {
        QFile log(m_serversDir + relativePath);
        if (!log.open(QIODevice::ReadOnly))
            return {};
        const QByteArray text = log.readAll();
        return QStringLiteral("\n--- end of %1:\n").arg(relativePath) + QString::fromLocal8Bit(text.right(1500));
    }

    std::unique_ptr<DatabaseConnection> connect(const QString &backend, const QString &uriText)
    {
        QString error;
        auto connection = m_registry.createConnection(backend, &error);
        if (!connection) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        const ConnectionUri uri = ConnectionUri::parse(uriText, &error);
        QueryError openError;
        if (!connection->open(uri, &openError)) {
            qWarning("%s", qPrintable(openError.message));
            return nullptr;
        }
        return connection;
    }

    // The same connection object, after its server went away: the next statements fail with a
    // message until the server is back, then one re-establishes the session. Bounded by `waitMs`.
    bool worksAgain(DatabaseConnection &c, int waitMs, QString *why)
    {
        QElapsedTimer timer;
        timer.start();
        QueryError error;
        QStringList messages;
        int attempts = 0;
        while (timer.elapsed() < waitMs) {
            ++attempts;
            const QList<QStringList> result = rows(c, QStringLiteral("SELECT 42"), &error, &messages);
            if (!error.isError()) {
                if (result != QList<QStringList>{{QStringLiteral("42")}}) {
                    *why = QStringLiteral("wrong answer after the restart");
                    return false;
                }
                ++m_reconnects;
                qInfo("working again after %lld ms (%d attempts): %s", timer.elapsed(), attempts,
                      qPrintable(messages.join(QLatin1Char(' '))));
                return true;
            }
            if (error.message.isEmpty()) {
                *why = QStringLiteral("a failed statement without a message");
                return false;
            }
            QThread::msleep(200);
        }
        *why = QStringLiteral("still failing after %1 ms: %2").arg(waitMs).arg(error.message);
        return false;
    }

    // Runs an endless statement on `c` and, 300 ms in, calls `kill`; the statement must fail with a
    // message within the deadline.
    template<typename Kill>
    void killMidQuery(DatabaseConnection &c, const QString &endless, Kill kill)
    {
        std::atomic<bool> killed{false};
        std::thread killer([&] {
            QThread::msleep(300);
            killed = kill();
        });
        QueryError error;
        {
            Watchdog watchdog(&c, 20000);
            rows(c, endless, &error);
            QVERIFY2(!watchdog.overran(), "the statement did not end when its server was killed");
        }
        killer.join();
        QVERIFY2(killed, "the kill failed");
        ++m_kills;
        QVERIFY2(error.isError(), "the statement succeeded although its server was killed");
        QVERIFY(!error.message.isEmpty());
        qInfo("statement ended: %s: %s", qPrintable(queryErrorKindName(error.kind)), qPrintable(error.message));
    }

    // 1,000 cancels on one connection, a third each at 0 ms, mid-query and after the end; after
    // each, a statement whose answer is checked.
    void cancelStorm(DatabaseConnection &c, const QString &shortQuery)
    {
        int cancelledMidQuery = 0, completedAnyway = 0;
        for (int i = 0; i < StormSize; ++i) {
            const int mode = i % 3;
            QueryError error;
            {
                Watchdog watchdog(&c, 10000);
                if (mode == 2) {
                    rows(c, shortQuery, &error);
                    QVERIFY2(!error.isError(), qPrintable(error.message));
                    c.cancel(); // after the end: nothing to cancel
                } else {
                    const int delayMs = mode == 0 ? 0 : 1 + int(QRandomGenerator::global()->bounded(25));
                    std::thread canceller([&] {
                        if (delayMs > 0)
                            QThread::msleep(delayMs);
                        c.cancel();
                    });
                    rows(c, shortQuery, &error);
                    canceller.join();
                    if (error.isError()) {
                        ++cancelledMidQuery;
                        QVERIFY2(error.kind == QueryError::Kind::Cancelled,
                                 qPrintable(QStringLiteral("cancel %1: %2: %3").arg(i).arg(queryErrorKindName(error.kind), error.message)));
                    } else {
                        ++completedAnyway;
                    }
                }
                ++m_cancels;
                // The connection answers the next statement, and with the right value.
                const QList<QStringList> answer = rows(c, QStringLiteral("SELECT %1").arg(i), &error);
                QVERIFY2(!error.isError(), qPrintable(QStringLiteral("after cancel %1 (%2): %3")
                                                          .arg(i)
                                                          .arg(QLatin1String(mode == 0 ? "at 0 ms" : mode == 1 ? "mid-query" : "after the end"),
                                                               error.message)));
                QCOMPARE(answer, (QList<QStringList>{{QString::number(i)}}));
                QVERIFY2(!watchdog.overran(), qPrintable(QStringLiteral("cancel %1 hung").arg(i)));
            }
        }
        qInfo("%d cancels: %d statements ended by the cancel, %d completed before it landed; every following "
              "statement answered correctly", StormSize, cancelledMidQuery, completedAnyway);
    }

private slots:
    void initTestCase()
    {
        m_registry.scan();
        for (const char *id : {"postgresql", "mariadb", "sqlite"})
            QVERIFY2(m_registry.isLoaded(QLatin1String(id)), id);
        QVERIFY(m_dir.isValid());
        // Next to the test program, not in a temporary folder: if a run is killed before it stops its
        // servers, the next run's "testservers start" finds the file and stops them first.
        m_envFile = QCoreApplication::applicationDirPath() + QStringLiteral("/tst_serverkill-servers.env");
        QProcess start;
        start.setProcessChannelMode(QProcess::ForwardedChannels);
        start.start(QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/servers/testservers"), {QStringLiteral("start"), m_envFile});
        QVERIFY2(start.waitForFinished(180000) && start.exitCode() == 0, "testservers start failed");
        m_serversDir = envValue(m_envFile, QStringLiteral("DBLEARN_TEST_SERVERS_DIR"));
        m_postgresUri = envValue(m_envFile, QStringLiteral("DBLEARN_TEST_POSTGRESQL_URI"));
        m_mariadbUri = envValue(m_envFile, QStringLiteral("DBLEARN_TEST_MARIADB_URI"));
        QVERIFY(!m_serversDir.isEmpty() && !m_postgresUri.isEmpty() && !m_mariadbUri.isEmpty());
    }

    void cleanupTestCase()
    {
        if (!m_envFile.isEmpty()) {
            QProcess stop;
            stop.start(QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/servers/testservers"), {QStringLiteral("stop"), m_envFile});
            stop.waitForFinished(60000);
        }
        qInfo("faults injected: %d servers or backends killed with SIGKILL mid-query, %d server restarts, "
              "%d cancels; %d reconnects worked", m_kills, m_restarts, m_cancels, m_reconnects);
    }

    void postgresBackendKilledMidQuery()
    {
        auto victim = connect(QStringLiteral("postgresql"), m_postgresUri);
        QVERIFY(victim);
        for (int round = 0; round < KillRounds; ++round) {
            QueryError error;
            const qint64 pid = rows(*victim, QStringLiteral("SELECT pg_backend_pid()"), &error).value(0).value(0).toLongLong();
            QVERIFY2(pid > 0, qPrintable(error.message));
            killMidQuery(*victim, QStringLiteral("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"),
                         [pid] { return test::ServerProcess::killHard(pid); });
            QString why;
            QVERIFY2(worksAgain(*victim, 30000, &why), qPrintable(why));
        }
    }

    void postgresServerKilledAndRestarted()
    {
        auto victim = connect(QStringLiteral("postgresql"), m_postgresUri);
        QVERIFY(victim);
        const QString pidFile = m_serversDir + QStringLiteral("/pg/data/postmaster.pid");
        for (int round = 0; round < KillRounds; ++round) {
            const qint64 postmaster = pidFromFile(pidFile);
            const test::ServerProcess server(postmaster);
            QVERIFY2(server.isValid(), qPrintable(QStringLiteral("no postmaster at pid %1").arg(postmaster)));
            killMidQuery(*victim, QStringLiteral("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"),
                         [postmaster] {
                             // The postmaster first, then its children (a backend busy in a query
                             // would not notice its parent's death for a while).
                             const QList<qint64> children = test::ServerProcess::children(postmaster);
                             bool ok = test::ServerProcess::killHard(postmaster);
                             for (qint64 child : children)
                                 ok = test::ServerProcess::killHard(child) && ok;
                             return ok;
                         });
            // Nothing is left of the old server; its stale pid file would make the new one wait for a
            // process that a container's init may never reap.
            // The same for the unix socket's lock file, which names the dead postmaster too.
            QFile::remove(pidFile);
            const QDir socketDir(m_serversDir + QStringLiteral("/pg"));
            for (const QString &lock : socketDir.entryList({QStringLiteral(".s.PGSQL.*.lock")}, QDir::Files | QDir::Hidden))
                QFile::remove(socketDir.filePath(lock));
            QString error;
            QVERIFY2(server.restart(m_serversDir + QStringLiteral("/pg-restarts.log"), &error) > 0, qPrintable(error));
            ++m_restarts;
            QString why;
            QVERIFY2(worksAgain(*victim, 60000, &why), qPrintable(why + tail(QStringLiteral("/pg-restarts.log"))));
        }
    }

    void mariadbServerKilledAndRestarted()
    {
        auto victim = connect(QStringLiteral("mariadb"), m_mariadbUri);
        QVERIFY(victim);
        const QString pidFile = m_serversDir + QStringLiteral("/mariadb/mariadb.pid");
        for (int round = 0; round < KillRounds; ++round) {
            const qint64 pid = pidFromFile(pidFile);
            const test::ServerProcess server(pid);
            QVERIFY2(server.isValid(), qPrintable(QStringLiteral("no mariadbd at pid %1").arg(pid)));
            killMidQuery(*victim, QStringLiteral("SELECT count(*) FROM seq_1_to_100000 a, seq_1_to_100000 b WHERE a.seq + b.seq > 0"),
                         [pid] { return test::ServerProcess::killHard(pid); });
            QFile::remove(pidFile);
            QFile::remove(m_serversDir + QStringLiteral("/mariadb/mariadb.sock"));
            QString error;
            QVERIFY2(server.restart(m_serversDir + QStringLiteral("/mariadb-restarts.log"), &error) > 0, qPrintable(error));
            ++m_restarts;
            QString why;
            QVERIFY2(worksAgain(*victim, 60000, &why), qPrintable(why + tail(QStringLiteral("/mariadb/server.log"))));
        }
    }

    void cancelStormPostgres()
    {
        auto c = connect(QStringLiteral("postgresql"), m_postgresUri);
        QVERIFY(c);
        cancelStorm(*c, QStringLiteral("SELECT pg_sleep(0.02)"));
    }

    void cancelStormMariadb()
    {
        auto c = connect(QStringLiteral("mariadb"), m_mariadbUri);
        QVERIFY(c);
        // Not SLEEP(): interrupted, it returns 1 instead of failing; a short counting join does fail.
        cancelStorm(*c, QStringLiteral("SELECT count(*) FROM seq_1_to_1000 a, seq_1_to_1000 b WHERE a.seq + b.seq > 0"));
    }

    void cancelStormSqlite()
    {
        auto c = connect(QStringLiteral("sqlite"), QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("storm.db")));
        QVERIFY(c);
        cancelStorm(*c, QStringLiteral("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 300000) "
                                       "SELECT count(*) FROM r"));
    }
};

int main(int argc, char **argv)
{
    // 3,000 statements per storm on a loaded CI machine can pass QtTest's 5-minute limit per
    // function; CTest's timeout (900 s) still bounds the whole run.
    if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "840000");
    QCoreApplication app(argc, argv);
    ServerKillTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_serverkill.moc"

// One DB Learn per user: the SingleInstance class on real local sockets, and the real dblearn
// executable started twice.

#include "shell/singleinstance.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <memory>

using namespace dblearn;

namespace {

struct StartResult
{
    SingleInstance::Role role = SingleInstance::Role::Unguarded;
    QString error;
};

// A later start runs in its own thread, as it would in its own process: it blocks until the
// primary, served by this thread's event loop, answers.
std::unique_ptr<QThread> startInThread(const QString &path, const QString &lesson, StartResult *result)
{
    std::unique_ptr<QThread> thread(QThread::create([path, lesson, result] {
        SingleInstance later(path);
        result->role = later.start(lesson, &result->error);
    }));
    thread->start();
    return thread;
}

// A socket file with nobody listening, as a crashed instance leaves it.
bool makeStaleSocket(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    if (native.size() >= int(sizeof(address.sun_path))) {
        ::close(fd);
        return false;
    }
    qstrcpy(address.sun_path, native.constData());
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd); // closed without unlinking: the file stays
    return bound && QFileInfo::exists(path);
}

} // namespace

class SingleInstanceTest final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("dblearn.socket"));
    }

    void firstStartIsPrimaryAndALaterStartHandsOverItsLesson()
    {
        SingleInstance first(m_path);
        QString error;
        QCOMPARE(first.start({}, &error), SingleInstance::Role::Primary);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSignalSpy requested(&first, &SingleInstance::activationRequested);

        StartResult later;
        auto thread = startInThread(m_path, QStringLiteral("01_foundations/01_acid_properties.md#atomicity"), &later);
        QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 10000);
        QCOMPARE(later.role, SingleInstance::Role::Secondary);
        QVERIFY2(later.error.isEmpty(), qPrintable(later.error));
        QTRY_COMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("01_foundations/01_acid_properties.md#atomicity"));
    }

    void aLaterStartWithoutLessonOnlyBringsTheWindowForward()
    {
        SingleInstance first(m_path);
        QCOMPARE(first.start({}), SingleInstance::Role::Primary);
        QSignalSpy requested(&first, &SingleInstance::activationRequested);
        for (int i = 0; i < 3; ++i) { // and it keeps serving later starts
            StartResult later;
            auto thread = startInThread(m_path, {}, &later);
            QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 10000);
            QCOMPARE(later.role, SingleInstance::Role::Secondary);
            QTRY_COMPARE(requested.count(), i + 1);
            QCOMPARE(requested.at(i).at(0).toString(), QString());
        }
    }

    void theDesktopsActivationTokenIsPassedOn()
    {
        SingleInstance first(m_path);
        QCOMPARE(first.start({}), SingleInstance::Role::Primary);
        QSignalSpy requested(&first, &SingleInstance::activationRequested);
        qputenv("XDG_ACTIVATION_TOKEN", "token-from-the-launcher");
        StartResult later;
        auto thread = startInThread(m_path, {}, &later);
        QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 10000);
        qunsetenv("XDG_ACTIVATION_TOKEN");
        QCOMPARE(later.role, SingleInstance::Role::Secondary);
        QTRY_COMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(1).toString(), QStringLiteral("token-from-the-launcher"));
    }

    void aSocketLeftByACrashedInstanceIsReplaced()
    {
        QVERIFY(makeStaleSocket(m_path));
        SingleInstance first(m_path);
        first.setTimeout(1000, 1000);
        QString error;
        QCOMPARE(first.start({}, &error), SingleInstance::Role::Primary);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // and it works: a later start reaches it
        StartResult later;
        auto thread = startInThread(m_path, {}, &later);
        QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 10000);
        QCOMPARE(later.role, SingleInstance::Role::Secondary);
    }

    void aStrayFileInPlaceOfTheSocketIsReplaced()
    {
        QFile stray(m_path);
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.write("not a socket");
        stray.close();
        SingleInstance first(m_path);
        QCOMPARE(first.start({}), SingleInstance::Role::Primary);
    }

    void anInstanceThatDoesNotAnswerIsReportedNotDuplicated()
    {
        // Something accepts connections on the socket (the kernel queues them) but never answers,
        // like a frozen DB Learn: the later start must neither hang nor become a second primary.
        QLocalServer frozen;
        QVERIFY(frozen.listen(m_path));
        SingleInstance later(m_path);
        later.setTimeout(500, 500);
        QString error;
        QCOMPARE(later.start(QStringLiteral("x.md"), &error), SingleInstance::Role::Unreachable);
        QVERIFY2(error.contains(QStringLiteral("did not answer")), qPrintable(error));
    }

    void aRequestThatIsNotOursIsRefusedAndServingGoesOn()
    {
        SingleInstance first(m_path);
        QCOMPARE(first.start({}), SingleInstance::Role::Primary);
        QSignalSpy requested(&first, &SingleInstance::activationRequested);

        QByteArray answer;
        std::unique_ptr<QThread> stranger(QThread::create([this, &answer] {
            QLocalSocket socket;
            socket.connectToServer(m_path);
            if (!socket.waitForConnected(5000))
                return;
            socket.write("{\"version\": 99, \"lesson\": \"x.md\"}\n");
            socket.waitForBytesWritten(5000);
            while (!socket.canReadLine() && socket.waitForReadyRead(5000)) {
            }
            answer = socket.readLine().trimmed();
        }));
        stranger->start();
        QTRY_VERIFY_WITH_TIMEOUT(stranger->isFinished(), 10000);
        QCOMPARE(answer, QByteArray("error"));
        QCOMPARE(requested.count(), 0);

        StartResult later;
        auto thread = startInThread(m_path, QStringLiteral("y.md"), &later);
        QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 10000);
        QCOMPARE(later.role, SingleInstance::Role::Secondary);
        QTRY_COMPARE(requested.count(), 1);
    }

    void afterThePrimaryQuitsTheNextStartIsPrimary()
    {
        {
            SingleInstance first(m_path);
            QCOMPARE(first.start({}), SingleInstance::Role::Primary);
        }
        SingleInstance next(m_path);
        QCOMPARE(next.start({}), SingleInstance::Role::Primary);
    }

    void separateDataFoldersAreSeparateInstances()
    {
        SingleInstance one(m_path);
        SingleInstance other(m_dir->filePath(QStringLiteral("other.socket")));
        QCOMPARE(one.start({}), SingleInstance::Role::Primary);
        QCOMPARE(other.start({}), SingleInstance::Role::Primary);
    }

    void theSocketIsTheUsersAlone()
    {
        SingleInstance first(m_path);
        QCOMPARE(first.start({}), SingleInstance::Role::Primary);
        const QFile::Permissions permissions = QFileInfo(m_path).permissions();
        QVERIFY(permissions & QFile::WriteOwner);
        QVERIFY(!(permissions & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)));
    }

    void aFolderThatCannotHoldTheSocketRunsUnguardedWithAReason()
    {
        SingleInstance nowhere(QStringLiteral("/proc/dblearn-cannot-be-here/dblearn.socket"));
        nowhere.setTimeout(200, 200);
        QString error;
        QCOMPARE(nowhere.start({}, &error), SingleInstance::Role::Unguarded);
        QVERIFY(error.contains(QStringLiteral("/proc/dblearn-cannot-be-here")));
    }

    void theDefaultSocketIsPerUserAndDataFolder()
    {
        const QString runtimeDir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
        const QString normal = SingleInstance::defaultServerPath();
        QCOMPARE(QFileInfo(normal).absolutePath(), QFileInfo(runtimeDir).absoluteFilePath());
        QCOMPARE(SingleInstance::defaultServerPath(), normal); // stable
        QStandardPaths::setTestModeEnabled(true); // another data folder
        const QString testMode = SingleInstance::defaultServerPath();
        QStandardPaths::setTestModeEnabled(false);
        QVERIFY(testMode != normal);
    }

    // The real application: a second `dblearn --lesson X` hands X to the first and exits.
    void theApplicationStartedTwiceKeepsOneWindow()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString runtimeDir = home.filePath(QStringLiteral("runtime"));
        QVERIFY(QDir().mkpath(runtimeDir));
        QVERIFY(QFile::setPermissions(runtimeDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("dblearn.instance.info=true"));

        QProcess first;
        first.setProcessEnvironment(env);
        first.setProcessChannelMode(QProcess::MergedChannels);
        first.start(QStringLiteral(DBLEARN_APP_EXECUTABLE), {});
        QVERIFY2(first.waitForStarted(10000), qPrintable(first.errorString()));
        auto socketExists = [&runtimeDir] {
            return !QDir(runtimeDir).entryList({QStringLiteral("dblearn-*.socket")}, QDir::System).isEmpty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(socketExists() || first.state() == QProcess::NotRunning, 60000);
        QVERIFY2(first.state() == QProcess::Running, first.readAll().constData());

        QProcess second;
        second.setProcessEnvironment(env);
        second.setProcessChannelMode(QProcess::MergedChannels);
        second.start(QStringLiteral(DBLEARN_APP_EXECUTABLE), {QStringLiteral("--lesson"),
                                                              QStringLiteral("01_foundations/02_database_types.md")});
        QVERIFY(second.waitForStarted(10000));
        // The first instance's event loop must run to answer, so wait without blocking it.
        QTRY_VERIFY_WITH_TIMEOUT(second.state() == QProcess::NotRunning, 30000);
        const QByteArray secondOutput = second.readAll();
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QVERIFY2(second.exitCode() == 0, secondOutput.constData());
        QVERIFY2(secondOutput.contains("already running"), secondOutput.constData());

        QByteArray firstOutput;
        QTRY_VERIFY_WITH_TIMEOUT((firstOutput += first.readAll()).contains("open 01_foundations/02_database_types.md"),
                                 10000);
        QCOMPARE(first.state(), QProcess::Running); // still the one window

        first.terminate();
        if (!first.waitForFinished(10000)) {
            first.kill();
            first.waitForFinished(5000);
        }
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(SingleInstanceTest)
#include "tst_singleinstance.moc"

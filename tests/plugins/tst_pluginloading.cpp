#include "backends/backendregistry.h"
#include "support/apppaths.h"
#include "support/buildconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPluginLoader>
#include <QTemporaryDir>
#include <QTest>

using namespace dblearn;

namespace {

const QString testPluginDir = QStringLiteral(DBLEARN_TEST_PLUGIN_DIR);

QString sqlitePluginPath()
{
    const QDir dir(AppPaths::pluginDir());
    const QStringList found = dir.entryList({QStringLiteral("*dblearn-sqlite*")}, QDir::Files);
    return found.isEmpty() ? QString() : dir.absoluteFilePath(found.first());
}

const BackendInfo *findByFile(const QList<BackendInfo> &backends, const QString &fileName)
{
    for (const BackendInfo &info : backends) {
        if (QFileInfo(info.filePath).fileName() == fileName)
            return &info;
    }
    return nullptr;
}

} // namespace

class PluginLoadingTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qunsetenv("DBLEARN_PLUGIN_PATH");
        QVERIFY2(QFile::exists(testPluginDir + QStringLiteral("/libcorrupt.so")), qPrintable(testPluginDir));
        QVERIFY2(!sqlitePluginPath().isEmpty(), qPrintable(AppPaths::pluginDir()));
    }

    void refusesMismatchedApiWithoutLoadingIt()
    {
        BackendRegistry registry;
        registry.scan({testPluginDir});
        const BackendInfo *info = registry.find(QStringLiteral("mismatched"));
        QVERIFY(info);
        QVERIFY(!info->isLoaded());
        QVERIFY2(info->refusalReason.contains(QLatin1String("0.9")) && info->refusalReason.contains(QStringLiteral("%1.%2").arg(BackendApiMajor).arg(BackendApiMinor)),
                 qPrintable(info->refusalReason));
        QCOMPARE(info->name, QStringLiteral("Mismatched API (test)")); // read from the metadata alone
        // Its code never ran: loading the library would have set this variable.
        QVERIFY(qEnvironmentVariableIsEmpty("DBLEARN_TEST_MISMATCHED_LOADED"));
        QVERIFY(!QPluginLoader(info->filePath).isLoaded());

        QString error;
        QVERIFY(!registry.createConnection(QStringLiteral("mismatched"), &error));
        QVERIFY2(error.contains(QLatin1String("was refused")), qPrintable(error));
        QVERIFY(registry.loadedIds().isEmpty());
    }

    void refusesCorruptFile()
    {
        BackendRegistry registry;
        registry.scan({testPluginDir});
        const QList<BackendInfo> backends = registry.backends();
        const BackendInfo *corrupt = findByFile(backends, QStringLiteral("libcorrupt.so"));
        QVERIFY(corrupt);
        QVERIFY(!corrupt->isLoaded());
        QVERIFY2(corrupt->refusalReason.contains(QLatin1String("libcorrupt.so"))
                     && corrupt->refusalReason.contains(QLatin1String("not a readable Qt plugin")),
                 qPrintable(corrupt->refusalReason));
        QVERIFY(!QPluginLoader(corrupt->filePath).isLoaded());
    }

    void ignoresRelativeFolders()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("plugins")));
        QVERIFY(QFile::copy(sqlitePluginPath(), dir.filePath(QStringLiteral("plugins/libdblearn-sqlite.so"))));
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path()));
        BackendRegistry registry;
        registry.scan({QStringLiteral("plugins"), QStringLiteral("."), QStringLiteral("./plugins"), QString()});
        QDir::setCurrent(previous);
        QVERIFY(registry.backends().isEmpty());
    }

    void loadsRealPluginFromAppDir()
    {
        BackendRegistry registry;
        registry.scan();
        const BackendInfo *info = registry.find(QStringLiteral("sqlite"));
        QVERIFY(info);
        QVERIFY2(info->isLoaded(), qPrintable(info->refusalReason));
        QCOMPARE(QFileInfo(info->filePath).absolutePath(), QFileInfo(AppPaths::pluginDir()).canonicalFilePath());
        QCOMPARE(info->name, QStringLiteral("SQLite (embedded)"));
        QCOMPARE(info->version, QStringLiteral(DBLEARN_VERSION));
        QCOMPARE(info->apiVersion, QStringLiteral("%1.%2").arg(BackendApiMajor).arg(BackendApiMinor));
        QCOMPARE(info->dialect, QStringLiteral("sqlite"));
        QCOMPARE(info->uriSchemes, QStringList{QStringLiteral("sqlite")});
        QCOMPARE(info->explainFormats, QStringList{QStringLiteral("sqlite-eqp-json")});
        QVERIFY(info->canCancel);
        QVERIFY(info->hasSchemaIntrospection);
        QVERIFY(info->hasTransactions);
        QCOMPARE(info->connectionParameters.size(), 1);
        QCOMPARE(info->connectionParameters.at(0).name, QStringLiteral("path"));
        QCOMPARE(info->connectionParameters.at(0).type, QStringLiteral("file"));
        QCOMPARE(info->connectionParameters.at(0).defaultValue, QStringLiteral(":memory:"));

        QString error;
        auto connection = registry.createConnection(QStringLiteral("sqlite"), &error);
        QVERIFY2(connection, qPrintable(error));
        QString uriError;
        QueryError openError;
        QVERIFY(connection->open(ConnectionUri::parse(QStringLiteral("sqlite::memory:"), &uriError), &openError));
        QVERIFY(connection->execute(QStringLiteral("SELECT 1")).ok);
        connection->finish();
    }

    void unknownBackend()
    {
        BackendRegistry registry;
        registry.scan();
        QString error;
        QVERIFY(!registry.createConnection(QStringLiteral("oracle"), &error));
        QVERIFY2(error.startsWith(QLatin1String("unknown backend \"oracle\"")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("sqlite")), qPrintable(error)); // lists what is available
    }

    void refusesDuplicateId()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("libdblearn-sqlite-copy.so"));
        QVERIFY(QFile::copy(sqlitePluginPath(), copy));
        BackendRegistry plain;
        plain.scan({AppPaths::pluginDir()});
        BackendRegistry registry;
        // The same folder twice, then the copy: each file is listed once, the copy is refused.
        registry.scan({AppPaths::pluginDir(), AppPaths::pluginDir(), dir.path()});
        const QList<BackendInfo> backends = registry.backends();
        QCOMPARE(backends.size(), plain.backends().size() + 1);
        QVERIFY(registry.isLoaded(QStringLiteral("sqlite")));
        const BackendInfo *duplicate = findByFile(backends, QStringLiteral("libdblearn-sqlite-copy.so"));
        QVERIFY(duplicate);
        QVERIFY(!duplicate->isLoaded());
        QCOMPARE(duplicate->id, QStringLiteral("sqlite"));
        QVERIFY2(duplicate->refusalReason.contains(QLatin1String("already loaded")), qPrintable(duplicate->refusalReason));
        QVERIFY(!QPluginLoader(duplicate->filePath).isLoaded());
        QCOMPARE(registry.loadedIds(), plain.loadedIds()); // the copy adds nothing
    }

    void scansEnvironmentFolders()
    {
        qputenv("DBLEARN_PLUGIN_PATH", (QStringLiteral("relative/ignored:") + testPluginDir).toLocal8Bit());
        const QStringList paths = BackendRegistry::defaultSearchPaths();
        qunsetenv("DBLEARN_PLUGIN_PATH");
        QCOMPARE(paths.first(), AppPaths::pluginDir());
        BackendRegistry registry;
        registry.scan(paths);
        QVERIFY(registry.isLoaded(QStringLiteral("sqlite")));
        QVERIFY(registry.find(QStringLiteral("mismatched")));
        QVERIFY(!registry.isLoaded(QStringLiteral("mismatched")));
    }
};

QTEST_GUILESS_MAIN(PluginLoadingTest)

#include "tst_pluginloading.moc"

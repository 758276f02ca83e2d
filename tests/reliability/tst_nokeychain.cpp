// No keychain service (no D-Bus session bus, so no Secret Service and no KWallet): connecting with
// a password and "remember the password" ticked, through the real connection dialog and console,
// must say the password was not saved, and afterwards no file in the settings, data, cache or state
// folders (XDG_* pointed at a folder of the test's own) may hold the password in plain text, in any
// of the encodings a settings file or a database would use.

#include "console/connectiondialog.h"
#include "console/consolemanager.h"
#include "console/consoletab.h"
#include "console/passwordvault.h"
#include "console/sqleditor.h"
#include "shell/appservices.h"

#include "backends/backendregistry.h"
#include "console/historystore.h"
#include "datasets/datasetprovider.h"
#include "testsupport/testservers.h"

#include <QApplication>
#include <QCheckBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace dblearn;

namespace {

QString s_root; // the folder every XDG_* variable points into

} // namespace

class NoKeychainTest final : public QObject
{
    Q_OBJECT

private:
    BackendRegistry m_registry;
    QString m_password;
    QString m_host = QStringLiteral("127.0.0.1");
    int m_port = 1; // nothing listens there: the connection fails, which must not leak the password either
    QString m_user = QStringLiteral("learner");
    QString m_database = QStringLiteral("dblearn");

    // The password in every form it could take in a file.
    QList<QByteArray> needles() const
    {
        QList<QByteArray> list{m_password.toUtf8(), QUrl::toPercentEncoding(m_password), m_password.toUtf8().toBase64()};
        QByteArray utf16;
        for (QChar c : m_password)
            utf16 += char(c.unicode() & 0xff), utf16 += char(c.unicode() >> 8);
        list << utf16;
        return list;
    }

private slots:
    void initTestCase()
    {
        m_registry.scan();
        QVERIFY(m_registry.isLoaded(QStringLiteral("postgresql")));
        // A real server when the suite's servers run, so the password is used for real.
        const QUrl server(test::testServerValue("DBLEARN_TEST_POSTGRESQL_URI", QStringLiteral("plugins")));
        if (server.isValid() && !server.password().isEmpty()) {
            m_password = server.password();
            m_host = server.host();
            m_port = server.port();
            m_user = server.userName();
            m_database = server.path().mid(1);
        } else {
            QVERIFY2(!test::testServersExpected(), "the test servers did not start");
            m_password = QStringLiteral("Fault-Injection-Secret-7f3a9c");
        }
        qInfo("settings and data under %s; connecting to %s:%d", qPrintable(s_root), qPrintable(m_host), m_port);
    }

    void vaultSaysThereIsNoKeychain()
    {
        QString error;
        QVERIFY(!PasswordVault::write(QStringLiteral("postgresql://learner@127.0.0.1/x"), m_password, &error));
        QVERIFY2(!error.isEmpty(), "no reason given");
        qInfo("keychain write refused: %s", qPrintable(error));
        QString read;
        QVERIFY(!PasswordVault::read(QStringLiteral("postgresql://learner@127.0.0.1/x"), &read, &error));
        QVERIFY(read.isEmpty());
    }

    void rememberedPasswordIsNotWrittenAnywhere()
    {
        QTemporaryDir work;
        DatasetProvider datasets(m_registry, work.filePath(QStringLiteral("cache")), work.filePath(QStringLiteral("work")));
        AppServices services;
        services.registry = &m_registry;
        services.datasets = &datasets;
        QStringList statusMessages;
        {
            QMainWindow window;
            auto *tabs = new QTabWidget(&window);
            window.setCentralWidget(tabs);
            ConsoleManager manager(services, &window, tabs);
            connect(&manager, &ConsoleManager::status, this, [&](const QString &m) { statusMessages << m; });
            ConsoleTab *tab = manager.openConsole(ConsoleTarget{});
            QVERIFY(tab);

            // Fill in the real dialog as a learner would, tick "remember", press OK.
            bool filled = false;
            QTimer::singleShot(0, this, [&] {
                auto *dialog = qobject_cast<ConnectionDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                dialog->selectBackend(QStringLiteral("postgresql"));
                dialog->setParameter(QStringLiteral("host"), m_host);
                dialog->setParameter(QStringLiteral("port"), QString::number(m_port));
                dialog->setParameter(QStringLiteral("user"), m_user);
                dialog->setParameter(QStringLiteral("password"), m_password);
                dialog->setParameter(QStringLiteral("database"), m_database);
                const QList<QCheckBox *> boxes = dialog->findChildren<QCheckBox *>();
                for (QCheckBox *box : boxes) {
                    if (box->text().contains(QLatin1String("keychain")))
                        box->setChecked(true);
                }
                filled = dialog->rememberPassword() && dialog->uri(true).contains(m_password);
                dialog->accept();
            });
            manager.showConnectDialog(tab);
            QVERIFY2(filled, "the connection dialog was not filled in");
            QVERIFY2(statusMessages.join(QLatin1Char('\n')).contains(QLatin1String("not saved")),
                     qPrintable(statusMessages.join(QLatin1Char('\n'))));

            // Use the connection (or fail to): history, results and messages all get written.
            tab->editor()->setPlainText(QStringLiteral("SELECT 'fault injection' AS probe;"));
            // The session may still be opening: ask again until a run finishes (bounded).
            QStringList tabMessages;
            connect(tab, &ConsoleTab::status, this, [&](const QString &m) { tabMessages << m; });
            QSignalSpy done(tab, &ConsoleTab::runFinished);
            QElapsedTimer waited;
            waited.start();
            while (done.isEmpty() && waited.elapsed() < (m_port == 1 ? 3000 : 30000)) {
                tab->runScript();
                done.wait(1000);
            }
            for (QPlainTextEdit *pane : tab->findChildren<QPlainTextEdit *>()) {
                if (pane != static_cast<QPlainTextEdit *>(tab->editor()))
                    qInfo("console messages: %s", qPrintable(pane->toPlainText().right(600)));
            }
            if (m_port != 1) // with a real server the statement ran and is in the history
                QVERIFY2(!done.isEmpty() && done.first().first().toBool(),
                         qPrintable(QStringLiteral("the statement did not run on the server: ") + tabMessages.join(QStringLiteral(" | "))));
            manager.saveScripts();
        }
        QSettings().sync();
        QCOMPARE(QSettings().status(), QSettings::NoError);

        // Every file in the settings, data, cache and state folders.
        int files = 0;
        qint64 bytes = 0;
        QStringList leaks;
        QStringList connectionRecorded; // files that hold the connection (user and host): the scan looks in the right places
        QDirIterator it(s_root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray content = file.readAll();
            ++files;
            bytes += content.size();
            if (content.contains(m_user.toUtf8()) && content.contains(m_host.toUtf8()))
                connectionRecorded << QFileInfo(path).fileName();
            for (const QByteArray &needle : needles()) {
                if (content.contains(needle))
                    leaks << path;
            }
        }
        qInfo("faults injected: no keychain service; scanned %d files (%lld bytes) under %s for the password "
              "in %lld encodings: %lld leaks", files, bytes, qPrintable(s_root), qint64(needles().size()), qint64(leaks.size()));
        qInfo("files that record the connection (without its password): %s", qPrintable(connectionRecorded.join(QStringLiteral(", "))));
        if (m_port != 1)
            QVERIFY2(QFile::exists(HistoryStore::defaultFilePath()), "the console history was not written: the scan misses it");
        QVERIFY2(!connectionRecorded.isEmpty(), "the connection was not recorded anywhere: the scan proves nothing");
        QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("the password is in: ") + leaks.join(QStringLiteral(", "))));
    }
};

int main(int argc, char **argv)
{
    // Before anything reads them: our own folders, and no session bus (hence no keychain service).
    QTemporaryDir root;
    root.setAutoRemove(true);
    s_root = root.path();
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        qputenv(name, QFile::encodeName(root.path() + QLatin1Char('/') + QString::fromLatin1(name).mid(4).toLower()));
    qputenv("DBUS_SESSION_BUS_ADDRESS", QFile::encodeName(QStringLiteral("unix:path=") + root.path() + QStringLiteral("/no-bus")));
    qunsetenv("DISPLAY"); // no X11 autolaunch of a bus
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("dblearn"));
    app.setApplicationName(QStringLiteral("dblearn"));
    NoKeychainTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_nokeychain.moc"

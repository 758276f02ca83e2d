// Tools → Local Servers and Tools → Datasets, driven through their buttons: a PostgreSQL started
// with one click becomes the server lessons use, and a dataset is built into it.

#include "backends/backendregistry.h"
#include "datasets/datasetprovider.h"
#include "datasets/datasetsdialog.h"
#include "servers/localservers.h"
#include "servers/localserversdialog.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace dblearn;

namespace {
QPushButton *button(QWidget *parent, const QString &text, int index = 0)
{
    int seen = 0;
    for (QPushButton *b : parent->findChildren<QPushButton *>()) {
        if (b->text() == text && seen++ == index)
            return b;
    }
    return nullptr;
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("DBLEARN_TEST_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name);
}
} // namespace

class ServerDialogsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/dblearn-server-dialogs-XXXXXX")};
    BackendRegistry m_registry;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (geteuid() == 0)
            QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup
                                                    | QFile::ExeOther);
        m_registry.scan();
    }

    void startsPostgresAndBuildsADatasetIntoIt()
    {
        LocalServers servers(m_dir.path() + QStringLiteral("/servers"));
        DatasetProvider datasets(m_registry, m_dir.path() + QStringLiteral("/cache"), m_dir.path() + QStringLiteral("/work"));
        QVERIFY(!datasets.hasEngine(QStringLiteral("postgresql")));
        {
            LocalServersDialog dialog(servers, &datasets);
            dialog.show();
            QPushButton *start = button(&dialog, QStringLiteral("Start"), 0); // PostgreSQL's row
            QVERIFY(start && start->isEnabled());
            QTest::mouseClick(start, Qt::LeftButton);
            // The dialog stays responsive while initdb runs on the worker thread.
            QVERIFY(!start->isEnabled());
            QTRY_VERIFY_WITH_TIMEOUT(datasets.hasEngine(QStringLiteral("postgresql")), 90000);
            QTRY_VERIFY(button(&dialog, QStringLiteral("Stop"), 0)->isEnabled());
            saveScreenshot(&dialog, QStringLiteral("local-servers.png"));
        }
        {
            DatasetsDialog dialog(m_registry, datasets);
            dialog.show();
            auto *engine = dialog.findChild<QComboBox *>();
            QVERIFY(engine);
            const int pg = engine->findData(QStringLiteral("postgresql"));
            QVERIFY(pg >= 0);
            engine->setCurrentIndex(pg);
            auto *table = dialog.findChild<QTableWidget *>();
            const QList<QTableWidgetItem *> hr = table->findItems(QStringLiteral("hr"), Qt::MatchExactly);
            QVERIFY(!hr.isEmpty());
            table->selectRow(hr.first()->row());
            QTest::mouseClick(button(&dialog, QStringLiteral("Build Working Copy")), Qt::LeftButton);
            auto *progress = dialog.findChild<QProgressBar *>();
            QTRY_COMPARE_WITH_TIMEOUT(progress->value(), 1000, 60000);
            QTRY_VERIFY(button(&dialog, QStringLiteral("Build Working Copy"))->isEnabled());
            saveScreenshot(&dialog, QStringLiteral("datasets.png"));
        }
        // The dataset is really there, on the local server.
        QString error;
        auto connection = datasets.openWorking(QStringLiteral("postgresql"), QStringLiteral("hr"), &error);
        QVERIFY2(connection, qPrintable(error));
        const StatementStatus status = connection->execute(QStringLiteral("SELECT count(*) FROM employees"));
        QVERIFY2(status.ok, qPrintable(status.error.message));
        RowBatch batch(1);
        bool atEnd = false;
        QueryError queryError;
        QVERIFY(connection->fetch(batch, 1, &atEnd, &queryError));
        QVERIFY(batch.integerAt(0, 0) > 0);
        connection.reset();
        servers.stopStarted();
        QCOMPARE(servers.find(QStringLiteral("postgresql"))->state(), LocalServer::State::Stopped);
    }
};

QTEST_MAIN(ServerDialogsTest)
#include "tst_serverdialogs.moc"

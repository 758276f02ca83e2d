// SqlCodeHighlighter: SQL tokens get highlight.js's class names, everything stays escaped, and the
// text of the code is unchanged. The page's whole body: RenderedLesson::pageBodyHtml.

#include "lessons/markdownrenderer.h"
#include "lessons/sqlcodehighlighter.h"

#include <QRegularExpression>
#include <QTest>

using namespace dblearn;

namespace {

// Escapes code as the renderer writes it, then highlights it.
QString highlighted(const QByteArray &code, const QString &dialect = QStringLiteral("sqlite"))
{
    HtmlBuffer escaped;
    escaped.appendEscaped(code);
    HtmlBuffer out;
    SqlCodeHighlighter::writeEscaped(out, escaped.view(), dialect);
    return QString::fromUtf8(out.view().toByteArray());
}

// The text a browser shows: spans removed, the five escapes decoded.
QString shownText(QString html)
{
    static const QRegularExpression tags(QStringLiteral("</?span[^>]*>"));
    html.remove(tags);
    return html.replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
}

QString span(const char *cssClass, const char *text)
{
    return QStringLiteral("<span class=\"%1\">%2</span>").arg(QLatin1String(cssClass), QLatin1String(text));
}

} // namespace

class SqlCodeHighlighterTest : public QObject
{
    Q_OBJECT

private slots:
    void tokens()
    {
        const QString html = highlighted("select count(*), 'it''s' AS s, 1.5e3 FROM t -- done\nWHERE x IS NULL /* a\nb */");
        QVERIFY(html.startsWith(span("hljs-keyword", "select")));
        QVERIFY(html.contains(span("hljs-built_in", "count") + QLatin1Char('(')));
        QVERIFY(html.contains(span("hljs-string", "'it''s'")));
        QVERIFY(html.contains(span("hljs-number", "1.5e3")));
        QVERIFY(html.contains(span("hljs-comment", "-- done")));
        QVERIFY(html.contains(span("hljs-literal", "NULL")));
        QVERIFY(html.contains(span("hljs-comment", "/* a\nb */")));
    }

    void namesAreNotKeywords()
    {
        // A column called "count" without a call, a keyword inside a name, a qualified name, a
        // number inside a name: none is highlighted.
        const QString html = highlighted("SELECT t.select_count, count, t2.from, x1, 3d FROM t");
        QCOMPARE(html.count(QLatin1String("<span")), 2); // SELECT and FROM
        QVERIFY(!html.contains(QLatin1String(">count<")));
        QVERIFY(!html.contains(QLatin1String("hljs-number")));
    }

    void dialects()
    {
        QVERIFY(highlighted("SELECT x ILIKE 'a%'", QStringLiteral("postgresql")).contains(span("hljs-keyword", "ILIKE")));
        QVERIFY(!highlighted("SELECT x ILIKE 'a%'", QStringLiteral("sqlite")).contains(QLatin1String(">ILIKE<")));
        QCOMPARE(SqlCodeHighlighter::dialectFor("sql", QStringLiteral("postgresql")), QStringLiteral("postgresql"));
        QCOMPARE(SqlCodeHighlighter::dialectFor("sql", QStringLiteral("mariadb")), QStringLiteral("mysql"));
        QCOMPARE(SqlCodeHighlighter::dialectFor("pgsql", QString()), QStringLiteral("postgresql"));
        QCOMPARE(SqlCodeHighlighter::dialectFor("sql", QString()), QStringLiteral("sqlite"));
        QVERIFY(SqlCodeHighlighter::handles("sql"));
        QVERIFY(!SqlCodeHighlighter::handles("python"));
    }

    void pageBodyHighlightsOnlySql()
    {
        const QByteArray lesson = "---\ntitle: T\n---\n# T\n\n```sql\nSELECT 1 AS \"a<b\";\n```\n\n"
                                  "```python\nprint('SELECT')\n```\n\n```sql run engine=postgresql\nSELECT 'x' ILIKE 'X';\n```\n";
        const RenderedLesson l = MarkdownRenderer().render(lesson);
        QVERIFY2(l.ok, qPrintable(l.error));
        QCOMPARE(l.sqlCode.size(), 2);
        QCOMPARE(l.sqlCode.at(1).dialect, QStringLiteral("postgresql"));
        const QByteArray page = l.pageBodyHtml();
        QVERIFY(page.contains("<code class=\"language-sql hljs\"><span class=\"hljs-keyword\">SELECT</span> "
                              "<span class=\"hljs-number\">1</span> <span class=\"hljs-keyword\">AS</span> &quot;a&lt;b&quot;;"));
        QVERIFY(page.contains("<code class=\"language-python\">print('SELECT')")); // left to highlight.js
        QVERIFY(page.contains("<span class=\"hljs-keyword\">ILIKE</span>"));
        // Without its tags, the page's body is the renderer's body again.
        QString shown = QString::fromUtf8(page);
        static const QRegularExpression tags(QStringLiteral("</?span[^>]*>"));
        shown.remove(tags).replace(QLatin1String(" hljs\""), QLatin1String("\""));
        QCOMPARE(shown, QString::fromUtf8(l.bodyHtml));
        // Ranges that do not fit the body are not trusted: the body is shown plain.
        RenderedLesson broken = l;
        broken.sqlCode[0].end = broken.bodyHtml.size() + 10;
        QCOMPARE(broken.pageBodyHtml(), broken.bodyHtml);
    }

    void escapesAndKeepsTheText_data()
    {
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("markup") << QByteArray("SELECT '<script>alert(1)</script>' AS \"a&b\" WHERE a < b AND b > c;");
        QTest::newRow("unterminated string") << QByteArray("SELECT 'abc");
        QTest::newRow("unterminated comment") << QByteArray("SELECT 1 /* never closed");
        QTest::newRow("utf-8") << QByteArray("SELECT 'naïve — 索引' AS ünïcode;");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("dashes at the end") << QByteArray("SELECT 1 -");
        QTest::newRow("digits then dot") << QByteArray("SELECT 1. + .5 + 2.e");
    }

    void escapesAndKeepsTheText()
    {
        QFETCH(QByteArray, code);
        const QString html = highlighted(code);
        QVERIFY(!html.contains(QLatin1String("<script")));
        QCOMPARE(shownText(html), QString::fromUtf8(code));
    }
};

QTEST_GUILESS_MAIN(SqlCodeHighlighterTest)
#include "tst_sqlcodehighlighter.moc"

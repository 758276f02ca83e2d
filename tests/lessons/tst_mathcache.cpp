// Math rendered ahead of time: the renderer records the body's math spans, MathCache reads a
// lesson's file of KaTeX HTML, and RenderedLesson::pageBodyHtml puts it in place; the page then
// needs KaTeX's stylesheet but not its script. The last test runs the real build tool
// (dblearn-mathcache, KaTeX in Qt's JavaScript engine) on a fixture lesson.

#include "lessons/lessonlibrary.h"
#include "lessons/lessonpagetemplate.h"
#include "lessons/markdownrenderer.h"
#include "lessons/mathcache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace dblearn;

namespace {

const QByteArray markdown = "# Sizes\n\nA tree of fan-out $B$ holds $B^h$ keys, and $a < b \\& c$.\n\n"
                            "$$\\lceil \\log_B N \\rceil$$\n\n## About $B$\n\n"
                            "```quiz\ntype: single\nquestion: What is $x$?\noptions:\n  - text: one\n    correct: true\n"
                            "    explanation: yes\n  - text: two\n    explanation: no\n```\n";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class MathCacheTest final : public QObject
{
    Q_OBJECT
private slots:
    void recordsTheBodysMathSpans()
    {
        const RenderedLesson lesson = MarkdownRenderer().render(markdown);
        QVERIFY2(lesson.ok, qPrintable(lesson.error));
        // The body's own spans only: not the one in a heading, nor the quiz's.
        QCOMPARE(lesson.math.size(), 4);
        QStringList tex;
        for (const MathSpan &span : lesson.math) {
            QVERIFY(QByteArrayView(lesson.bodyHtml).sliced(span.open).startsWith("<span class=\"math "));
            QVERIFY(QByteArrayView(lesson.bodyHtml).sliced(span.end, span.close - span.end) == "</span>");
            tex << lesson.mathTex(span);
        }
        QCOMPARE(tex, (QStringList{QStringLiteral("B"), QStringLiteral("B^h"), QStringLiteral("a < b \\& c"),
                                   QStringLiteral("\\lceil \\log_B N \\rceil")}));
        QCOMPARE(lesson.math[3].display, true);
        QCOMPARE(MathCache::key(lesson, lesson.math[2]), QByteArray("i:a &lt; b \\&amp; c"));
        QCOMPARE(lesson.pageBodyHtml(), lesson.bodyHtml); // nothing cached: the page renders it all
    }

    void putsCachedMathInPlace()
    {
        QTemporaryDir dir;
        const MathCache cache(dir.path());
        RenderedLesson lesson = MarkdownRenderer().render(markdown);
        QHash<QByteArray, QByteArray> entries;
        entries.insert("i:B", "<span class=\"katex\">B</span>");
        entries.insert("d:\\lceil \\log_B N \\rceil", "<span class=\"katex-display\">L</span>");
        QString error;
        QVERIFY2(cache.write(QStringLiteral("01_level/02_lesson.md"), entries, QStringLiteral("0.16.0"), &error),
                 qPrintable(error));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("01_level/02_lesson.md.json"))));

        QCOMPARE(cache.apply(QStringLiteral("01_level/02_lesson.md"), &lesson), 2);
        const QByteArray page = lesson.pageBodyHtml();
        QVERIFY(page.contains("<span class=\"math inline is-rendered\" data-tex=\"B\"><span class=\"katex\">B</span></span>"));
        QVERIFY(page.contains("<span class=\"math display is-rendered\" data-tex=\"\\lceil \\log_B N \\rceil\">"
                              "<span class=\"katex-display\">L</span></span>"));
        QVERIFY(page.contains("<span class=\"math inline\">B^h</span>")); // not cached: left to the page
        QVERIFY(page.contains("<span class=\"math inline\">a &lt; b \\&amp; c</span>"));
        QVERIFY(page.contains("About <span class=\"math inline\">B</span>")); // the heading's
        // Some math still for the page: KaTeX's script comes too.
        QVERIFY(LessonPageTemplate::page(QStringLiteral("t"), page, QStringLiteral("light")).contains("katex.min.js"));

        // A lesson of which every span is cached needs the stylesheet and fonts only.
        RenderedLesson simple = MarkdownRenderer().render("# T\n\nThe fan-out $B$.\n");
        QCOMPARE(cache.apply(QStringLiteral("01_level/02_lesson.md"), &simple), 1);
        const QByteArray full = LessonPageTemplate::page(QStringLiteral("t"), simple.pageBodyHtml(), QStringLiteral("light"));
        QVERIFY(full.contains("katex.min.css"));
        QVERIFY(full.contains("KaTeX_Main-Regular.woff2"));
        QVERIFY(!full.contains("katex.min.js"));

        // Another lesson's path, a path outside the folder, a broken file: nothing cached.
        QCOMPARE(cache.apply(QStringLiteral("01_level/03_other.md"), &lesson), 0);
        QVERIFY(lesson.mathHtml.isEmpty());
        QCOMPARE(cache.apply(QStringLiteral("../02_lesson.md"), &lesson), 0);
        QVERIFY(cache.fileFor(QStringLiteral("../../etc/passwd")).isEmpty());
        QVERIFY(cache.fileFor(QStringLiteral("/etc/passwd")).isEmpty());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("01_level/04_broken.md.json")), "{\"math\": [1, 2"));
        QCOMPARE(cache.apply(QStringLiteral("01_level/04_broken.md"), &lesson), 0);
        QCOMPARE(lesson.pageBodyHtml(), lesson.bodyHtml);
    }

    void rejectsRangesNotFromTheRenderer()
    {
        RenderedLesson lesson = MarkdownRenderer().render("# T\n\nThe fan-out $B$.\n");
        lesson.mathHtml.insert("i:B", "<b>x</b>");
        lesson.math[0].close = lesson.bodyHtml.size() + 10;
        QCOMPARE(lesson.pageBodyHtml(), lesson.bodyHtml);
    }

    void buildToolRendersWithKatex()
    {
        const QString tool = QStringLiteral(DBLEARN_MATHCACHE_TOOL);
        const QString katex = QStringLiteral(DBLEARN_TEST_WEB_DIR "/vendor/katex/katex.min.js");
        if (!QFileInfo::exists(katex))
            QSKIP("KaTeX is not in the build tree (DBLEARN_FETCH_WEB_LIBRARIES=OFF?)");
        QTemporaryDir dir;
        const QString content = dir.filePath(QStringLiteral("content"));
        const QString out = dir.filePath(QStringLiteral("math"));
        QVERIFY(writeFile(content + QStringLiteral("/01_level/01_sizes.md"), markdown));
        QVERIFY(writeFile(content + QStringLiteral("/01_level/02_bad.md"), "# Bad\n\nBroken: $\\frac{1}{$ and fine: $y$.\n"));
        QVERIFY(writeFile(content + QStringLiteral("/01_level/03_none.md"), "# None\n\nNo math here.\n"));

        QProcess process;
        process.start(tool, {QStringLiteral("--content"), content, QStringLiteral("--katex"), katex,
                             QStringLiteral("--out"), out});
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QVERIFY2(process.readAllStandardOutput().contains("5 formulas of 2 lessons"), "summary line");
        QVERIFY(!QFileInfo::exists(out + QStringLiteral("/01_level/03_none.md.json")));

        QFile file(out + QStringLiteral("/01_level/01_sizes.md.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(root.value(QLatin1String("katex")).toString().startsWith(QLatin1String("0.")));
        const QJsonObject math = root.value(QLatin1String("math")).toObject();
        QCOMPARE(math.size(), 4);
        QVERIFY(math.value(QLatin1String("d:\\lceil \\log_B N \\rceil")).toString().contains(QLatin1String("katex-display")));
        QVERIFY(math.value(QLatin1String("i:a &lt; b \\&amp; c")).toString().contains(QLatin1String("&lt;")));

        // Served by the library: every body span rendered, so no KaTeX script on the page.
        LessonLibrary library(content, out);
        const QByteArray page = library.page(QStringLiteral("01_level/01_sizes.md"), QStringLiteral("light"));
        QCOMPARE(page.count("class=\"math inline is-rendered\""), 3);
        QVERIFY(page.contains("<span class=\"katex\">"));
        QVERIFY(page.contains("annotation encoding=\"application/x-tex\">B^h</annotation>"));
        QVERIFY(page.contains("katex.min.js")); // the quiz's $x$ is still the page's to render
        // The invalid TeX is left to the page, which shows KaTeX's error in place.
        const QByteArray bad = library.page(QStringLiteral("01_level/02_bad.md"), QStringLiteral("light"));
        QVERIFY(bad.contains("<span class=\"math inline\">\\frac{1}{</span>"));
        QVERIFY(bad.contains("data-tex=\"y\""));
        QVERIFY(bad.contains("katex.min.js"));

        // A wrong KaTeX file: a clear message, non-zero exit.
        process.start(tool, {QStringLiteral("--content"), content, QStringLiteral("--katex"), content,
                             QStringLiteral("--out"), out});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY(process.exitCode() != 0);
        QVERIFY(process.readAllStandardError().startsWith("dblearn-mathcache: "));
    }
};

QTEST_GUILESS_MAIN(MathCacheTest)
#include "tst_mathcache.moc"

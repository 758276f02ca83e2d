#include "lessons/htmlbuffer.h"
#include "lessons/lessonhtmlbuilder.h"
#include "lessons/markdownrenderer.h"

#include <QElapsedTimer>

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <md4c-html.h>

#include <algorithm>

using namespace dblearn;

namespace {

// Front matter and required sections, so a body under test renders without format errors.
QByteArray lesson(const QByteArray &body, const QByteArray &extraFrontMatter = {})
{
    return QByteArray("---\n"
                      "id: test-lesson\n"
                      "title: Test lesson\n"
                      "level: 1\n"
                      "section: Tests\n"
                      "description: A lesson for the renderer tests.\n"
                      "minutes_read: 5\n"
                      "minutes_practice: 5\n"
                      "prerequisites: []\n"
                      "tags: [test]\n"
                      "engines: [sqlite, postgresql]\n"
                      "datasets: [shop]\n")
           + extraFrontMatter
           + "---\n"
             "## Learning objectives\n\n- Test the renderer.\n\n"
           + body
           + "\n\n## Key takeaways\n\n- It works.\n\n## References\n\n- The CommonMark spec.\n";
}

// The first body line of lesson(): line numbers in tests count from here.
constexpr int kBodyLine = 14;

RenderedLesson render(const QByteArray &markdown)
{
    return MarkdownRenderer().render(markdown);
}

QString fixture(const char *name)
{
    return QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fixtures/lessons/") + QLatin1String(name);
}

void htmlSink(const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    static_cast<QByteArray *>(userdata)->append(text, qsizetype(size));
}

} // namespace

class MarkdownRendererTest : public QObject
{
    Q_OBJECT

private slots:
    // md4c 0.4.8 scans a link destination's nested parentheses past the end of its input (found by
    // fuzz_markdown): the renderer must hand it terminated data even when given raw bytes.
    void neverReadsPastTheInput()
    {
        const QByteArray text("# T\n\n[c](a(b)");
        QByteArray memory = text + QByteArray(64, ')'); // what follows the input in memory
        const QByteArray raw = QByteArray::fromRawData(memory.constData(), text.size());
        QCOMPARE(raw.capacity(), 0); // how the renderer tells raw data
        const RenderedLesson fromRaw = MarkdownRenderer().render(raw);
        const RenderedLesson owned = MarkdownRenderer().render(text);
        QVERIFY2(fromRaw.ok, qPrintable(fromRaw.error));
        QCOMPARE(fromRaw.bodyHtml, owned.bodyHtml);
        QVERIFY(!fromRaw.bodyHtml.contains("))"));
    }

    void sampleLesson();
    void headingsAndAnchors();
    void callouts();
    void mermaid();
    void math();
    void leadFirst();
    void runnableSnippets();
    void snippetWarnings();
    void exercise();
    void quizzes();
    void malformedQuiz();
    void duplicateBlockIds();
    void escaping();
    void hostileUrls_data();
    void hostileUrls();
    void manyWarningsAreCapped();
    void allowedUrls_data();
    void allowedUrls();
    void tablesStrikethroughTaskLists();
    void requiredSections();
    void titleFallsBackToFirstHeading();
    void lineNumbersWithCrlf();
    void hugeInputRefused();
    void nulBytesRefused();
    void invalidUtf8Refused();
    void brokenFrontMatterRefused();
    void deepNesting_data();
    void deepNesting();
    void simpleLineShortcutMatchesMd4c_data();
    void simpleLineShortcutMatchesMd4c();
    void proseWords();
    void randomDocumentsAreSafe();
    void costComparedWithMdHtml();
};

void MarkdownRendererTest::sampleLesson()
{
    QFile file(fixture("sample_lesson.md"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const RenderedLesson l = render(file.readAll());
    QVERIFY2(l.ok, qPrintable(l.error));
    QVERIFY2(l.errors.isEmpty(), qPrintable(l.errors.join(QLatin1Char('\n'))));
    QVERIFY2(l.warnings.isEmpty(), qPrintable(l.warnings.join(QLatin1Char('\n'))));
    QCOMPARE(l.title, QStringLiteral("Indexes: how SQLite finds rows"));
    QCOMPARE(l.frontMatter.value(QStringLiteral("id")).toString(), QStringLiteral("sample-index-basics"));

    // Every feature the GUI tests rely on is there.
    QVERIFY(l.bodyHtml.contains(QLatin1String("<pre class=\"mermaid\">flowchart TD")));
    QVERIFY(l.bodyHtml.contains(QLatin1String("<div class=\"callout callout-note\">")));
    QVERIFY(l.bodyHtml.contains(QLatin1String("<div class=\"callout callout-warning\">")));
    QVERIFY(l.bodyHtml.contains(QLatin1String("<span class=\"math display\">\\lceil \\log_{B} N \\rceil + 1</span>")));
    QVERIFY(l.bodyHtml.contains(QLatin1String("<span class=\"math inline\">B</span>")));
    QVERIFY(l.bodyHtml.contains(QLatin1String("<table>")));
    QVERIFY(l.bodyHtml.contains(QLatin1String("<pre><code class=\"language-sql\">CREATE INDEX")));
    // The page shows the SQL highlighted.
    QVERIFY(l.pageBodyHtml().contains(QLatin1String("<pre><code class=\"language-sql hljs\"><span class=\"hljs-keyword\">CREATE</span> "
                                                    "<span class=\"hljs-keyword\">INDEX</span>")));

    QCOMPARE(l.snippets.size(), 2);
    const CodeSnippet &run = l.snippets.at(0);
    QCOMPARE(run.id, QStringLiteral("snippet-1"));
    QVERIFY(run.runnable);
    QCOMPARE(run.engine, QStringLiteral("sqlite"));
    QVERIFY(run.dataset.isEmpty());
    QVERIFY(run.code.startsWith(QLatin1String("CREATE TABLE readings")));
    QVERIFY(run.code.endsWith(QLatin1String("WHERE sensor = 'sensor-3';")));
    QCOMPARE(run.line, 61);
    QVERIFY(l.bodyHtml.contains(
        QLatin1String("<div class=\"snippet\" data-snippet=\"snippet-1\" data-engine=\"sqlite\" data-dataset=\"\">")));
    QVERIFY(!l.snippets.at(1).runnable);

    QCOMPARE(l.exercises.size(), 1);
    const Exercise &e = l.exercises.front();
    QCOMPARE(e.id, QStringLiteral("average-per-sensor"));
    QCOMPARE(e.line, 103);
    QVERIFY(e.ordered);
    QCOMPARE(e.hints.size(), 2);
    QVERIFY(!l.bodyHtml.contains(QLatin1String("round(avg(value), 1)"))); // the solution stays out of the page

    QCOMPARE(l.quizzes.size(), 2);
    QVERIFY(!l.quizzes.at(0).multiple);
    QVERIFY(l.quizzes.at(1).multiple);
    for (const Quiz &q : l.quizzes) {
        for (const QuizOption &o : q.options)
            QVERIFY2(!l.bodyHtml.contains(o.explanation.toHtmlEscaped().toUtf8()), qPrintable(o.explanation));
    }

    QCOMPARE(l.objectives.size(), 3);
    QCOMPARE(l.keyTakeaways.size(), 3);
    QCOMPARE(l.references.size(), 4);
    QCOMPARE(l.links.size(), 3);
    QVERIFY(l.links.front().external);
    QVERIFY(l.proseWords > 300);
}

void MarkdownRendererTest::headingsAndAnchors()
{
    const RenderedLesson l = render(lesson("# Intro\n\n## Intro\n\n### What's new? (v2)\n\n## `SELECT` &amp; friends\n\n"
                                           "## \xC3\x9C" "ber Stra\xC3\x9F" "e\n\n## !!!\n\n## Intro-1\n\n## Intro\n\n"
                                           "Setext heading\n--------------\n"));
    QVERIFY2(l.ok, qPrintable(l.error));
    QStringList anchors;
    QStringList texts;
    for (const Heading &h : l.headings) {
        anchors << h.anchor;
        texts << h.text;
    }
    QCOMPARE(anchors, QStringList({QStringLiteral("learning-objectives"), QStringLiteral("intro"), QStringLiteral("intro-1"),
                                   QStringLiteral("whats-new-v2"), QStringLiteral("select--friends"),
                                   QStringLiteral("\u00fcber-stra\u00dfe"), QStringLiteral("section"),
                                   QStringLiteral("intro-1-1"), QStringLiteral("intro-2"), QStringLiteral("setext-heading"),
                                   QStringLiteral("key-takeaways"), QStringLiteral("references")}));
    QCOMPARE(texts.at(4), QStringLiteral("SELECT & friends"));
    QCOMPARE(l.headings.at(3).level, 3);
    QVERIFY(l.bodyHtml.contains(QLatin1String("<h2 id=\"select--friends\"><code>SELECT</code> &amp; friends</h2>")));
    QVERIFY(l.bodyHtml.contains(QLatin1String("<h3 id=\"whats-new-v2\">What's new? (v2)</h3>")));

    // Heading and list item texts are simplified: spaces, tabs and line breaks collapse to one
    // space, at any length (long texts take a sixteen-bytes-at-a-time path).
    const RenderedLesson spaced = render(
        "## A  heading   with\truns of  spaces and a tail long enough for several blocks  \n\n"
        "## Short  one\n\n## Learning objectives\n\n"
        "- An objective that goes on for a while,\n  over a second line,  with   runs and a tab\there.\n"
        "- Exactly sixteen bytes.\n- x\n");
    QVERIFY2(spaced.ok, qPrintable(spaced.error));
    QCOMPARE(spaced.headings.at(0).text,
             QStringLiteral("A heading with runs of spaces and a tail long enough for several blocks"));
    QCOMPARE(spaced.headings.at(1).text, QStringLiteral("Short one"));
    QCOMPARE(spaced.objectives,
             QStringList({QStringLiteral("An objective that goes on for a while, over a second line, with runs and a tab here."),
                          QStringLiteral("Exactly sixteen bytes."), QStringLiteral("x")}));

    // "lesson" is the page's own <main id="lesson">.
    const RenderedLesson reserved = render("# Lesson\n\n## Lesson\n");
    QCOMPARE(reserved.headings.at(0).anchor, QStringLiteral("lesson-1"));
    QCOMPARE(reserved.headings.at(1).anchor, QStringLiteral("lesson-2"));
}

void MarkdownRendererTest::callouts()
{
    const RenderedLesson l = render(lesson("> [!NOTE]\n> A note with *emphasis*.\n\n"
                                           "> [!tip]\n> Lower case works.\n\n"
                                           "> [!IMPORTANT]\n\n"
                                           "> [!WARNING]\n> Two\n>\n> paragraphs.\n\n"
                                           "> [!CAUTION]\n> > nested quote\n\n"
                                           "> [!NOTE] text on the marker line\n\n"
                                           "> [!UNKNOWN]\n> stays a quote\n\n"
                                           "> plain quote\n"));
    QVERIFY2(l.ok, qPrintable(l.error));
    const QString &h = l.bodyHtml;
    QVERIFY2(h.contains(QLatin1String("<div class=\"callout callout-note\">\n<p class=\"callout-title\">Note</p>\n"
                                      "<p>A note with <em>emphasis</em>.</p>\n</div>")),
             qPrintable(h));
    QVERIFY(h.contains(QLatin1String("<div class=\"callout callout-tip\">\n<p class=\"callout-title\">Tip</p>\n<p>Lower case works.</p>\n</div>")));
    QVERIFY(h.contains(QLatin1String("<div class=\"callout callout-important\">\n<p class=\"callout-title\">Important</p>\n</div>")));
    QVERIFY(h.contains(QLatin1String("<div class=\"callout callout-warning\">\n<p class=\"callout-title\">Warning</p>\n"
                                     "<p>Two</p>\n<p>paragraphs.</p>\n</div>")));
    QVERIFY(h.contains(QLatin1String("<div class=\"callout callout-caution\">\n<p class=\"callout-title\">Caution</p>\n"
                                     "<blockquote>\n<p>nested quote</p>\n</blockquote>\n</div>")));
    QVERIFY(h.contains(QLatin1String("<blockquote>\n<p>[!NOTE] text on the marker line</p>\n</blockquote>")));
    QVERIFY(h.contains(QLatin1String("<blockquote>\n<p>[!UNKNOWN]\nstays a quote</p>\n</blockquote>")));
    QVERIFY(h.contains(QLatin1String("<blockquote>\n<p>plain quote</p>\n</blockquote>")));
    QCOMPARE(h.count(QLatin1String("class=\"callout ")), 5);
}

void MarkdownRendererTest::mermaid()
{
    const RenderedLesson l = render(lesson("```mermaid\ngraph TD\n  A[\"<b>x</b>\"] --> B & C\n```\n"));
    QVERIFY2(l.ok, qPrintable(l.error));
    QVERIFY2(l.bodyHtml.contains(QLatin1String(
                 "<pre class=\"mermaid\">graph TD\n  A[&quot;&lt;b&gt;x&lt;/b&gt;&quot;] --&gt; B &amp; C\n</pre>")),
             qPrintable(l.bodyHtml));
    QVERIFY(l.snippets.isEmpty());
}

void MarkdownRendererTest::math()
{
    const RenderedLesson l = render(lesson("Inline $a < b \\land c$ and display $$\\sum_{i=1}^{n} x_i$$ and a price of 5 dollars.\n"));
    QVERIFY2(l.ok, qPrintable(l.error));
    QVERIFY2(l.bodyHtml.contains(QLatin1String("<span class=\"math inline\">a &lt; b \\land c</span>")), qPrintable(l.bodyHtml));
    QVERIFY(l.bodyHtml.contains(QLatin1String("<span class=\"math display\">\\sum_{i=1}^{n} x_i</span>")));
    QVERIFY(!l.bodyHtml.contains(QLatin1String("x-equation")));
}

// pageBodyHtml(leadBytes): the top-level blocks after the first leadBytes go into the hidden
// "lesson-later" div, split between blocks (never inside highlighted SQL), and nothing else changes.
void MarkdownRendererTest::leadFirst()
{
    QByteArray body = "# Title\n\n";
    for (int i = 0; i < 30; ++i)
        body += "Paragraph " + QByteArray::number(i) + " with `code` in it, long enough to matter.\n\n";
    body += "- a list\n- of two\n\n```sql\nSELECT a FROM t WHERE b = 'x';\n```\n\n> [!NOTE]\n> A callout.\n\n";
    for (int i = 0; i < 30; ++i)
        body += "```sql\nSELECT " + QByteArray::number(i) + ";\n```\n\n";
    const RenderedLesson l = render(lesson(body));
    QVERIFY2(l.ok, qPrintable(l.error));
    QVERIFY(l.blockEnds.size() > 60);
    QVERIFY(std::is_sorted(l.blockEnds.cbegin(), l.blockEnds.cend()));
    QCOMPARE(l.blockEnds.back(), l.bodyHtml.size());
    QCOMPARE(l.bodyHtml.count("lesson-later"), 0);

    const QByteArray whole = l.pageBodyHtml();
    const QByteArray open = "<div class=\"lesson-later\" id=\"lesson-later\" hidden>\n";
    const QByteArray close = "</div>\n";
    for (const qsizetype leadBytes : {qsizetype(1), qsizetype(700), qsizetype(2000), l.blockEnds.at(40), l.blockEnds.at(40) + 1}) {
        const QByteArray page = l.pageBodyHtml(leadBytes);
        QCOMPARE(page.count(open), 1);
        QVERIFY(page.endsWith(close));
        const qsizetype at = page.indexOf(open);
        // The lead ends where a top-level block of the body ends, at or after leadBytes.
        QVERIFY2(whole.left(at).endsWith(">\n"), qPrintable(QString::number(leadBytes)));
        QVERIFY(page.left(at) == whole.left(at));
        QByteArray unwrapped = page;
        unwrapped.remove(at, open.size());
        unwrapped.chop(close.size());
        QCOMPARE(unwrapped, whole); // highlighting as on the whole page
    }
    QVERIFY(l.pageBodyHtml(l.blockEnds.at(40)).indexOf(open) >= l.blockEnds.at(40));
    // No lead to speak of: a body within leadBytes, or the last block, comes whole.
    QCOMPARE(l.pageBodyHtml(l.bodyHtml.size()), whole);
    QCOMPARE(l.pageBodyHtml(l.blockEnds.at(l.blockEnds.size() - 2) + 1), whole);
    QCOMPARE(l.pageBodyHtml(0), whole);
}

void MarkdownRendererTest::runnableSnippets()
{
    const RenderedLesson l = render(lesson("```sql run engine=sqlite dataset=shop\nSELECT * FROM t WHERE a < 3 AND b = \"x\";\n```\n\n"
                                           "```sql\nSELECT 1;\n```\n\n"
                                           "```sql run engine=postgresql\nSELECT 2;\n```\n\n"
                                           "    indented code\n\n"
                                           "> ```sql run engine=sqlite\n> SELECT 3;\n> ```\n"));
    QVERIFY2(l.ok, qPrintable(l.error));
    QVERIFY2(l.warnings.isEmpty(), qPrintable(l.warnings.join(QLatin1Char('\n'))));
    QCOMPARE(l.snippets.size(), 4); // fenced blocks only; the indented block is plain code
    const CodeSnippet &a = l.snippets.at(0);
    QCOMPARE(a.id, QStringLiteral("snippet-1"));
    QCOMPARE(a.language, QStringLiteral("sql"));
    QCOMPARE(a.engine, QStringLiteral("sqlite"));
    QCOMPARE(a.dataset, QStringLiteral("shop"));
    QVERIFY(a.runnable);
    QCOMPARE(a.code, QStringLiteral("SELECT * FROM t WHERE a < 3 AND b = \"x\";"));
    QCOMPARE(a.line, kBodyLine + 4);
    QVERIFY(l.bodyHtml.contains(QLatin1String(
        "<div class=\"snippet\" data-snippet=\"snippet-1\" data-engine=\"sqlite\" data-dataset=\"shop\"><pre><code "
        "class=\"language-sql\">SELECT * FROM t WHERE a &lt; 3 AND b = &quot;x&quot;;\n</code></pre>\n</div>")));
    QVERIFY(l.pageBodyHtml().contains(QLatin1String(
        "<div class=\"snippet\" data-snippet=\"snippet-1\" data-engine=\"sqlite\" data-dataset=\"shop\"><pre><code "
        "class=\"language-sql hljs\"><span class=\"hljs-keyword\">SELECT</span> * <span class=\"hljs-keyword\">FROM</span> t "
        "<span class=\"hljs-keyword\">WHERE</span> a &lt; <span class=\"hljs-number\">3</span> <span class=\"hljs-keyword\">AND</span> "
        "b = &quot;x&quot;;\n</code></pre>\n</div>")));

    QVERIFY(!l.snippets.at(1).runnable);
    QCOMPARE(l.snippets.at(1).line, kBodyLine + 8);
    QVERIFY(l.bodyHtml.contains(QLatin1String("<pre><code class=\"language-sql\">SELECT 1;\n</code></pre>")));
    QCOMPARE(l.sqlCode.size(), 4); // every SQL block, runnable or not

    QVERIFY(l.snippets.at(2).runnable);
    QCOMPARE(l.snippets.at(2).engine, QStringLiteral("postgresql"));
    QCOMPARE(l.snippets.at(2).line, kBodyLine + 12);

    QVERIFY(l.bodyHtml.contains(QLatin1String("<pre><code>indented code\n</code></pre>")));

    QVERIFY(l.snippets.at(3).runnable); // inside a quote
    QCOMPARE(l.snippets.at(3).line, kBodyLine + 18);
    QCOMPARE(l.snippets.at(3).code, QStringLiteral("SELECT 3;"));
    QVERIFY(l.bodyHtml.contains(QLatin1String("<blockquote>\n<div class=\"snippet\" data-snippet=\"snippet-4\"")));
    QCOMPARE(l.snippet(QStringLiteral("snippet-4")), &l.snippets.at(3));
    QVERIFY(!l.snippet(QStringLiteral("snippet-9")));
}

void MarkdownRendererTest::snippetWarnings()
{
    const RenderedLesson l = render(lesson("```sql run\nSELECT 1;\n```\n\n"
                                           "```sql run engine=mysql\nSELECT 1;\n```\n\n"
                                           "```sql run engine=sqlite dataset=movies colour=red\nSELECT 1;\n```\n\n"
                                           "```sql run engine=sqlite\n```\n\n"
                                           "```js engine=mongodb\ndb.x.find()\n```\n\n"
                                           "```sql run engine=Bad\"Name\nSELECT 1;\n```\n"));
    QVERIFY2(l.ok, qPrintable(l.error));
    const QString w = l.warnings.join(QLatin1Char('\n'));
    QVERIFY2(w.contains(QStringLiteral("line %1: a runnable block needs engine=...").arg(kBodyLine + 4)), qPrintable(w));
    QVERIFY2(w.contains(QStringLiteral("line %1: engine 'mysql' is not listed in the front matter's engines").arg(kBodyLine + 8)), qPrintable(w));
    QVERIFY(w.contains(QStringLiteral("line %1: unknown code block option 'colour=red'").arg(kBodyLine + 12)));
    QVERIFY(w.contains(QStringLiteral("line %1: dataset 'movies' is not listed in the front matter's datasets").arg(kBodyLine + 12)));
    QVERIFY(w.contains(QStringLiteral("a runnable block is empty")));
    QVERIFY(w.contains(QStringLiteral("engine 'mongodb' is not listed")));
    QVERIFY(w.contains(QStringLiteral("engine 'Bad\"Name' is not a valid engine name")));
    QVERIFY(!l.snippets.at(0).runnable);
    QVERIFY(l.snippets.at(1).runnable); // listed or not, a valid engine name runs
    QVERIFY(l.snippets.at(2).runnable);
    QVERIFY(!l.snippets.at(3).runnable);
    QVERIFY(!l.snippets.at(4).runnable);
    QCOMPARE(l.snippets.at(4).engine, QStringLiteral("mongodb"));
    QVERIFY(l.bodyHtml.contains(QLatin1String("<pre data-engine=\"mongodb\"><code class=\"language-js\">db.x.find()")));
    QVERIFY(!l.snippets.at(5).runnable);
    QVERIFY(!l.bodyHtml.contains(QLatin1String("Bad\"Name")));
}

void MarkdownRendererTest::exercise()
{
    const RenderedLesson l = render(lesson("```exercise\n"
                                           "title: Cheap <products>\n"
                                           "engine: sqlite\n"
                                           "dataset: shop\n"
                                           "prompt: |\n"
                                           "  List products under **10** from `products`.\n"
                                           "starter: |\n"
                                           "  SELECT name FROM products WHERE price < 0;\n"
                                           "  </textarea><script>alert(1)</script>\n"
                                           "hint: Compare `price` with 10.\n"
                                           "solution: |\n"
                                           "  SELECT name FROM products WHERE price < 10 /* secret */;\n"
                                           "```\n\n"
                                           "```exercise\n"
                                           "id: add-row\n"
                                           "engine: sqlite\n"
                                           "prompt: Insert a product.\n"
                                           "hint:\n"
                                           "  - First hint.\n"
                                           "  - Second hint.\n"
                                           "solution: INSERT INTO products(name) VALUES ('x');\n"
                                           "verify: SELECT count(*) FROM products;\n"
                                           "```\n"));
    QVERIFY2(l.ok, qPrintable(l.error));
    QVERIFY2(l.errors.isEmpty(), qPrintable(l.errors.join(QLatin1Char('\n'))));
    QCOMPARE(l.exercises.size(), 2);
    const Exercise &a = l.exercises.at(0);
    QCOMPARE(a.id, QStringLiteral("exercise-1"));
    QCOMPARE(a.number, 1);
    QCOMPARE(a.line, kBodyLine + 4);
    QCOMPARE(a.solutionLine, kBodyLine + 15);
    const QString &h = l.bodyHtml;
    QVERIFY2(h.contains(QLatin1String("<section class=\"exercise\" data-exercise=\"exercise-1\" data-engine=\"sqlite\" "
                                      "data-dataset=\"shop\" data-kind=\"query\">\n"
                                      "<p class=\"exercise-title\">Exercise 1: Cheap &lt;products&gt;</p>\n"
                                      "<div class=\"exercise-prompt\">\n<p>List products under <strong>10</strong> from "
                                      "<code>products</code>.</p>\n</div>\n")),
             qPrintable(h));
    QVERIFY(h.contains(QLatin1String("<textarea class=\"exercise-editor\" rows=\"4\" spellcheck=\"false\" aria-label=\"Your SQL for "
                                     "exercise 1\">\nSELECT name FROM products WHERE price &lt; 0;\n&lt;/textarea&gt;&lt;script&gt;")));
    QVERIFY(h.contains(QLatin1String("<details class=\"exercise-hint\"><summary>Hint</summary>\n<p>Compare <code>price</code> with 10.</p>\n</details>")));
    QVERIFY(!h.contains(QLatin1String("secret")));
    QVERIFY(!h.contains(QLatin1String("<script>")));

    const Exercise &b = l.exercises.at(1);
    QCOMPARE(b.id, QStringLiteral("add-row"));
    QVERIFY(b.isDml());
    QVERIFY(h.contains(QLatin1String("data-exercise=\"add-row\" data-engine=\"sqlite\" data-dataset=\"\" data-kind=\"dml\"")));
    QVERIFY(h.contains(QLatin1String("<summary>Hint 2</summary>")));
    QVERIFY(!h.contains(QLatin1String("count(*)")));
    QCOMPARE(l.exercise(QStringLiteral("add-row")), &l.exercises.at(1));
}

void MarkdownRendererTest::quizzes()
{
    const RenderedLesson l = render(lesson("```quiz\n"
                                           "question: Which clause filters **groups**?\n"
                                           "options:\n"
                                           "  - text: \"`WHERE`\"\n"
                                           "    explanation: WHERE filters rows before grouping.\n"
                                           "  - text: \"`HAVING`\"\n"
                                           "    correct: true\n"
                                           "    explanation: HAVING filters groups after aggregation.\n"
                                           "```\n\n"
                                           "```quiz\n"
                                           "id: pick-two\n"
                                           "type: multiple\n"
                                           "question: Pick <two>\n"
                                           "options:\n"
                                           "  - text: A & B\n"
                                           "    correct: true\n"
                                           "    explanation: yes one\n"
                                           "  - text: C\n"
                                           "    correct: true\n"
                                           "    explanation: yes two\n"
                                           "  - text: D\n"
                                           "    explanation: no\n"
                                           "```\n"));
    QVERIFY2(l.ok, qPrintable(l.error));
    QVERIFY2(l.errors.isEmpty(), qPrintable(l.errors.join(QLatin1Char('\n'))));
    QCOMPARE(l.quizzes.size(), 2);
    const Quiz &q1 = l.quizzes.at(0);
    QCOMPARE(q1.id, QStringLiteral("quiz-1"));
    QCOMPARE(q1.line, kBodyLine + 4);
    QCOMPARE(q1.correctOptionIds(), QStringList{QStringLiteral("b")});
    QCOMPARE(q1.options.at(1).line, kBodyLine + 9);
    const QString &h = l.bodyHtml;
    QVERIFY2(h.contains(QLatin1String("<section class=\"quiz\" data-quiz=\"quiz-1\" data-type=\"single\">\n"
                                      "<p class=\"quiz-title\">Question 1 <span class=\"quiz-kind\">(choose one)</span></p>\n"
                                      "<div class=\"quiz-question\">\n<p>Which clause filters <strong>groups</strong>?</p>\n</div>\n"
                                      "<ul class=\"quiz-options\">\n"
                                      "<li><button type=\"button\" class=\"quiz-option\" data-option=\"a\"><code>WHERE</code></button></li>\n"
                                      "<li><button type=\"button\" class=\"quiz-option\" data-option=\"b\"><code>HAVING</code></button></li>\n"
                                      "</ul>\n</section>\n")),
             qPrintable(h));
    QVERIFY(!h.contains(QLatin1String("filters rows before grouping")));

    const Quiz &q2 = l.quizzes.at(1);
    QCOMPARE(q2.id, QStringLiteral("pick-two"));
    QVERIFY(q2.multiple);
    QVERIFY(h.contains(QLatin1String("data-quiz=\"pick-two\" data-type=\"multiple\"")));
    QVERIFY(h.contains(QLatin1String("(choose all that apply)")));
    QVERIFY(h.contains(QLatin1String("<p>Pick &lt;two&gt;</p>")));
    QVERIFY(h.contains(QLatin1String("data-option=\"a\">A &amp; B</button>")));
    QVERIFY(!h.contains(QLatin1String("yes one")));
    QCOMPARE(l.quiz(QStringLiteral("pick-two")), &l.quizzes.at(1));
}

void MarkdownRendererTest::malformedQuiz()
{
    const RenderedLesson l = render(lesson("```quiz\n"
                                           "question: No correct option?\n"
                                           "options:\n"
                                           "  - text: A\n"
                                           "    explanation: a\n"
                                           "  - text: B\n"
                                           "    explanation: b\n"
                                           "```\n\n"
                                           "```quiz\n"
                                           "question: Missing explanation\n"
                                           "options:\n"
                                           "  - text: A\n"
                                           "    correct: true\n"
                                           "    explanation: a\n"
                                           "  - text: B <script>\n"
                                           "```\n\n"
                                           "```quiz\n"
                                           "question: broken yaml\n"
                                           "options\n"
                                           "```\n\n"
                                           "```exercise\n"
                                           "engine: sqlite\n"
                                           "prompt: no solution\n"
                                           "hint: h\n"
                                           "```\n"));
    QVERIFY2(l.ok, qPrintable(l.error)); // the lesson still renders, the blocks are reported
    QVERIFY(l.quizzes.isEmpty());
    QVERIFY(l.exercises.isEmpty());
    const QString e = l.errors.join(QLatin1Char('\n'));
    QVERIFY2(e.contains(QStringLiteral("quiz block line %1: no option is marked 'correct: true'").arg(kBodyLine + 6)), qPrintable(e));
    QVERIFY2(e.contains(QStringLiteral("quiz block line %1: option b has no explanation").arg(kBodyLine + 19)), qPrintable(e));
    QVERIFY2(e.contains(QStringLiteral("quiz block line %1: expected key: value").arg(kBodyLine + 24)), qPrintable(e));
    QVERIFY2(e.contains(QStringLiteral("exercise block line %1: 'solution' is missing").arg(kBodyLine + 27)), qPrintable(e));
    QCOMPARE(l.bodyHtml.count(QLatin1String("<div class=\"lesson-error\"")), 4);
    QVERIFY(l.bodyHtml.contains(QStringLiteral("<div class=\"lesson-error\" data-line=\"%1\">").arg(kBodyLine + 4).toUtf8()));
    QVERIFY(l.bodyHtml.contains(QLatin1String("This quiz (line")));
    QVERIFY(!l.bodyHtml.contains(QLatin1String("<script>")));
}

void MarkdownRendererTest::duplicateBlockIds()
{
    const QByteArray q = "```quiz\nid: same\nquestion: Q\noptions:\n  - text: A\n    correct: true\n    explanation: a\n"
                         "  - text: B\n    explanation: b\n```\n\n";
    const RenderedLesson l = render(lesson(q + q + "```quiz\nid: quiz-1\nquestion: Q\noptions:\n  - text: A\n    correct: true\n"
                                                   "    explanation: a\n  - text: B\n    explanation: b\n```\n"));
    QVERIFY2(l.ok, qPrintable(l.error));
    QCOMPARE(l.quizzes.size(), 2);
    QCOMPARE(l.errors.size(), 1);
    QVERIFY(l.errors.front().contains(QLatin1String("the id 'same' is already used")));
}

void MarkdownRendererTest::escaping()
{
    const RenderedLesson l = render(lesson("<script>alert(1)</script>\n\n"
                                           "Inline <img src=x onerror=alert(1)> and <b onclick=\"x\">bold</b>.\n\n"
                                           "<div>\n*block html*\n</div>\n\n"
                                           "Quotes \" and & and &lt;tag&gt; and &#60;script&#62; and &copy; and &#0;.\n\n"
                                           "[link](https://example.org \"title\\\" onmouseover=\\\"x\")\n\n"
                                           "```sql\"><script>alert(1)</script>\nSELECT '<script>';\n```\n\n"
                                           "# Heading <script>\n\n"
                                           "`<code>` and ![alt \"x\" <y>](pic.png \"t<i>\")\n"));
    QVERIFY2(l.ok, qPrintable(l.error));
    const QString &h = l.bodyHtml;
    QVERIFY2(!h.contains(QLatin1String("<script")), qPrintable(h));
    QVERIFY(!h.contains(QLatin1String("<img src=x")));
    QVERIFY(!h.contains(QLatin1String("<b ")));
    QVERIFY(!h.contains(QLatin1String("<div>")));
    QVERIFY(h.contains(QLatin1String("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")));
    QVERIFY(h.contains(QLatin1String("Inline &lt;img src=x onerror=alert(1)&gt; and &lt;b onclick=&quot;x&quot;&gt;bold&lt;/b&gt;.")));
    QVERIFY(h.contains(QStringLiteral("Quotes &quot; and &amp; and &lt;tag&gt; and &lt;script&gt; and &copy; and \uFFFD.")));
    QVERIFY(h.contains(QLatin1String("<a href=\"https://example.org\" title=\"title&quot; onmouseover=&quot;x\" class=\"external\"")));
    QVERIFY(h.contains(QLatin1String("<pre><code class=\"language-sql&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">SELECT '&lt;script&gt;';")));
    QVERIFY(h.contains(QLatin1String("<h1 id=\"heading-script\">Heading &lt;script&gt;</h1>")));
    QVERIFY(h.contains(QLatin1String("<code>&lt;code&gt;</code>")));
    QVERIFY(h.contains(QLatin1String("<img src=\"pic.png\" alt=\"alt &quot;x&quot; &lt;y&gt;\" title=\"t&lt;i&gt;\">")));
}

void MarkdownRendererTest::hostileUrls_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<QString>("text"); // what stays visible, as plain text
    QTest::addColumn<int>("lineOffset"); // of the warning, from the paragraph's line
    const QString click = QStringLiteral("click");
    QTest::newRow("javascript") << QByteArray("[click](javascript:alert(1))") << click << 0;
    QTest::newRow("mixed case") << QByteArray("[click](JaVaScRiPt:alert(1))") << click << 0;
    QTest::newRow("entity colon") << QByteArray("[click](javascript&#58;alert(1))") << click << 0;
    QTest::newRow("hex entity colon") << QByteArray("[click](javascript&#x3A;alert(1))") << click << 0;
    QTest::newRow("named entity colon") << QByteArray("[click](javascript&colon;alert(1))") << click << 0;
    QTest::newRow("entity letters") << QByteArray("[click](&#106;&#97;vascript:alert(1))") << click << 0;
    QTest::newRow("entity tab inside") << QByteArray("[click](java&Tab;script:alert(1))") << click << 0;
    QTest::newRow("entity newline inside") << QByteArray("[click](java&#10;script:alert(1))") << click << 0;
    QTest::newRow("leading entity space") << QByteArray("[click](&#32;javascript:alert(1))") << click << 0;
    QTest::newRow("leading control") << QByteArray("[click](&#1;javascript:alert(1))") << click << 0;
    QTest::newRow("data base64") << QByteArray("[click](data:text/html;base64,PHNjcmlwdD4=)") << click << 0;
    QTest::newRow("data percent-encoded") << QByteArray("[click](data:text/html,%3Cscript%3Ealert(1)%3C/script%3E)") << click << 0;
    QTest::newRow("file") << QByteArray("[click](file:///etc/passwd)") << click << 0;
    QTest::newRow("vbscript") << QByteArray("[click](vbscript:msgbox(1))") << click << 0;
    QTest::newRow("angle autolink") << QByteArray("<javascript:alert(1)>") << QStringLiteral("javascript:alert(1)") << 0;
    QTest::newRow("reference link") << QByteArray("[click][r]\n\n[r]: javascript:alert(1)\n\nMore") << click << 2; // the definition's line
    QTest::newRow("protocol relative") << QByteArray("[click](//evil.example/x)") << click << 0;
    QTest::newRow("backslashes") << QByteArray("[click](\\\\\\\\evil.example/x)") << click << 0;
    QTest::newRow("slash backslash") << QByteArray("[click](/\\\\evil.example/x)") << click << 0;
    QTest::newRow("ftp") << QByteArray("[click](ftp://example.org/x)") << click << 0;
    QTest::newRow("image javascript") << QByteArray("![click](javascript:alert(1))") << click << 0;
    QTest::newRow("image data") << QByteArray("![click](data:image/svg+xml;base64,PHN2Zz4=)") << click << 0;
    QTest::newRow("image remote") << QByteArray("![click](https://tracker.example/pixel.png)") << click << 0;
    QTest::newRow("image file") << QByteArray("![click](file:///etc/passwd)") << click << 0;
    QTest::newRow("image entity scheme") << QByteArray("![click](data&#58;image/png;base64,AAAA)") << click << 0;
}

void MarkdownRendererTest::hostileUrls()
{
    QFETCH(QByteArray, markdown);
    QFETCH(QString, text);
    QFETCH(int, lineOffset);
    const RenderedLesson l = render(lesson("Before " + markdown + " after.\n"));
    QVERIFY2(l.ok, qPrintable(l.error));
    const QString &h = l.bodyHtml;
    static const QRegularExpression dangerous(QStringLiteral("(href|src)=\"[^\"]*(javascript|data|file|vbscript|ftp|evil)"),
                                              QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(!dangerous.match(h).hasMatch(), qPrintable(h));
    QVERIFY2(!h.contains(QLatin1String("<a ")) && !h.contains(QLatin1String("<img ")), qPrintable(h));
    QVERIFY2(h.contains(QStringLiteral("<p>Before %1").arg(text.toHtmlEscaped())), qPrintable(h));
    QCOMPARE(l.warnings.size(), 1);
    QVERIFY2(l.warnings.front().contains(QLatin1String("removed")), qPrintable(l.warnings.front()));
    QVERIFY2(l.warnings.front().startsWith(QStringLiteral("line %1:").arg(kBodyLine + 4 + lineOffset)),
             qPrintable(l.warnings.front()));
    QVERIFY(l.links.isEmpty());
}

void MarkdownRendererTest::manyWarningsAreCapped()
{
    const RenderedLesson l = render(lesson(QByteArray("[x](javascript:y) ").repeated(2000)));
    QVERIFY(l.ok);
    QCOMPARE(l.warnings.size(), 501);
    QCOMPARE(l.warnings.last(), QStringLiteral("... and 1500 more warnings"));
}

void MarkdownRendererTest::allowedUrls_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("external");
    QTest::newRow("https") << QByteArray("[x](https://www.sqlite.org/eqp.html)")
                           << QStringLiteral("<a href=\"https://www.sqlite.org/eqp.html\" class=\"external\" rel=\"noopener noreferrer\">x</a>") << true;
    QTest::newRow("HTTP upper case") << QByteArray("[x](HTTP://example.org)")
                                     << QStringLiteral("<a href=\"HTTP://example.org\" class=\"external\"") << true;
    QTest::newRow("mailto") << QByteArray("[x](mailto:someone@example.org)") << QStringLiteral("<a href=\"mailto:someone@example.org\"") << true;
    QTest::newRow("relative lesson") << QByteArray("[x](../02_sql/01_select.md#joins)")
                                     << QStringLiteral("<a href=\"../02_sql/01_select.md#joins\">x</a>") << false;
    QTest::newRow("anchor") << QByteArray("[x](#learning-objectives)") << QStringLiteral("<a href=\"#learning-objectives\">x</a>") << false;
    QTest::newRow("query with ampersand") << QByteArray("[x](page.md?a=1&b=2)") << QStringLiteral("<a href=\"page.md?a=1&amp;b=2\">x</a>") << false;
    QTest::newRow("spaces") << QByteArray("[x](<my page.md>)") << QStringLiteral("<a href=\"my%20page.md\">x</a>") << false;
    QTest::newRow("colon after slash") << QByteArray("[x](notes/a:b.md)") << QStringLiteral("<a href=\"notes/a:b.md\">x</a>") << false;
    QTest::newRow("autolink") << QByteArray("see https://example.org/x.") << QStringLiteral("<a href=\"https://example.org/x\" class=\"external\"") << true;
    QTest::newRow("www autolink") << QByteArray("see www.example.org now") << QStringLiteral("<a href=\"http://www.example.org\" class=\"external\"") << true;
    QTest::newRow("email autolink") << QByteArray("mail someone@example.org now") << QStringLiteral("<a href=\"mailto:someone@example.org\"") << true;
    QTest::newRow("image relative") << QByteArray("![a diagram](images/plan.png)") << QStringLiteral("<img src=\"images/plan.png\" alt=\"a diagram\">") << false;
}

void MarkdownRendererTest::allowedUrls()
{
    QFETCH(QByteArray, markdown);
    QFETCH(QString, expected);
    QFETCH(bool, external);
    const RenderedLesson l = render(lesson(markdown + "\n"));
    QVERIFY2(l.ok, qPrintable(l.error));
    QVERIFY2(l.warnings.isEmpty(), qPrintable(l.warnings.join(QLatin1Char('\n'))));
    QVERIFY2(l.bodyHtml.contains(expected.toUtf8()), l.bodyHtml.constData());
    QCOMPARE(l.links.size(), 1);
    QCOMPARE(l.links.front().external, external);
    QCOMPARE(l.links.front().line, kBodyLine + 4);
}

void MarkdownRendererTest::tablesStrikethroughTaskLists()
{
    const RenderedLesson l = render(lesson("| a | b | c |\n|:--|:-:|--:|\n| 1 | ~~2~~ | 3 |\n\n- [x] done\n- [ ] todo\n\n"
                                           "3. three\n4. four\n"));
    QVERIFY2(l.ok, qPrintable(l.error));
    const QString &h = l.bodyHtml;
    QVERIFY2(h.contains(QLatin1String("<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"center\">b</th>\n"
                                      "<th align=\"right\">c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n"
                                      "<td align=\"center\"><del>2</del></td>\n")),
             qPrintable(h));
    QVERIFY(h.contains(QLatin1String("<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled checked>done</li>")));
    QVERIFY(h.contains(QLatin1String("<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled>todo</li>")));
    QVERIFY(h.contains(QLatin1String("<ol start=\"3\">")));
}

void MarkdownRendererTest::requiredSections()
{
    const RenderedLesson ok = render(lesson("Body.\n"));
    QVERIFY2(ok.errors.isEmpty(), qPrintable(ok.errors.join(QLatin1Char('\n'))));
    QCOMPARE(ok.objectives, QStringList{QStringLiteral("Test the renderer.")});
    QCOMPARE(ok.keyTakeaways, QStringList{QStringLiteral("It works.")});
    QCOMPARE(ok.references, QStringList{QStringLiteral("The CommonMark spec.")});
    QVERIFY(ok.bodyHtml.contains(QLatin1String("<ul class=\"lesson-objectives\">")));
    QVERIFY(ok.bodyHtml.contains(QLatin1String("<ul class=\"lesson-takeaways\">")));
    QVERIFY(ok.bodyHtml.contains(QLatin1String("<ul class=\"lesson-references\">")));

    const RenderedLesson missing = render("---\nid: x\n---\n# Title\n\n## Key takeaways\n\nNo list here.\n\n## References\n\n"
                                          "Intro.\n\n1. *First* `ref`\n   over two lines\n2. Second\n   - nested\n");
    QVERIFY(missing.ok);
    const QString e = missing.errors.join(QLatin1Char('\n'));
    QVERIFY2(e.contains(QLatin1String("the lesson has no '## Learning objectives' section")), qPrintable(e));
    QVERIFY2(e.contains(QLatin1String("the '## Key takeaways' section has no list of items")), qPrintable(e));
    QVERIFY2(e.contains(QLatin1String("'title' is missing")), qPrintable(e));
    QCOMPARE(missing.references, QStringList({QStringLiteral("First ref over two lines"), QStringLiteral("Second nested")}));
}

void MarkdownRendererTest::titleFallsBackToFirstHeading()
{
    const RenderedLesson l = render("Intro text.\n\n## First *heading*\n\n# Second\n");
    QVERIFY(l.ok);
    QCOMPARE(l.title, QStringLiteral("First heading"));
    QVERIFY(l.frontMatter.isEmpty());
}

void MarkdownRendererTest::lineNumbersWithCrlf()
{
    QByteArray text = lesson("Para.\n\n```sql run engine=sqlite\nSELECT 1;\n```\n\n[bad](javascript:x)\n");
    text.replace("\n", "\r\n");
    const RenderedLesson l = render(text);
    QVERIFY2(l.ok, qPrintable(l.error));
    QCOMPARE(l.snippets.size(), 1);
    QCOMPARE(l.snippets.front().line, kBodyLine + 6);
    QCOMPARE(l.snippets.front().code, QStringLiteral("SELECT 1;"));
    QCOMPARE(l.warnings.size(), 1);
    QVERIFY(l.warnings.front().startsWith(QStringLiteral("line %1:").arg(kBodyLine + 10)));
}

void MarkdownRendererTest::hugeInputRefused()
{
    QByteArray huge = lesson("x");
    huge.append(QByteArray(10 * 1024 * 1024, 'a'));
    QElapsedTimer timer;
    timer.start();
    const RenderedLesson l = render(huge);
    QVERIFY(!l.ok);
    QCOMPARE(l.error, QStringLiteral("lesson is 10.1 MB, the limit is 4 MB"));
    QVERIFY(l.bodyHtml.isEmpty());
    QVERIFY(timer.elapsed() < 1000);

    QByteArray justOver(int(MarkdownRenderer::maxLessonBytes) + 1, 'a');
    QCOMPARE(render(justOver).error, QStringLiteral("lesson is 4.1 MB, the limit is 4 MB"));
    QByteArray atLimit(int(MarkdownRenderer::maxLessonBytes), 'a');
    QVERIFY(render(atLimit).ok);
}

void MarkdownRendererTest::nulBytesRefused()
{
    QByteArray text = lesson("before");
    text.insert(text.indexOf("before") + 3, '\0');
    const RenderedLesson l = render(text);
    QVERIFY(!l.ok);
    QVERIFY2(l.error.contains(QStringLiteral("NUL byte")), qPrintable(l.error));
    QVERIFY2(l.error.contains(QStringLiteral("(line %1)").arg(kBodyLine + 4)), qPrintable(l.error));
    QVERIFY(l.bodyHtml.isEmpty());
}

void MarkdownRendererTest::invalidUtf8Refused()
{
    const RenderedLesson l = render(lesson("caf\xE9"));
    QVERIFY(!l.ok);
    QVERIFY2(l.error.startsWith(QStringLiteral("invalid UTF-8 at byte")), qPrintable(l.error));
    QVERIFY(l.error.contains(QStringLiteral("(line %1)").arg(kBodyLine + 4)));
    QVERIFY(!render("\xED\xA0\x80").ok);
    QVERIFY(!render("\xC0\xAF").ok);
}

void MarkdownRendererTest::brokenFrontMatterRefused()
{
    RenderedLesson l = render("---\nid: a\ntitle: b\nthis is not yaml\n---\n# Body\n");
    QVERIFY(!l.ok);
    QCOMPARE(l.error, QStringLiteral("front matter line 4: expected key: value"));
    l = render("---\nid: a\n# never closed\n");
    QVERIFY(!l.ok);
    QVERIFY(l.error.startsWith(QLatin1String("front matter line 1: the '---' block is not closed")));
}

void MarkdownRendererTest::deepNesting_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::newRow("10000 quotes") << QByteArray(10000, '>') + " deep\n";
    QTest::newRow("10000 quotes with callout") << QByteArray(10000, '>') + " [!NOTE]\n" + QByteArray(10000, '>') + " x\n";
    QTest::newRow("5000 list levels") << QByteArray("- ").repeated(5000) + "deep\n";
    QByteArray indented;
    for (int i = 0; i < 2000; ++i)
        indented += QByteArray(i * 2, ' ') + "- item\n";
    QTest::newRow("2000 indented list levels") << indented;
    QTest::newRow("10000 emphasis") << QByteArray(10000, '*') + "x" + QByteArray(10000, '*') + "\n";
    QTest::newRow("10000 brackets") << QByteArray(10000, '[') + "x" + QByteArray(10000, ']') + "(y)\n";
    QTest::newRow("10000 backticks") << QByteArray(10000, '`') + "\n";
    QTest::newRow("nested images") << QByteArray("![").repeated(3000) + "x" + QByteArray("](a.png)").repeated(3000) + "\n";
    QTest::newRow("many headings") << QByteArray("# same\n").repeated(20000);
    QTest::newRow("many links") << QByteArray("[a](b.md) ").repeated(20000);
    // Line lookups jumping back and forth (reference targets after their use) must not rescan.
    QTest::newRow("alternating line lookups")
        << QByteArray("[x][r]\n\n```sql run engine=sqlite\nSELECT 1;\n```\n\n").repeated(30000) + "[r]: https://example.org\n";
    QTest::newRow("front matter with many keys")
        << "---\n" + QByteArray("k: v\n").repeated(1) + [] {
               QByteArray keys;
               for (int i = 0; i < 100000; ++i)
                   keys += "key" + QByteArray::number(i) + ": v\n";
               return keys;
           }() + "---\n";
}

void MarkdownRendererTest::deepNesting()
{
    QFETCH(QByteArray, markdown);
    QElapsedTimer timer;
    timer.start();
    const RenderedLesson l = render(markdown);
    QVERIFY(l.ok || !l.error.isEmpty());
    QVERIFY(!l.ok || !l.bodyHtml.isEmpty());
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
}

void MarkdownRendererTest::simpleLineShortcutMatchesMd4c_data()
{
    QTest::addColumn<QString>("text");
    const char *const cases[] = {
        "Plain words only.",
        "It speeds up `WHERE sensor = 'sensor-3'`.",
        "`SELECT` first",
        "Ends with `code`",
        "`` double `tick` code ``",
        "` padded `",
        "`  `",
        "unclosed ` tick",
        "Quotes \" and ' and (parens) and 50% and #hash",
        "a < b",
        "use avg_value",
        "*emphasis*",
        "see https://example.org",
        "www.example.org",
        "name@example.org",
        "1. numbered",
        "- dash",
        "# heading",
        "> quote",
        "| table |",
        "$x$",
        "a & b",
        "caf\u00e9 \u2014 na\u00efve",
        "trailing space ",
        "```fence```",
        "a`b``c`d",
        "Two lines\nof text.",
        "`EXPLAIN` prints `SCAN t`.\nWhat does that tell you?\n",
        "Line one\n  indented continuation",
        "Hard break  \nnext",
        "Code `across\nlines`",
        "First\n\nSecond paragraph",
        "Setext\n---",
        "Setext\n===",
        "List follows\n- item",
        "Quote follows\n> quote",
        "Numbered\n1. one",
        "ends with newlines\n\n\n",
        "tab\tinside",
    };
    for (const char *c : cases)
        QTest::newRow(c) << QString::fromUtf8(c);
}

void MarkdownRendererTest::simpleLineShortcutMatchesMd4c()
{
    QFETCH(QString, text);
    RenderedLesson lesson;
    LessonRenderContext context;
    context.lesson = &lesson;
    for (const bool inlineOnly : {false, true}) {
        HtmlBuffer fast;
        HtmlBuffer full;
        LessonHtmlBuilder::renderFragment(context, text, 1, fast, inlineOnly, true);
        LessonHtmlBuilder::renderFragment(context, text, 1, full, inlineOnly, false);
        QCOMPARE(QString::fromUtf8(fast.view()), QString::fromUtf8(full.view()));
    }
}

void MarkdownRendererTest::proseWords()
{
    const RenderedLesson l = render(lesson("One two  three\nfour.\n\n```sql\nSELECT not counted;\n```\n\n"
                                           "Five $x + y$ six `code` seven.\n"));
    QVERIFY(l.ok);
    // "Learning objectives", "Test the renderer.", the body, "Key takeaways", "It works.", "References",
    // "The CommonMark spec.": 2 + 3 + 7 + 2 + 2 + 1 + 3.
    QCOMPARE(l.proseWords, 20);
}

void MarkdownRendererTest::randomDocumentsAreSafe()
{
    // A small fuzzer: documents stitched from markdown-significant pieces, hostile snippets and
    // random (valid) text must render or be refused cleanly, never leak markup.
    static const char *const pieces[] = {
        "\n", "\n\n", "> ", ">", "- ", "1. ", "* ", "# ", "## ", "    ", "```", "```sql run engine=sqlite\n",
        "```exercise\n", "```quiz\n", "```mermaid\n", "~~~", "[", "]", "(", ")", "![", "<", ">", "&", "&#58;",
        "&colon;", "&#0;", "&#x110000;", "javascript:", "data:", "https://x.org", "www.", "@", "*", "_", "`", "``",
        "$", "$$", "|", "---", "===", "[!NOTE]", "\\", "\"", "'", "<script>", "</script>", "<img src=x onerror=y>",
        "question: q\n", "options:\n", "  - text: a\n", "    correct: true\n", "    explanation: e\n",
        "engine: sqlite\n", "prompt: |\n", "solution: x\n", "id: x\n", "\t", "\r\n", "\xC3\xA9", "\xE2\x82\xAC",
        "\xF0\x9F\x98\x80", "word ", "text ", "SELECT 1;", "---\n", "\x01",
    };
    QRandomGenerator rng(20241123);
    for (int round = 0; round < 400; ++round) {
        QByteArray doc;
        const int n = int(rng.bounded(400));
        for (int i = 0; i < n; ++i)
            doc += pieces[rng.bounded(int(std::size(pieces)))];
        const RenderedLesson l = render(doc);
        if (!l.ok) {
            QVERIFY2(!l.error.isEmpty(), doc.constData());
            continue;
        }
        QVERIFY2(!l.bodyHtml.toLower().contains("<script"), doc.constData());
        QVERIFY2(!l.bodyHtml.contains("<img src=x"), doc.constData());
        static const QRegularExpression badUrl(QStringLiteral("(href|src)=\"\\s*(javascript|data)"), QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(!badUrl.match(QString::fromUtf8(l.bodyHtml)).hasMatch(), doc.constData());
        QVERIFY(QString::fromUtf8(l.bodyHtml).toUtf8() == l.bodyHtml); // well-formed UTF-8
    }
}

void MarkdownRendererTest::costComparedWithMdHtml()
{
    // A coarse guard against regressions; the benchmark measures the real figure (<= 1.5x).
#if !defined(NDEBUG) || defined(__SANITIZE_ADDRESS__)
    QSKIP("timings mean nothing in debug or sanitizer builds");
#endif
    QFile file(fixture("sample_lesson.md"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    // Lesson-sized prose: the sample's body repeated, blocks included once.
    const qsizetype bodyStart = text.indexOf("## How a B-tree");
    const qsizetype bodyEnd = text.indexOf("## Practice");
    const QByteArray prose = text.mid(bodyStart, bodyEnd - bodyStart);
    text.insert(bodyEnd, prose.repeated(3));

    auto best = [](auto &&fn) {
        qint64 min = std::numeric_limits<qint64>::max();
        for (int round = 0; round < 7; ++round) {
            QElapsedTimer t;
            t.start();
            for (int i = 0; i < 20; ++i)
                fn();
            min = qMin(min, t.nsecsElapsed());
        }
        return double(min);
    };
    const MarkdownRenderer renderer;
    const double ours = best([&] { QVERIFY(renderer.render(text).ok); });
    const double reference = best([&] {
        QByteArray out;
        out.reserve(text.size() * 3 / 2);
        md_html(text.constData(), MD_SIZE(text.size()), htmlSink, &out, MarkdownRenderer::parserFlags(), 0);
    });
    const double ratio = ours / reference;
    qInfo("render / md_html = %.2f", ratio);
    QVERIFY2(ratio < 4.0, qPrintable(QString::number(ratio)));
}

QTEST_GUILESS_MAIN(MarkdownRendererTest)
#include "tst_markdownrenderer.moc"

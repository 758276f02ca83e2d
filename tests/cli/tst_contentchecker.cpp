#include "backends/backendregistry.h"
#include "content/contentchecker.h"
#include "content/lessonstructurecheck.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace dblearn;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fixtures/content/") + QLatin1String(name);
}

const LessonReport *lessonReport(const ContentReport &report, const QString &path)
{
    for (const LessonReport &lesson : report.lessons) {
        if (lesson.path == path)
            return &lesson;
    }
    return nullptr;
}

QString describe(const QList<ContentIssue> &issues)
{
    QStringList lines;
    for (const ContentIssue &issue : issues)
        lines << issue.toString();
    return lines.join(QLatin1Char('\n'));
}

// The issue at `line` of `path` whose message contains `text`, or nullptr.
const ContentIssue *findIssue(const QList<ContentIssue> &issues, const QString &path, int line, const QString &text)
{
    for (const ContentIssue &issue : issues) {
        if (issue.path == path && issue.line == line && issue.message.contains(text))
            return &issue;
    }
    return nullptr;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

// A lesson with every required field and section, and nothing to run.
QByteArray minimalLesson(const QByteArray &id, const QByteArray &title)
{
    return "---\nid: " + id + "\ntitle: " + title
           + "\nlevel: 1\nsection: S\ndescription: d\nminutes_read: 1\nminutes_practice: 1\nprerequisites: []\n"
             "tags: []\nengines: [sqlite]\ndatasets: []\n---\n\n# "
           + title + "\n\n## Learning objectives\n\n- One.\n\n## Key takeaways\n\n- One.\n\n## References\n\n- One.\n";
}

} // namespace

class ContentCheckerTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_registry.scan();
        QVERIFY2(m_registry.isLoaded(QStringLiteral("sqlite")), "the SQLite backend plugin must be built");
    }

    void goodContentPasses()
    {
        ContentCheckOptions options = optionsFor(fixture("good"));
        ContentChecker checker(m_registry, options);
        const ContentReport report = checker.run();
        QVERIFY2(report.passed(), qPrintable(describe(report.allIssues())));
        QCOMPARE(report.warningCount(), 0);
        QCOMPARE(report.totalLessons(), 3);
        QCOMPARE(report.writtenLessons(), 2);
        QCOMPARE(report.skippedCount(), 0);

        const LessonReport *shop = lessonReport(report, QStringLiteral("01_foundations/02_shop_orders.md"));
        QVERIFY(shop && shop->written);
        QCOMPARE(shop->runnable, 1);
        QCOMPARE(shop->exercises, 2);
        QCOMPARE(shop->quizQuestions, 1);
        QCOMPARE(shop->diagrams, 1);
        QCOMPARE(shop->references, 1);
        QCOMPARE(shop->executed, 3); // the block and both reference solutions, the DML one with its verify query
        QVERIFY(shop->words > 40);

        const LessonReport *indexes = lessonReport(report, QStringLiteral("01_foundations/01_indexes.md"));
        QVERIFY(indexes);
        QCOMPARE(indexes->runnable, 1);
        QCOMPARE(indexes->exercises, 1);
        QCOMPARE(indexes->quizQuestions, 2);
        QCOMPARE(indexes->executed, 2);
        QVERIFY(!lessonReport(report, QStringLiteral("01_foundations/03_joins.md"))->written);
    }

    void brokenContentReportsEveryErrorWithItsLine()
    {
        ContentCheckOptions options = optionsFor(fixture("broken"));
        options.blockTimeoutMs = 1000;
        ContentChecker checker(m_registry, options);
        QElapsedTimer timer;
        timer.start();
        const ContentReport report = checker.run();
        QVERIFY2(timer.elapsed() < 8000, "the endless block must be stopped by the time limit");
        QVERIFY(!report.passed());

        const QString runs = QStringLiteral("01_basics/01_broken_runs.md");
        const QString structure = QStringLiteral("01_basics/02_broken_structure.md");
        const QString utf8 = QStringLiteral("01_basics/03_bad_utf8.md");
        struct Expected {
            QString path;
            int line;
            const char *text;
        };
        const QList<Expected> errors = {
            // Blocks and reference solutions, at the line of the failing statement or solution.
            {runs, 35, "fails on sqlite (empty database): no such column: b"},
            {runs, 42, "ran longer than 1 s and was stopped"},
            {runs, 62,
             "exercise 'bad-column': the exercise's reference solution failed: no such column: no_such_column"},
            {runs, 72, "exercise 'not-deterministic': the reference solution does not pass its own exercise"},
            {runs, 84, "exercise 'bad-verify': the exercise's check query (run after the reference solution) failed"},
            // Front matter against the curriculum and the datasets.
            {structure, 5, "title \"Structure That Is Broken\" differs from the curriculum's \"Broken Structure\""},
            {structure, 6, "level 2 differs from the curriculum's level 1"},
            {structure, 11, "prerequisite '01_basics/99_missing.md' is not a lesson of the curriculum"},
            {structure, 14, "unknown dataset 'no_such_dataset'"},
            // Links and anchors.
            {structure, 21, "link to '99_missing.md': 01_basics/99_missing.md does not exist"},
            {structure, 22, "has no heading with the anchor '#no-such-heading'"},
            {structure, 23, "this lesson has no heading with the anchor '#nowhere'"},
            // Code block attributes and the quiz.
            {structure, 27, "the code block names the unknown dataset 'nosuchdata'"},
            {structure, 40, "quiz block: a single-choice question needs exactly one correct option, not 2"},
            // A file that is not UTF-8 is refused with its line; the others are still checked.
            {utf8, 9, "cannot be rendered: invalid UTF-8"},
        };
        QList<ContentIssue> all;
        for (const LessonReport &lesson : report.lessons)
            all << lesson.errors;
        for (const Expected &e : errors) {
            QVERIFY2(findIssue(all, e.path, e.line, QLatin1String(e.text)),
                     qPrintable(QStringLiteral("missing %1:%2: %3\nfound:\n%4")
                                    .arg(e.path)
                                    .arg(e.line)
                                    .arg(QLatin1String(e.text), describe(all))));
        }
        QCOMPARE(report.errorCount(), int(errors.size()));

        const LessonReport *runsReport = lessonReport(report, runs);
        QCOMPARE(runsReport->skipped, 1); // the PostgreSQL block, without a server
        QCOMPARE(runsReport->runnable, 4);
        QCOMPARE(runsReport->executed, 7);
        QVERIFY(!lessonReport(report, QStringLiteral("01_basics/04_unwritten.md"))->written);

        QList<ContentIssue> warnings;
        for (const LessonReport &lesson : report.lessons)
            warnings << lesson.warnings;
        QVERIFY(findIssue(warnings, structure, 11,
                          QStringLiteral("prerequisite '01_basics/04_unwritten.md' is not written yet")));
        QVERIFY(findIssue(warnings, structure, 21, QStringLiteral("that lesson is not written yet")));
        QVERIFY(findIssue(report.warnings, QStringLiteral("notes.txt"), 0,
                          QStringLiteral("not a lesson of the curriculum")));
        // The good anchor and the local one resolve.
        QVERIFY(!findIssue(all, structure, 22, QStringLiteral("#practice")));
        QVERIFY(!findIssue(all, structure, 23, QStringLiteral("#key-takeaways")));
    }

    void brokenFilesAreReportedNeverFatal()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray curriculum = R"({"format": "dblearn-curriculum", "version": 1, "levels": [{"number": 1,
            "title": "L", "sections": [{"title": "S", "lessons": [
              {"path": "a/huge.md", "title": "Huge"},
              {"path": "a/front.md", "title": "Front"},
              {"path": "a/nul.md", "title": "Nul"},
              {"path": "a/folder.md", "title": "Folder"},
              {"path": "a/good.md", "title": "Good"}]}]}]})";
        QVERIFY(writeFile(dir.filePath(QStringLiteral("curriculum.json")), curriculum));
        QByteArray huge = minimalLesson("huge", "Huge");
        huge += QByteArray(10 * 1024 * 1024, 'x');
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a/huge.md")), huge));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a/front.md")), "---\nid: front\ntitle: Front\nlevel: [1\n"));
        QVERIFY(
            writeFile(dir.filePath(QStringLiteral("a/nul.md")), minimalLesson("nul", "Nul") + QByteArray("a\0b", 3)));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("a/folder.md"))));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a/good.md")), minimalLesson("good", "Good")));

        ContentChecker checker(m_registry, optionsFor(dir.path()));
        const ContentReport report = checker.run();
        QCOMPARE(report.writtenLessons(), 5);
        auto errorsOf = [&](const char *path) { return lessonReport(report, QLatin1String(path))->errors; };
        QCOMPARE(errorsOf("a/huge.md").size(), 1);
        QVERIFY2(errorsOf("a/huge.md").first().message.contains(QLatin1String("the limit is 4 MB")),
                 qPrintable(describe(errorsOf("a/huge.md"))));
        QCOMPARE(errorsOf("a/front.md").size(), 1);
        QVERIFY2(errorsOf("a/front.md").first().message.contains(QLatin1String("front matter")),
                 qPrintable(describe(errorsOf("a/front.md"))));
        QCOMPARE(errorsOf("a/nul.md").size(), 1);
        QVERIFY2(errorsOf("a/nul.md").first().message.contains(QLatin1String("NUL")),
                 qPrintable(describe(errorsOf("a/nul.md"))));
        QCOMPARE(errorsOf("a/folder.md").size(), 1);
        QVERIFY(errorsOf("a/folder.md").first().message.contains(QLatin1String("folder")));
        QVERIFY2(errorsOf("a/good.md").isEmpty(), qPrintable(describe(errorsOf("a/good.md"))));
        QCOMPARE(report.errorCount(), 4);
    }

    void duplicateIdsAndStructureOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray curriculum = R"({"format": "dblearn-curriculum", "version": 1, "levels": [{"number": 1,
            "title": "L", "sections": [{"title": "S", "lessons": [
              {"path": "one.md", "title": "One"}, {"path": "two.md", "title": "Two"},
              {"path": "three.md", "title": "Three"}]}]}]})";
        QVERIFY(writeFile(dir.filePath(QStringLiteral("curriculum.json")), curriculum));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("one.md")), minimalLesson("same", "One")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("two.md")),
                          minimalLesson("same", "Two") + "\n```sql run engine=sqlite\nSELECT nothing;\n```\n"));
        // A field the format requires is missing: the renderer's error, with the front matter's line.
        QVERIFY(writeFile(dir.filePath(QStringLiteral("three.md")),
                          minimalLesson("three", "Three").replace("tags: []\n", "")));
        ContentCheckOptions options = optionsFor(dir.path());
        options.execute = false;
        ContentChecker checker(m_registry, options);
        const ContentReport report = checker.run();
        const LessonReport *two = lessonReport(report, QStringLiteral("two.md"));
        QVERIFY(findIssue(two->errors, QStringLiteral("two.md"), 2,
                          QStringLiteral("the id 'same' is already used by one.md")));
        QCOMPARE(two->executed, 0); // structure only: the failing block is not run
        const LessonReport *three = lessonReport(report, QStringLiteral("three.md"));
        QVERIFY2(
            findIssue(three->errors, QStringLiteral("three.md"), 2, QStringLiteral("front matter: 'tags' is missing")),
            qPrintable(describe(three->errors)));
        QCOMPARE(report.errorCount(), 2);
    }

    void withoutTheSqliteBackendItSaysSo()
    {
        BackendRegistry empty; // nothing scanned
        ContentChecker checker(empty, optionsFor(fixture("good")));
        const ContentReport report = checker.run();
        QVERIFY(!report.passed());
        QCOMPARE(report.errors.size(), 1);
        QVERIFY2(report.errors.first().message.contains(QLatin1String("SQLite backend is not available")),
                 qPrintable(report.errors.first().toString()));
        QCOMPARE(report.skippedCount(), 5);
    }

    void missingCurriculum()
    {
        QTemporaryDir dir;
        ContentChecker checker(m_registry, optionsFor(dir.path()));
        const ContentReport report = checker.run();
        QVERIFY(!report.passed());
        QCOMPARE(report.errors.first().path, QStringLiteral("curriculum.json"));
    }

    void jsonShape()
    {
        ContentCheckOptions options = optionsFor(fixture("broken"));
        options.blockTimeoutMs = 500;
        ContentChecker quick(m_registry, options);
        const QJsonObject json = quick.run().toJson();
        const QJsonArray lessons = json.value(QLatin1String("lessons")).toArray();
        QCOMPARE(lessons.size(), 3); // written lessons only
        const QJsonObject first = lessons.first().toObject();
        for (const char *key : {"path", "words", "runnable", "exercises", "quizQuestions", "diagrams", "references",
                                "errors", "warnings", "skipped"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(first.value(QLatin1String("path")).toString(), QStringLiteral("01_basics/01_broken_runs.md"));
        QVERIFY(first.value(QLatin1String("errors"))
                    .toArray()
                    .first()
                    .toString()
                    .startsWith(QLatin1String("01_basics/01_broken_runs.md:35: ")));
        const QJsonObject summary = json.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.value(QLatin1String("written")).toInt(), 3);
        QCOMPARE(summary.value(QLatin1String("total")).toInt(), 4);
        QCOMPARE(summary.value(QLatin1String("errors")).toInt(), 15);
        QCOMPARE(summary.value(QLatin1String("skipped")).toInt(), 1);
        QCOMPARE(json.value(QLatin1String("notWritten")).toArray().first().toString(),
                 QStringLiteral("01_basics/04_unwritten.md"));
    }

    void resolvesLinks()
    {
        QString fragment;
        QString problem;
        QCOMPARE(LessonStructureCheck::resolveLink(QStringLiteral("01_a/02_b.md"),
                                                   QStringLiteral("../02_c/01_d.md#x%20y"), &fragment, &problem),
                 QStringLiteral("02_c/01_d.md"));
        QCOMPARE(fragment, QStringLiteral("x y"));
        QCOMPARE(LessonStructureCheck::resolveLink(QStringLiteral("01_a/02_b.md"), QStringLiteral("#top"), &fragment,
                                                   &problem),
                 QStringLiteral("01_a/02_b.md"));
        QCOMPARE(fragment, QStringLiteral("top"));
        QCOMPARE(LessonStructureCheck::resolveLink(QStringLiteral("01_a/02_b.md"),
                                                   QStringLiteral("images/p%C3%A9.png?v=1"), &fragment, &problem),
                 QStringLiteral("01_a/images/pé.png"));
        QVERIFY(LessonStructureCheck::resolveLink(QStringLiteral("01_a/02_b.md"), QStringLiteral("../../etc/passwd"),
                                                  &fragment, &problem)
                    .isEmpty());
        QVERIFY(problem.contains(QLatin1String("leaves the content folder")));
        QVERIFY(LessonStructureCheck::resolveLink(QStringLiteral("01_a/02_b.md"), QStringLiteral("/etc/passwd"),
                                                  &fragment, &problem)
                    .isEmpty());
    }

    void rendererMessagesKeepTheirLines()
    {
        const QString path = QStringLiteral("x.md");
        const auto error = ContentIssue::Severity::Error;
        ContentIssue issue =
            LessonStructureCheck::issueFromRendererMessage(path, QStringLiteral("line 42: bad"), error);
        QCOMPARE(issue.line, 42);
        QCOMPARE(issue.message, QStringLiteral("bad"));
        issue =
            LessonStructureCheck::issueFromRendererMessage(path, QStringLiteral("quiz block line 9: no option"), error);
        QCOMPARE(issue.line, 9);
        QCOMPARE(issue.message, QStringLiteral("quiz block: no option"));
        issue = LessonStructureCheck::issueFromRendererMessage(
            path, QStringLiteral("invalid UTF-8 at byte 3 (line 2): overlong encoding"), error);
        QCOMPARE(issue.line, 2);
        QCOMPARE(issue.toString(), QStringLiteral("x.md:2: invalid UTF-8 at byte 3 (line 2): overlong encoding"));
        issue = LessonStructureCheck::issueFromRendererMessage(path, QStringLiteral("lesson is 10.1 MB"),
                                                               ContentIssue::Severity::Warning);
        QCOMPARE(issue.line, 0);
        QCOMPARE(issue.toString(), QStringLiteral("x.md: warning: lesson is 10.1 MB"));
    }

private:
    static ContentCheckOptions optionsFor(const QString &contentDir)
    {
        ContentCheckOptions options;
        options.contentDir = contentDir;
        options.cacheDir = QStringLiteral(DBLEARN_TEST_CACHE_DIR); // dataset templates survive between runs
        return options;
    }

    BackendRegistry m_registry;
};

QTEST_GUILESS_MAIN(ContentCheckerTest)
#include "tst_contentchecker.moc"

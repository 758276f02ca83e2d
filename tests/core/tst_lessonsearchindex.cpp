#include "curriculum/curriculum.h"
#include "lessons/markdownrenderer.h"
#include "search/lessonsearchindex.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace dblearn;

class LessonSearchIndexTest final : public QObject
{
    Q_OBJECT
private slots:
    void ftsQuery()
    {
        QCOMPARE(LessonSearchIndex::toFtsQuery(QStringLiteral("write ahead")), QStringLiteral("\"write\" \"ahead\"*"));
        QCOMPARE(LessonSearchIndex::toFtsQuery(QStringLiteral("wal ")), QStringLiteral("\"wal\""));
        // FTS5 syntax typed by the learner is taken as words, never as operators.
        QCOMPARE(LessonSearchIndex::toFtsQuery(QStringLiteral("a\" OR b*")), QStringLiteral("\"a\" \"OR\" \"b\""));
        QCOMPARE(LessonSearchIndex::toFtsQuery(QStringLiteral("  ")), QString());
        QCOMPARE(LessonSearchIndex::toFtsQuery(QStringLiteral("naïve")), QStringLiteral("\"naïve\"*"));
        // A last word of one letter is no prefix yet (it would match most of the index).
        QCOMPARE(LessonSearchIndex::toFtsQuery(QStringLiteral("vector s")), QStringLiteral("\"vector\""));
        QCOMPARE(LessonSearchIndex::toFtsQuery(QStringLiteral("vector se")), QStringLiteral("\"vector\" \"se\"*"));
        QCOMPARE(LessonSearchIndex::toFtsQuery(QStringLiteral("s")), QStringLiteral("\"s\""));
    }

    void findsSectionsWithTheirAnchors()
    {
        LessonSearchIndex index;
        const QByteArray lesson = "---\ntitle: Write-ahead logging\n---\n"
                                  "# Write-ahead logging\n\nIntro about durability.\n\n"
                                  "## How checkpoints work\n\nA checkpoint flushes dirty pages.\n\n"
                                  "```sql\nSELECT checkpoint_lsn FROM pg_control_checkpoint();\n```\n\n"
                                  "## Exercise\n\n```exercise\nsolution: |\n  SELECT secret_answer_word\n```\n";
        QVERIFY(index.addLesson(QStringLiteral("a/wal.md"), QStringLiteral("Write-Ahead Logging"), lesson));
        QVERIFY(index.addLesson(QStringLiteral("b/other.md"), QStringLiteral("Other"), "# Other\n\nNothing here.\n"));

        QList<SearchHit> hits = index.search(QStringLiteral("checkpo"));
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.first().lessonPath, QStringLiteral("a/wal.md"));
        QCOMPARE(hits.first().heading, QStringLiteral("How checkpoints work"));
        QCOMPARE(hits.first().anchor, QStringLiteral("how-checkpoints-work"));
        QVERIFY2(hits.first().snippet.contains(QStringLiteral("[[")), qPrintable(hits.first().snippet));

        // Anchors agree with the renderer's.
        const RenderedLesson rendered = MarkdownRenderer().render(lesson);
        QVERIFY2(rendered.ok, qPrintable(rendered.error));
        QStringList anchors;
        for (const Heading &h : rendered.headings)
            anchors << h.anchor;
        QVERIFY2(anchors.contains(hits.first().anchor), qPrintable(anchors.join(QLatin1Char(','))));

        hits = index.search(QStringLiteral("logging"));
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.first().lessonPath, QStringLiteral("a/wal.md")); // title matches rank first

        QVERIFY(index.search(QStringLiteral("secret_answer_word")).isEmpty()); // solutions are not indexed
        QVERIFY(index.search(QStringLiteral("zzzznothing")).isEmpty());
        QVERIFY(index.search(QStringLiteral("\"")).isEmpty());
    }

    void buildsOverTheCurriculum()
    {
        Curriculum curriculum;
        QString error;
        QVERIFY2(curriculum.load(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/curriculum.json"), &error), qPrintable(error));
        LessonSearchIndex index;
        QVERIFY2(index.build(curriculum, QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR), &error), qPrintable(error));
        // Whatever is written is searchable by its title words.
        for (const LessonEntry &lesson : curriculum.lessons()) {
            if (!QFile::exists(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/") + lesson.path))
                continue;
            const QList<SearchHit> hits = index.search(lesson.title, 200);
            bool found = false;
            for (const SearchHit &hit : hits)
                found = found || hit.lessonPath == lesson.path;
            QVERIFY2(found, qPrintable(lesson.path));
        }
    }
};

QTEST_GUILESS_MAIN(LessonSearchIndexTest)
#include "tst_lessonsearchindex.moc"

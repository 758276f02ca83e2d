#include "curriculum/curriculum.h"

#include <QSet>
#include <QTest>

using namespace dblearn;

class CurriculumTest final : public QObject
{
    Q_OBJECT
private slots:
    void theShippedCurriculum()
    {
        Curriculum curriculum;
        QString error;
        QVERIFY2(curriculum.load(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/curriculum.json"), &error), qPrintable(error));
        QCOMPARE(curriculum.levels().size(), 6);
        QCOMPARE(curriculum.lessons().size(), 116);
        const QStringList levelTitles{QStringLiteral("Foundations"), QStringLiteral("Intermediate"),
                                      QStringLiteral("Advanced"),    QStringLiteral("Production"),
                                      QStringLiteral("Case Studies"), QStringLiteral("Tutorials")};
        QList<int> perLevel;
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(curriculum.levels()[i].title, levelTitles[i]);
            QCOMPARE(curriculum.levels()[i].number, i + 1);
            int count = 0;
            for (const CurriculumSection &section : curriculum.levels()[i].sections)
                count += int(section.lessons.size());
            perLevel << count;
        }
        // The counts the content issues name: 20, 20, 19, 28, 13, 16.
        QCOMPARE(perLevel, (QList<int>{20, 20, 19, 28, 13, 16}));
        QCOMPARE(curriculum.lessons().first().path, QStringLiteral("01_foundations/01_acid_properties.md"));
        QCOMPARE(curriculum.lessons().last().path, QStringLiteral("06_tutorials/16_chaos_engineering.md"));
        // "Cloud Cost Management" is listed twice in the index but is one lesson.
        int cloudCost = 0;
        for (const LessonEntry &lesson : curriculum.lessons())
            cloudCost += lesson.path == QLatin1String("04_production/04_economics/02_cloud_cost_management.md");
        QCOMPARE(cloudCost, 1);
        const LessonEntry *entry = curriculum.find(QStringLiteral("03_advanced/01_ai_ml_integration/02_rag_systems.md"));
        QVERIFY(entry);
        QCOMPARE(entry->title, QStringLiteral("RAG Systems"));
        QCOMPARE(curriculum.levels()[entry->level].sections[entry->section].title, QStringLiteral("AI/ML Integration"));
        QCOMPARE(curriculum.indexOf(QStringLiteral("no/such.md")), -1);
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{levels: [") << QStringLiteral("invalid JSON");
        QTest::newRow("wrong format") << QByteArray(R"({"format": "x", "levels": []})") << QStringLiteral("not a curriculum");
        QTest::newRow("no lessons") << QByteArray(R"({"format": "dblearn-curriculum", "levels": []})")
                                    << QStringLiteral("no lessons");
        QTest::newRow("escaping path")
            << QByteArray(R"({"format": "dblearn-curriculum", "levels": [{"number": 1, "title": "L", "sections": [)"
                          R"({"title": "S", "lessons": [{"path": "../../etc/passwd", "title": "x"}]}]}]})")
            << QStringLiteral("unsafe path");
        QTest::newRow("duplicate path")
            << QByteArray(R"({"format": "dblearn-curriculum", "levels": [{"number": 1, "title": "L", "sections": [)"
                          R"({"title": "S", "lessons": [{"path": "a.md", "title": "A"}, {"path": "a.md", "title": "B"}]}]}]})")
            << QStringLiteral("listed twice");
    }

    void rejectsBadFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        Curriculum curriculum;
        QString error;
        QVERIFY(!curriculum.loadFromJson(json, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(curriculum.lessons().isEmpty());
    }

    void missingFile()
    {
        Curriculum curriculum;
        QString error;
        QVERIFY(!curriculum.load(QStringLiteral("/nonexistent/curriculum.json"), &error));
        QVERIFY(error.contains(QStringLiteral("cannot read")));
    }
};

QTEST_GUILESS_MAIN(CurriculumTest)
#include "tst_curriculum.moc"

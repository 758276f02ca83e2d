#include "lessons/lessonblockparser.h"

#include <QTest>

using namespace dblearn;

class LessonBlockParserTest : public QObject
{
    Q_OBJECT

private slots:
    void fullExercise();
    void dmlExerciseWithVerify();
    void exerciseErrors_data();
    void exerciseErrors();
    void exerciseWithoutHintIsUsableButReported();
    void singleChoiceQuiz();
    void multipleChoiceQuiz();
    void quizErrors_data();
    void quizErrors();
    void ids();
};

void LessonBlockParserTest::fullExercise()
{
    const QByteArray block = "id: top-customers\n"
                             "title: Top customers\n"
                             "engine: sqlite\n"
                             "dataset: shop\n"
                             "variant_datasets: [shop_small]\n"
                             "prompt: |\n"
                             "  List the three customers with the **highest** total.\n"
                             "starter: |\n"
                             "  SELECT customer_id\n"
                             "  FROM orders;\n"
                             "hint:\n"
                             "  - Use `GROUP BY`.\n"
                             "  - Then `ORDER BY ... DESC LIMIT 3`.\n"
                             "solution: |\n"
                             "  SELECT customer_id, sum(total) AS spent\n"
                             "  FROM orders GROUP BY customer_id ORDER BY spent DESC LIMIT 3;\n"
                             "ordered: true\n"
                             "check_column_names: false\n"
                             "float_tolerance: 0.01\n";
    Exercise e;
    QStringList errors;
    QVERIFY(LessonBlockParser::parseExercise(block, 40, &e, &errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(e.id, QStringLiteral("top-customers"));
    QCOMPARE(e.title, QStringLiteral("Top customers"));
    QCOMPARE(e.engine, QStringLiteral("sqlite"));
    QCOMPARE(e.dataset, QStringLiteral("shop"));
    QCOMPARE(e.variantDatasets, QStringList{QStringLiteral("shop_small")});
    QCOMPARE(e.prompt, QStringLiteral("List the three customers with the **highest** total."));
    QCOMPARE(e.starter, QStringLiteral("SELECT customer_id\nFROM orders;"));
    QCOMPARE(e.hints.size(), 2);
    QCOMPARE(e.hints.at(1), QStringLiteral("Then `ORDER BY ... DESC LIMIT 3`."));
    QVERIFY(e.solution.startsWith(QLatin1String("SELECT customer_id, sum(total)")));
    QVERIFY(!e.solution.endsWith(QLatin1Char('\n')));
    QVERIFY(e.ordered);
    QVERIFY(!e.checkColumnNames);
    QCOMPARE(e.floatTolerance, 0.01);
    QCOMPARE(e.line, 40);
    QCOMPARE(e.solutionLine, 55); // "solution: |" is on file line 54
    QVERIFY(!e.isDml());
}

void LessonBlockParserTest::dmlExerciseWithVerify()
{
    const QByteArray block = "engine: sqlite\n"
                             "prompt: Add a row.\n"
                             "hint: Use INSERT.\n"
                             "solution: INSERT INTO t VALUES (1);\n"
                             "verify: SELECT count(*) FROM t;\n";
    Exercise e;
    QStringList errors;
    QVERIFY(LessonBlockParser::parseExercise(block, 1, &e, &errors));
    QVERIFY(errors.isEmpty());
    QVERIFY(e.isDml());
    QCOMPARE(e.verify, QStringLiteral("SELECT count(*) FROM t;"));
    QCOMPARE(e.verifyLine, 6);
    QCOMPARE(e.solutionLine, 5);
    QCOMPARE(e.hints, QStringList{QStringLiteral("Use INSERT.")});
    QVERIFY(e.dataset.isEmpty());
    QCOMPARE(e.floatTolerance, 1e-9);
    QVERIFY(!e.ordered);
}

void LessonBlockParserTest::exerciseErrors_data()
{
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<QString>("error");
    QTest::newRow("no solution") << QByteArray("engine: sqlite\nprompt: p\nhint: h\n")
                                 << QStringLiteral("exercise block line 10: 'solution' is missing");
    QTest::newRow("no engine") << QByteArray("prompt: p\nhint: h\nsolution: s\n")
                               << QStringLiteral("exercise block line 10: 'engine' is missing");
    QTest::newRow("empty prompt") << QByteArray("engine: sqlite\nprompt: \"\"\nhint: h\nsolution: s\n")
                                  << QStringLiteral("exercise block line 12: 'prompt' is empty");
    QTest::newRow("typo key") << QByteArray("engine: sqlite\nprompt: p\nhint: h\nsolution: s\norderd: true\n")
                              << QStringLiteral("exercise block line 15: unknown key 'orderd' in an exercise (known keys: id, title, engine, "
                                                "dataset, variant_datasets, prompt, starter, hint, solution, verify, ordered, "
                                                "check_column_names, float_tolerance)");
    QTest::newRow("ordered not bool") << QByteArray("engine: sqlite\nprompt: p\nhint: h\nsolution: s\nordered: yes\n")
                                      << QStringLiteral("exercise block line 15: 'ordered' must be true or false");
    QTest::newRow("negative tolerance") << QByteArray("engine: sqlite\nprompt: p\nhint: h\nsolution: s\nfloat_tolerance: -1\n")
                                        << QStringLiteral("exercise block line 15: 'float_tolerance' must be a number from 0 to 1e6, such as 0.001");
    QTest::newRow("bad engine") << QByteArray("engine: SQL Lite\nprompt: p\nhint: h\nsolution: s\n")
                                << QStringLiteral("exercise block line 11: 'engine' must be an engine name such as sqlite");
    QTest::newRow("bad id") << QByteArray("id: Top Customers\nengine: sqlite\nprompt: p\nhint: h\nsolution: s\n")
                            << QStringLiteral("exercise block line 11: 'id' must be lower-case letters, digits, '-' or '_' (at most 48)");
    QTest::newRow("yaml error") << QByteArray("engine: sqlite\nprompt p\n")
                                << QStringLiteral("exercise block line 12: expected key: value");
}

void LessonBlockParserTest::exerciseErrors()
{
    QFETCH(QByteArray, block);
    QFETCH(QString, error);
    Exercise e;
    QStringList errors;
    QVERIFY(!LessonBlockParser::parseExercise(block, 10, &e, &errors));
    QVERIFY2(errors.contains(error), qPrintable(errors.join(QLatin1Char('\n'))));
}

void LessonBlockParserTest::exerciseWithoutHintIsUsableButReported()
{
    Exercise e;
    QStringList errors;
    QVERIFY(LessonBlockParser::parseExercise("engine: sqlite\nprompt: p\nsolution: SELECT 1;\n", 7, &e, &errors));
    QCOMPARE(errors, QStringList{QStringLiteral("exercise block line 7: the exercise has no 'hint'")});
}

void LessonBlockParserTest::singleChoiceQuiz()
{
    const QByteArray block = "id: scan-or-search\n"
                             "question: What does `SCAN` mean?\n"
                             "options:\n"
                             "  - text: Every row is read.\n"
                             "    correct: true\n"
                             "    explanation: Right.\n"
                             "  - text: An index is used.\n"
                             "    explanation: That is SEARCH.\n";
    Quiz q;
    QStringList errors;
    QVERIFY(LessonBlockParser::parseQuiz(block, 20, &q, &errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(q.id, QStringLiteral("scan-or-search"));
    QVERIFY(!q.multiple);
    QCOMPARE(q.options.size(), 2);
    QCOMPARE(q.options.at(0).id, QStringLiteral("a"));
    QCOMPARE(q.options.at(1).id, QStringLiteral("b"));
    QCOMPARE(q.options.at(1).line, 27);
    QCOMPARE(q.options.at(1).explanation, QStringLiteral("That is SEARCH."));
    QCOMPARE(q.correctOptionIds(), QStringList{QStringLiteral("a")});
    QVERIFY(q.isCorrectAnswer({QStringLiteral("a")}));
    QVERIFY(!q.isCorrectAnswer({QStringLiteral("b")}));
    QVERIFY(!q.isCorrectAnswer({QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(!q.isCorrectAnswer({}));
}

void LessonBlockParserTest::multipleChoiceQuiz()
{
    const QByteArray block = "type: multiple\n"
                             "question: Which are true?\n"
                             "options:\n"
                             "  - text: One\n"
                             "    correct: true\n"
                             "    explanation: e1\n"
                             "  - text: Two\n"
                             "    correct: true\n"
                             "    explanation: e2\n"
                             "  - text: Three\n"
                             "    explanation: e3\n";
    Quiz q;
    QStringList errors;
    QVERIFY(LessonBlockParser::parseQuiz(block, 1, &q, &errors));
    QVERIFY(q.multiple);
    QCOMPARE(q.correctOptionIds(), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(q.isCorrectAnswer({QStringLiteral("b"), QStringLiteral("a")}));
    QVERIFY(q.isCorrectAnswer({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("a")}));
    QVERIFY(!q.isCorrectAnswer({QStringLiteral("a")}));
    QVERIFY(!q.isCorrectAnswer({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
}

void LessonBlockParserTest::quizErrors_data()
{
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<QString>("error");
    const QByteArray header = "question: Q?\noptions:\n";
    QTest::newRow("no correct option")
        << header + "  - text: A\n    explanation: x\n  - text: B\n    explanation: y\n"
        << QStringLiteral("quiz block line 102: no option is marked 'correct: true'");
    QTest::newRow("option without explanation")
        << header + "  - text: A\n    correct: true\n    explanation: x\n  - text: B\n"
        << QStringLiteral("quiz block line 106: option b has no explanation (say why it is right or wrong)");
    QTest::newRow("two correct in single")
        << header + "  - text: A\n    correct: true\n    explanation: x\n  - text: B\n    correct: true\n    explanation: y\n"
        << QStringLiteral("quiz block line 102: a single-choice question needs exactly one correct option, not 2 (use 'type: multiple' "
                          "for choose-all-that-apply)");
    QTest::newRow("one option")
        << header + "  - text: A\n    correct: true\n    explanation: x\n"
        << QStringLiteral("quiz block line 102: a question needs 2 to 10 options, not 1");
    QTest::newRow("option as plain string")
        << header + "  - A\n  - text: B\n    correct: true\n    explanation: y\n"
        << QStringLiteral("quiz block line 103: option a must be a map: '- text: ...' with correct: and explanation:");
    QTest::newRow("unknown option key")
        << header + "  - text: A\n    correct: true\n    explanation: x\n    why: z\n  - text: B\n    explanation: y\n"
        << QStringLiteral("quiz block line 106: unknown key 'why' in option a (known keys: text, correct, explanation)");
    QTest::newRow("bad type")
        << QByteArray("type: several\n") + header + "  - text: A\n    correct: true\n    explanation: x\n  - text: B\n    explanation: y\n"
        << QStringLiteral("quiz block line 101: 'type' must be single or multiple");
    QTest::newRow("no question")
        << QByteArray("options:\n  - text: A\n    correct: true\n    explanation: x\n  - text: B\n    explanation: y\n")
        << QStringLiteral("quiz block line 100: 'question' is missing");
    QTest::newRow("no options") << QByteArray("question: Q?\n")
                                << QStringLiteral("quiz block line 100: 'options' must be a list of options (- text: ...)");
    QTest::newRow("correct not bool")
        << header + "  - text: A\n    correct: \"true\"\n    explanation: x\n  - text: B\n    explanation: y\n"
        << QStringLiteral("quiz block line 104: 'correct' must be true or false");
}

void LessonBlockParserTest::quizErrors()
{
    QFETCH(QByteArray, block);
    QFETCH(QString, error);
    Quiz q;
    QStringList errors;
    QVERIFY(!LessonBlockParser::parseQuiz(block, 100, &q, &errors));
    QVERIFY2(errors.contains(error), qPrintable(errors.join(QLatin1Char('\n'))));
}

void LessonBlockParserTest::ids()
{
    QVERIFY(LessonBlockParser::isValidId(QStringLiteral("quiz-1")));
    QVERIFY(LessonBlockParser::isValidId(QStringLiteral("a_b")));
    QVERIFY(!LessonBlockParser::isValidId(QStringLiteral("-a")));
    QVERIFY(!LessonBlockParser::isValidId(QStringLiteral("A")));
    QVERIFY(!LessonBlockParser::isValidId(QString(49, QLatin1Char('a'))));
    QVERIFY(LessonBlockParser::isValidName(QStringLiteral("postgresql")));
    QVERIFY(LessonBlockParser::isValidName(QStringLiteral("shop_v2")));
    QVERIFY(!LessonBlockParser::isValidName(QStringLiteral("2shop")));
    QVERIFY(!LessonBlockParser::isValidName(QStringLiteral("shop-v2")));
}

QTEST_APPLESS_MAIN(LessonBlockParserTest)
#include "tst_lessonblockparser.moc"

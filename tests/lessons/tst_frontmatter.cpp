#include "lessons/frontmatter.h"
#include "lessons/miniyaml.h"

#include <QTest>

using namespace dblearn;

namespace {

const char kGood[] = "---\n"
                     "# comment line\n"
                     "id: indexing-basics\n"
                     "title: \"Indexes: how SQLite finds rows\"\n"
                     "level: 1\n"
                     "section: Core Concepts\n"
                     "description: 'It''s about B-trees' # trailing comment\n"
                     "minutes_read: 12\n"
                     "minutes_practice: 10\n"
                     "prerequisites: [01_foundations/03_storage_architectures.md, \"01_foundations/02_database_types.md\"]\n"
                     "tags:\n"
                     "  - indexes\n"
                     "  - b-tree\n"
                     "engines: [sqlite]\n"
                     "datasets: []\n"
                     "---\n"
                     "# Body\n";

} // namespace

class FrontMatterTest : public QObject
{
    Q_OBJECT

private slots:
    void parsesGoodFrontMatter();
    void noFrontMatter();
    void bomAndCrlf();
    void checkReportsMissingAndWrongTypes();
    void brokenFrontMatter_data();
    void brokenFrontMatter();
    void yamlScalars();
    void yamlBlockScalars();
    void yamlListOfMaps();
    void yamlNestedMapAndDepthLimit();
    void yamlErrors_data();
    void yamlErrors();
};

void FrontMatterTest::parsesGoodFrontMatter()
{
    FrontMatter fm;
    QVERIFY2(fm.parse(QByteArray(kGood)), qPrintable(fm.error()));
    QVERIFY(fm.isPresent());
    const QVariantMap v = fm.values();
    QCOMPARE(v.value(QStringLiteral("id")).toString(), QStringLiteral("indexing-basics"));
    QCOMPARE(v.value(QStringLiteral("title")).toString(), QStringLiteral("Indexes: how SQLite finds rows"));
    QCOMPARE(v.value(QStringLiteral("level")).typeId(), QMetaType::LongLong);
    QCOMPARE(v.value(QStringLiteral("level")).toInt(), 1);
    QCOMPARE(v.value(QStringLiteral("description")).toString(), QStringLiteral("It's about B-trees"));
    QCOMPARE(v.value(QStringLiteral("prerequisites")).toStringList(),
             QStringList({QStringLiteral("01_foundations/03_storage_architectures.md"),
                          QStringLiteral("01_foundations/02_database_types.md")}));
    QCOMPARE(v.value(QStringLiteral("tags")).toStringList(), QStringList({QStringLiteral("indexes"), QStringLiteral("b-tree")}));
    QCOMPARE(v.value(QStringLiteral("datasets")).toList().size(), 0);
    QCOMPARE(v.value(QStringLiteral("datasets")).typeId(), QMetaType::QVariantList);
    QCOMPARE(fm.line(QLatin1String("id")), 3);
    QCOMPARE(fm.line(QLatin1String("tags")), 11);
    QCOMPARE(fm.line(QLatin1String("missing")), 0);
    QCOMPARE(fm.bodyFirstLine(), 17);
    QCOMPARE(QByteArray(kGood).mid(fm.bodyOffset()), QByteArray("# Body\n"));

    QStringList errors, warnings;
    fm.check(&errors, &warnings);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QVERIFY(warnings.isEmpty());
}

void FrontMatterTest::noFrontMatter()
{
    FrontMatter fm;
    QVERIFY(fm.parse(QByteArray("# Just markdown\n\n---\n")));
    QVERIFY(!fm.isPresent());
    QCOMPARE(fm.bodyOffset(), qsizetype(0));
    QCOMPARE(fm.bodyFirstLine(), 1);
    QStringList errors, warnings;
    fm.check(&errors, &warnings);
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.front().contains(QLatin1String("no front matter")));
}

void FrontMatterTest::bomAndCrlf()
{
    QByteArray text = QByteArray("\xEF\xBB\xBF") + QByteArray(kGood).replace("\n", "\r\n");
    FrontMatter fm;
    QVERIFY2(fm.parse(text), qPrintable(fm.error()));
    QCOMPARE(fm.values().value(QStringLiteral("section")).toString(), QStringLiteral("Core Concepts"));
    QCOMPARE(fm.bodyFirstLine(), 17);
    QCOMPARE(text.mid(fm.bodyOffset()), QByteArray("# Body\r\n"));
}

void FrontMatterTest::checkReportsMissingAndWrongTypes()
{
    const QByteArray text = "---\n"
                            "id: Not A Slug\n"
                            "title: 42\n"
                            "level: one\n"
                            "minutes_read: -3\n"
                            "prerequisites: [../outside.md]\n"
                            "tags: sql\n"
                            "engines: [SQLite]\n"
                            "colour: blue\n"
                            "---\n";
    FrontMatter fm;
    QVERIFY2(fm.parse(text), qPrintable(fm.error()));
    QStringList errors, warnings;
    fm.check(&errors, &warnings);
    const QString all = errors.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("front matter line 2: 'id' must be lower-case")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("front matter line 3: 'title' must be non-empty text, not a number")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("front matter line 4: 'level' must be an integer of at least 1, not text")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("front matter line 5: 'minutes_read' must be a whole number")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("front matter line 6: prerequisite '../outside.md'")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("front matter line 7: 'tags' must be a list")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("front matter line 8: 'engines' item 'SQLite'")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("'section' is missing")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("'description' is missing")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("'minutes_practice' is missing")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("'datasets' is missing")), qPrintable(all));
    QCOMPARE(warnings, QStringList{QStringLiteral("front matter line 9: unknown key 'colour'")});
}

void FrontMatterTest::brokenFrontMatter_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("not a key") << QByteArray("---\nid: a\ntitle: b\njust some words\n---\n")
                               << QStringLiteral("front matter line 4: expected key: value");
    QTest::newRow("not closed") << QByteArray("---\nid: a\ntitle: b\n\n# Heading\n")
                                << QStringLiteral("front matter line 1: the '---' block is not closed (add a '---' line after the last field)");
    QTest::newRow("tab indentation") << QByteArray("---\ntags:\n\t- a\n---\n")
                                     << QStringLiteral("front matter line 3: tabs are not allowed for indentation; use spaces");
    QTest::newRow("duplicate key") << QByteArray("---\nid: a\nlevel: 1\nid: b\n---\n")
                                   << QStringLiteral("front matter line 4: duplicate key 'id' (first on line 2)");
    QTest::newRow("unterminated quote") << QByteArray("---\ntitle: \"Indexes\n---\n")
                                        << QStringLiteral("front matter line 2: unterminated quoted string (it must end on the same line)");
    QTest::newRow("colon in plain value") << QByteArray("---\ntitle: Indexes: the basics\n---\n")
                                          << QStringLiteral("front matter line 2: a value containing ': ' must be quoted");
    QTest::newRow("unclosed list") << QByteArray("---\ntags: [a, b\n---\n")
                                   << QStringLiteral("front matter line 2: unterminated list (missing ']')");
    QTest::newRow("inline map") << QByteArray("---\nauthors: {name: x}\n---\n")
                                << QStringLiteral("front matter line 2: inline maps ('{...}') are not supported");
    QTest::newRow("unexpected indentation") << QByteArray("---\nid: a\n   level: 1\n---\n")
                                            << QStringLiteral("front matter line 3: unexpected indentation");
}

void FrontMatterTest::brokenFrontMatter()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    FrontMatter fm;
    QVERIFY(!fm.parse(text));
    QCOMPARE(fm.error(), error);
}

void FrontMatterTest::yamlScalars()
{
    const QByteArray text = "a: plain text\n"
                            "b: 42\n"
                            "c: -7\n"
                            "d: 0.25\n"
                            "e: 1e-6\n"
                            "f: true\n"
                            "g: False\n"
                            "h: null\n"
                            "i: ~\n"
                            "j:\n"
                            "k: \"tab\\tquote\\\" \\u00e9\"\n"
                            "l: 'single ''quoted'''\n"
                            "m: \"42\"\n"
                            "n: yes\n"
                            "o: C# and #hash, a comment\n"
                            "p: http://example.org/x\n"
                            "q: caf\xC3\xA9\n";
    YamlNode root;
    QString error;
    QVERIFY2(MiniYaml::parse(text, 1, QStringLiteral("test"), &root, &error), qPrintable(error));
    const QVariantMap m = root.toVariant().toMap();
    QCOMPARE(m.value(QStringLiteral("a")), QVariant(QStringLiteral("plain text")));
    QCOMPARE(m.value(QStringLiteral("b")), QVariant(qlonglong(42)));
    QCOMPARE(m.value(QStringLiteral("c")), QVariant(qlonglong(-7)));
    QCOMPARE(m.value(QStringLiteral("d")), QVariant(0.25));
    QCOMPARE(m.value(QStringLiteral("e")), QVariant(1e-6));
    QCOMPARE(m.value(QStringLiteral("f")), QVariant(true));
    QCOMPARE(m.value(QStringLiteral("g")), QVariant(false));
    QVERIFY(!m.value(QStringLiteral("h")).isValid());
    QVERIFY(!m.value(QStringLiteral("i")).isValid());
    QVERIFY(m.contains(QStringLiteral("j")));
    QVERIFY(!m.value(QStringLiteral("j")).isValid());
    QCOMPARE(m.value(QStringLiteral("k")), QVariant(QStringLiteral("tab\tquote\" \u00e9")));
    QCOMPARE(m.value(QStringLiteral("l")), QVariant(QStringLiteral("single 'quoted'")));
    QCOMPARE(m.value(QStringLiteral("m")), QVariant(QStringLiteral("42")));
    QCOMPARE(m.value(QStringLiteral("n")), QVariant(QStringLiteral("yes"))); // YAML 1.2: a string
    QCOMPARE(m.value(QStringLiteral("o")), QVariant(QStringLiteral("C# and"))); // " #" starts a comment, as in YAML
    QCOMPARE(m.value(QStringLiteral("p")), QVariant(QStringLiteral("http://example.org/x")));
    QCOMPARE(m.value(QStringLiteral("q")), QVariant(QStringLiteral("caf\u00e9")));
    QVERIFY(root.find(QLatin1String("m"))->quoted);
    QCOMPARE(root.find(QLatin1String("q"))->line, 17);
}

void FrontMatterTest::yamlBlockScalars()
{
    const QByteArray text = "sql: |\n"
                            "  SELECT a,\n"
                            "         b\n"
                            "\n"
                            "  FROM t;   # not a comment\n"
                            "\n"
                            "stripped: |-\n"
                            "    two\n"
                            "    lines\n"
                            "empty: |\n"
                            "next: x\n";
    YamlNode root;
    QString error;
    QVERIFY2(MiniYaml::parse(text, 10, QStringLiteral("test"), &root, &error), qPrintable(error));
    QCOMPARE(root.find(QLatin1String("sql"))->toString(),
             QStringLiteral("SELECT a,\n       b\n\nFROM t;   # not a comment\n"));
    QVERIFY(root.find(QLatin1String("sql"))->literalBlock);
    QCOMPARE(root.find(QLatin1String("sql"))->line, 10);
    QCOMPARE(root.find(QLatin1String("stripped"))->toString(), QStringLiteral("two\nlines"));
    QCOMPARE(root.find(QLatin1String("empty"))->toString(), QString());
    QCOMPARE(root.find(QLatin1String("next"))->toString(), QStringLiteral("x"));
    QCOMPARE(root.find(QLatin1String("next"))->line, 20);
}

void FrontMatterTest::yamlListOfMaps()
{
    const QByteArray text = "options:\n"
                            "  - text: first\n"
                            "    correct: true\n"
                            "    explanation: |\n"
                            "      Long\n"
                            "      text.\n"
                            "  - text: \"second\"\n"
                            "    explanation: short\n"
                            "flat:\n"
                            "- a\n"
                            "- b\n"
                            "after: 1\n";
    YamlNode root;
    QString error;
    QVERIFY2(MiniYaml::parse(text, 1, QStringLiteral("quiz block"), &root, &error), qPrintable(error));
    const YamlNode *options = root.find(QLatin1String("options"));
    QVERIFY(options && options->isList());
    QCOMPARE(int(options->items.size()), 2);
    QCOMPARE(options->items[0].line, 2);
    QCOMPARE(options->items[1].line, 7);
    QCOMPARE(options->items[0].find(QLatin1String("explanation"))->toString(), QStringLiteral("Long\ntext.\n"));
    QCOMPARE(options->items[0].find(QLatin1String("correct"))->toVariant(), QVariant(true));
    QVERIFY(!options->items[1].find(QLatin1String("correct")));
    QCOMPARE(root.toVariant().toMap().value(QStringLiteral("flat")).toStringList(),
             QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(root.find(QLatin1String("after"))->toVariant(), QVariant(qlonglong(1)));
}

void FrontMatterTest::yamlNestedMapAndDepthLimit()
{
    YamlNode root;
    QString error;
    QVERIFY2(MiniYaml::parse("datasets:\n  main: shop\n  extra: [a, b]\n", 1, QStringLiteral("t"), &root, &error),
             qPrintable(error));
    const QVariantMap nested = root.toVariant().toMap().value(QStringLiteral("datasets")).toMap();
    QCOMPARE(nested.value(QStringLiteral("main")).toString(), QStringLiteral("shop"));
    QCOMPARE(nested.value(QStringLiteral("extra")).toStringList().size(), 2);

    QVERIFY(!MiniYaml::parse("a:\n  - b:\n      - c\n", 1, QStringLiteral("t"), &root, &error));
    QCOMPARE(error, QStringLiteral("t line 3: nesting deeper than 2 levels is not supported"));
    QVERIFY(MiniYaml::parse("a:\n  b:\n    c: 1\n", 1, QStringLiteral("t"), &root, &error));
    QVERIFY(!MiniYaml::parse("a:\n  b:\n    c:\n      d: 1\n", 1, QStringLiteral("t"), &root, &error));
    QCOMPARE(error, QStringLiteral("t line 4: nesting deeper than 2 levels is not supported"));
}

void FrontMatterTest::yamlErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("folded block") << QByteArray("a: >\n  x\n") << QStringLiteral("t line 1: folded blocks ('>') are not supported; use '|'");
    QTest::newRow("keep chomping") << QByteArray("a: |+\n  x\n") << QStringLiteral("t line 1: only '|' and '|-' block headers are supported");
    QTest::newRow("text after |") << QByteArray("a: | x\n") << QStringLiteral("t line 1: the text of a '|' block starts on the next line");
    QTest::newRow("anchor") << QByteArray("a: &x 1\n") << QStringLiteral("t line 1: a value starting with '&' must be quoted");
    QTest::newRow("dash value") << QByteArray("a: - x\n") << QStringLiteral("t line 1: a value starting with '- ' must be quoted");
    QTest::newRow("empty list item") << QByteArray("a:\n  -\n") << QStringLiteral("t line 2: empty list item");
    QTest::newRow("list in list") << QByteArray("a:\n  - [1, 2]\n") << QStringLiteral("t line 2: lists inside lists are not supported");
    QTest::newRow("unknown escape") << QByteArray("a: \"\\q\"\n") << QStringLiteral("t line 1: unknown escape '\\q' in a double-quoted string");
    QTest::newRow("text after quote") << QByteArray("a: \"x\" y\n") << QStringLiteral("t line 1: unexpected text after the closing quote");
    QTest::newRow("nested flow list") << QByteArray("a: [[1]]\n") << QStringLiteral("t line 1: nested lists or maps inside [...] are not supported");
    QTest::newRow("empty flow item") << QByteArray("a: [1, , 2]\n") << QStringLiteral("t line 1: empty item in a [...] list");
    QTest::newRow("map item expected") << QByteArray("a:\n  - x\n  y: 1\n") << QStringLiteral("t line 3: expected a list item '- ...'");
    QTest::newRow("key without space") << QByteArray("a:1\n") << QStringLiteral("t line 1: expected key: value");
    QTest::newRow("list at top") << QByteArray("- a\n") << QStringLiteral("t line 1: a list item is not expected here (expected key: value)");
    QByteArray manyKeys;
    for (int i = 0; i < 300; ++i)
        manyKeys += "k" + QByteArray::number(i) + ": 1\n";
    QTest::newRow("too many keys") << manyKeys << QStringLiteral("t line 257: more than 256 keys in one map");
    QTest::newRow("surrogate escape") << QByteArray("a: \"\\ud800\"\n") << QStringLiteral("t line 1: invalid \\u escape (four hex digits, not NUL or a surrogate)");
}

void FrontMatterTest::yamlErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    YamlNode root;
    QString actual;
    QVERIFY(!MiniYaml::parse(text, 1, QStringLiteral("t"), &root, &actual));
    QCOMPARE(actual, error);
}

QTEST_APPLESS_MAIN(FrontMatterTest)
#include "tst_frontmatter.moc"

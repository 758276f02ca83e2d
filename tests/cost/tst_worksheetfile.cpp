// The worksheet file: round trip, upgrade from version 1, and clear refusals of corrupt, truncated
// and future files that change nothing.

#include "cost/worksheetfile.h"
#include "cost/worksheetvalidator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace dblearn;

namespace {

Worksheet sample()
{
    Worksheet w;
    w.id = QStringLiteral("sample");
    w.title = QStringLiteral("Sample");
    w.description = QStringLiteral("two scenarios");
    w.horizonMonths = 24;
    w.currency = {QStringLiteral("EUR"), 0.92, QStringLiteral("2026-11-02")};
    w.discountRate = 0.08;
    w.inflation = 0.03;
    w.sensitivityPercent = 15;
    Scenario a;
    a.id = QStringLiteral("a");
    a.name = QStringLiteral("On demand");
    a.notes = QStringLiteral("note, with \"quotes\"");
    CostComponent c = CostComponent::make(ComponentKind::Compute, QStringLiteral("db.t3.large"));
    c.setValue(param::HourlyPrice, 0.145);
    c.priceRefs.insert(QStringLiteral("hourlyPrice"), QStringLiteral("aws.rds.postgresql.db.t3.large"));
    CostComponent s = CostComponent::make(ComponentKind::Storage, QStringLiteral("gp3"));
    s.setValue(param::StoragePrice, 0.115);
    s.growth = {GrowthModel::Type::Compound, 0.3};
    CostComponent t = CostComponent::make(ComponentKind::DataTransfer, QStringLiteral("out"));
    t.tiers = {{100, 0}, {std::numeric_limits<double>::infinity(), 0.09}};
    t.growth = {GrowthModel::Type::Linear, 5};
    a.components << c << s << t;
    Scenario b = a;
    b.id = QStringLiteral("b");
    b.name = QStringLiteral("Reserved");
    b.components[0].commitment = Commitment::Reserved;
    b.components[0].setValue(param::CommittedHourly, 0.0957);
    w.scenarios << a << b;
    w.comparisons << ScenarioComparison{QStringLiteral("a"), QStringLiteral("b")};
    return w;
}

QByteArray withVersion(int version)
{
    QByteArray data = WorksheetFile::serialize(sample());
    const QByteArray to = QByteArray("\"schemaVersion\": ").append(QByteArray::number(version));
    return data.replace(QByteArray("\"schemaVersion\": 2"), to);
}

} // namespace

class WorksheetFileTest : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const QByteArray first = WorksheetFile::serialize(sample());
        Worksheet read;
        QString error;
        int version = 0;
        QVERIFY2(WorksheetFile::parse(first, &read, &error, &version), qPrintable(error));
        QCOMPARE(version, 2);
        QCOMPARE(WorksheetFile::serialize(read), first);
        QCOMPARE(read.scenarios.size(), 2);
        QCOMPARE(read.scenarios[1].components[0].commitment, Commitment::Reserved);
        QCOMPARE(read.scenarios[0].components[1].growth.type, GrowthModel::Type::Compound);
        QVERIFY(std::isinf(read.scenarios[0].components[2].tiers[1].upToGb));
        QCOMPARE(read.scenarios[0].components[0].priceRefs.value(QStringLiteral("hourlyPrice")),
                 QStringLiteral("aws.rds.postgresql.db.t3.large"));
        QCOMPARE(read.currency.perUsd, 0.92);
        QVERIFY(WorksheetValidator::validate(read).isEmpty());
    }

    void saveIsAtomicAndLoads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.json"));
        QString error;
        QVERIFY2(WorksheetFile::save(sample(), path, &error), qPrintable(error));
        Worksheet read;
        QVERIFY2(WorksheetFile::load(path, &read, &error), qPrintable(error));
        QCOMPARE(read.title, QStringLiteral("Sample"));
        // Only the file itself is left (QSaveFile's temporary file is renamed over it).
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("w.json")});
        // Saving into a folder that does not exist fails with a message, and writes nothing.
        QVERIFY(!WorksheetFile::save(sample(), dir.filePath(QStringLiteral("no/such/w.json")), &error));
        QVERIFY(error.contains(QStringLiteral("does not exist")));
    }

    void upgradesVersion1()
    {
        // Version 1 (the first draft): "months", percentages as numbers 0–100, one growth percentage.
        const QByteArray v1 = R"({
            "schemaVersion": 1, "title": "old", "months": 12,
            "discountRatePercent": 8, "inflationPercent": 3,
            "scenarios": [{"id": "a", "name": "A", "components": [
                {"kind": "storage", "name": "disk", "growthPercentPerYear": 44,
                 "params": {"gb": 1000, "pricePerGbMonth": 0.1, "multiAz": 0}}]}]})";
        Worksheet w;
        QString error;
        int version = 0;
        QVERIFY2(WorksheetFile::parse(v1, &w, &error, &version), qPrintable(error));
        QCOMPARE(version, 1);
        QCOMPARE(w.horizonMonths, 12);
        QCOMPARE(w.discountRate, 0.08);
        QCOMPARE(w.inflation, 0.03);
        QCOMPARE(w.scenarios[0].components[0].growth.type, GrowthModel::Type::Compound);
        QCOMPARE(w.scenarios[0].components[0].growth.rate, 0.44);
        QVERIFY(WorksheetValidator::validate(w).isEmpty());
        // Saved again, it is a version-2 file.
        QVERIFY(WorksheetFile::serialize(w).contains("\"schemaVersion\": 2"));
    }

    void refusesFutureCorruptAndTruncated_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("words");
        const QByteArray good = WorksheetFile::serialize(sample());
        QTest::newRow("future") << withVersion(3) << QStringLiteral("newer DB Learn (schema version 3");
        QTest::newRow("truncated") << good.left(good.size() / 2) << QStringLiteral("ends early");
        QByteArray corrupt = good;
        corrupt.replace(corrupt.indexOf("\"title\""), 7, "@@@@@@@");
        QTest::newRow("corrupt") << corrupt << QStringLiteral("not valid JSON at line");
        QTest::newRow("empty") << QByteArray("  \n") << QStringLiteral("empty");
        QTest::newRow("not a worksheet") << QByteArray(R"({"hello": 1})") << QStringLiteral("no schemaVersion");
        QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("not a JSON object");
        QTest::newRow("other format") << QByteArray(R"({"schemaVersion": 2, "format": "x"})") << QStringLiteral("\"format\"");
        QByteArray kind = good;
        kind.replace("\"kind\": \"storage\"", "\"kind\": \"teleporter\"");
        QTest::newRow("unknown kind") << kind << QStringLiteral("unknown component kind \"teleporter\"");
        QByteArray key = good;
        key.replace("\"hourlyPrice\": 0.145", "\"hourlyPrise\": 0.145");
        QTest::newRow("unknown parameter") << key << QStringLiteral("unknown parameter \"hourlyPrise\"");
    }

    void refusesFutureCorruptAndTruncated()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, words);
        Worksheet w = sample();
        const QByteArray before = WorksheetFile::serialize(w);
        QString error;
        QVERIFY(!WorksheetFile::parse(data, &w, &error));
        QVERIFY2(error.contains(words), qPrintable(error));
        QCOMPARE(WorksheetFile::serialize(w), before); // the worksheet in memory is untouched

        // On disk: a failed load leaves the file as it was.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
        file.close();
        QVERIFY(!WorksheetFile::load(path, &w, &error));
        QVERIFY(error.startsWith(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), data);
    }

    void missingAndNonNumericValuesAreKeptForTheValidator()
    {
        QByteArray data = WorksheetFile::serialize(sample());
        data.replace("\"hourlyPrice\": 0.145,", "");          // scenario a: missing (and b too)
        data.replace("\"pricePerGbMonth\": 0.115", "\"pricePerGbMonth\": \"cheap\"");
        Worksheet w;
        QString error;
        QVERIFY2(WorksheetFile::parse(data, &w, &error), qPrintable(error));
        const QList<ValidationIssue> issues = WorksheetValidator::validate(w);
        QStringList texts;
        for (const ValidationIssue &i : issues)
            texts << i.key + QLatin1Char(':') + i.message;
        QVERIFY2(texts.filter(QStringLiteral("hourlyPrice:is missing")).size() == 2, qPrintable(texts.join(QLatin1Char('\n'))));
        QVERIFY2(texts.filter(QStringLiteral("pricePerGbMonth:is not a number")).size() == 2, qPrintable(texts.join(QLatin1Char('\n'))));
        // The discount rate is required: without it the setting is marked, not taken as 0%.
        QByteArray noRate = WorksheetFile::serialize(sample());
        noRate.replace("\"discountRate\": 0.08,", "");
        QVERIFY(WorksheetFile::parse(noRate, &w, &error));
        const QList<ValidationIssue> rateIssues = WorksheetValidator::validate(w);
        QCOMPARE(rateIssues.size(), 1);
        QCOMPARE(rateIssues.first().key, QStringLiteral("discountRate"));
        QVERIFY(rateIssues.first().message.contains(QStringLiteral("missing")));
        // A NaN written out comes back as null, still not a number, never as 0.
        w.scenarios[0].components[0].setValue(param::HourlyPrice, std::numeric_limits<double>::quiet_NaN());
        Worksheet again;
        QVERIFY(WorksheetFile::parse(WorksheetFile::serialize(w), &again, &error));
        QVERIFY(std::isnan(again.scenarios[0].components[0].value(param::HourlyPrice)));
        QVERIFY(again.scenarios[0].components[0].present[param::HourlyPrice]);
    }
};

QTEST_GUILESS_MAIN(WorksheetFileTest)
#include "tst_worksheetfile.moc"

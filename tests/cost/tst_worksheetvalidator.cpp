// Bad input is marked at the field: missing, NaN, negative, absurd values and bad settings.

#include "cost/worksheetresults.h"
#include "cost/worksheetvalidator.h"

#include <QTest>

#include <limits>

using namespace dblearn;

namespace {

Worksheet valid()
{
    Worksheet w;
    w.title = QStringLiteral("t");
    w.horizonMonths = 12;
    Scenario s;
    s.id = QStringLiteral("a");
    s.name = QStringLiteral("A");
    CostComponent c = CostComponent::make(ComponentKind::Compute, QStringLiteral("db"));
    c.setValue(param::HourlyPrice, 0.145);
    CostComponent d = CostComponent::make(ComponentKind::Storage, QStringLiteral("disk"));
    d.setValue(param::StoragePrice, 0.115);
    s.components << c << d;
    w.scenarios << s;
    return w;
}

// The single issue, checked to point at scenario 0, `component`, `key`, and to say `words`.
void expectOne(const Worksheet &w, int component, const QString &key, const QString &words)
{
    const QList<ValidationIssue> issues = WorksheetValidator::validate(w);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().component, component);
    QCOMPARE(issues.first().key, key);
    QVERIFY2(issues.first().message.contains(words), qPrintable(issues.first().text()));
    // Results are not computed from a worksheet with issues.
    const WorksheetResults results = WorksheetResults::compute(w);
    QVERIFY(!results.isValid());
    QCOMPARE(results.scenarioCount(), 0);
}

} // namespace

class WorksheetValidatorTest : public QObject
{
    Q_OBJECT

private slots:
    void validPasses()
    {
        QVERIFY(WorksheetValidator::validate(valid()).isEmpty());
        QVERIFY(WorksheetResults::compute(valid()).isValid());
    }

    void badValuesAreMarkedAtTheField()
    {
        Worksheet w = valid();
        w.scenarios[0].components[1].setValue(param::StorageGb, -5);
        expectOne(w, 1, QStringLiteral("gb"), QStringLiteral("negative"));

        w = valid();
        w.scenarios[0].components[0].setValue(param::HourlyPrice, std::numeric_limits<double>::quiet_NaN());
        expectOne(w, 0, QStringLiteral("hourlyPrice"), QStringLiteral("not a number"));

        w = valid();
        w.scenarios[0].components[0].setValue(param::HourlyPrice, std::numeric_limits<double>::infinity());
        expectOne(w, 0, QStringLiteral("hourlyPrice"), QStringLiteral("infinite"));

        w = valid();
        w.scenarios[0].components[0].setValue(param::HourlyPrice, 5000);
        expectOne(w, 0, QStringLiteral("hourlyPrice"), QStringLiteral("not plausible"));

        w = valid();
        w.scenarios[0].components[0].present[param::HourlyPrice] = false;
        expectOne(w, 0, QStringLiteral("hourlyPrice"), QStringLiteral("missing"));

        w = valid();
        w.scenarios[0].components[0].setValue(param::Count, 1.5);
        expectOne(w, 0, QStringLiteral("count"), QStringLiteral("whole number"));

        w = valid();
        w.scenarios[0].components[0].setValue(param::HoursPerMonth, 800);
        expectOne(w, 0, QStringLiteral("hoursPerMonth"), QStringLiteral("not plausible"));
    }

    void commitmentFields()
    {
        // On demand, the reservation's fields are not used and not required.
        Worksheet w = valid();
        w.scenarios[0].components[0].present[param::Upfront] = false;
        QVERIFY(WorksheetValidator::validate(w).isEmpty());
        // Reserved, they are: a missing upfront is marked, and a term must be 12 or 36 months.
        w.scenarios[0].components[0].commitment = Commitment::Reserved;
        expectOne(w, 0, QStringLiteral("upfront"), QStringLiteral("missing"));
        w.scenarios[0].components[0].setValue(param::Upfront, 0);
        w.scenarios[0].components[0].setValue(param::TermMonths, 24);
        expectOne(w, 0, QStringLiteral("termMonths"), QStringLiteral("12 or 36"));
    }

    void settings()
    {
        Worksheet w = valid();
        w.horizonMonths = 0;
        QCOMPARE(WorksheetValidator::validate(w).first().key, QStringLiteral("horizonMonths"));
        w.horizonMonths = 121;
        QCOMPARE(WorksheetValidator::validate(w).first().key, QStringLiteral("horizonMonths"));
        w.horizonMonths = 120;
        QVERIFY(WorksheetValidator::validate(w).isEmpty());

        w = valid();
        w.discountRate = -0.05;
        QCOMPARE(WorksheetValidator::validate(w).first().key, QStringLiteral("discountRate"));
        w = valid();
        w.discountRate = 3; // 300% a year
        QVERIFY(WorksheetValidator::validate(w).first().message.contains(QStringLiteral("not plausible")));

        // Another currency needs a rate and the date it was observed.
        w = valid();
        w.currency = {QStringLiteral("EUR"), 0.92, QString()};
        QCOMPARE(WorksheetValidator::validate(w).first().key, QStringLiteral("currency.rateDate"));
        w.currency.rateDate = QStringLiteral("2026-11-02");
        QVERIFY(WorksheetValidator::validate(w).isEmpty());
        w.currency.perUsd = 0;
        QCOMPARE(WorksheetValidator::validate(w).first().key, QStringLiteral("currency.perUsd"));
    }

    void growthTiersAndMigration()
    {
        Worksheet w = valid();
        w.scenarios[0].components[1].growth = {GrowthModel::Type::Compound, 50}; // +5000%/year
        expectOne(w, 1, QStringLiteral("growth.rate"), QStringLiteral("not plausible"));
        w.scenarios[0].components[1].growth = {GrowthModel::Type::Linear, -20}; // 100 GB − 20 × 11 < 0
        expectOne(w, 1, QStringLiteral("growth.rate"), QStringLiteral("reaches zero"));

        w = valid();
        CostComponent t = CostComponent::make(ComponentKind::DataTransfer, QStringLiteral("out"));
        t.tiers = {{100, 0}, {50, 0.09}};
        w.scenarios[0].components << t;
        const QList<ValidationIssue> issues = WorksheetValidator::validate(w);
        QVERIFY(!issues.isEmpty());
        QCOMPARE(issues.first().key, QStringLiteral("tiers"));

        w = valid();
        CostComponent m = CostComponent::make(ComponentKind::Migration, QStringLiteral("move"));
        m.setValue(param::Month, 13);
        w.scenarios[0].components << m;
        expectOne(w, 2, QStringLiteral("month"), QStringLiteral("after the horizon"));
    }

    void duplicateScenarioIdsAndComparisons()
    {
        Worksheet w = valid();
        w.scenarios << w.scenarios.first();
        QCOMPARE(WorksheetValidator::validate(w).first().key, QStringLiteral("id"));
        w = valid();
        w.comparisons << ScenarioComparison{QStringLiteral("a"), QStringLiteral("nope")};
        QCOMPARE(WorksheetValidator::validate(w).first().key, QStringLiteral("comparisons"));
    }
};

QTEST_GUILESS_MAIN(WorksheetValidatorTest)
#include "tst_worksheetvalidator.moc"

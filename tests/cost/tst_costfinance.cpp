// Discounting, break-even, payback, ROI and the tornado. Expected figures are worked out by hand in
// the comments (annuity formulas rather than the month-by-month loop the code runs).

#include "cost/costengine.h"
#include "cost/financecalculator.h"
#include "cost/sensitivityanalysis.h"
#include "cost/worksheetresults.h"

#include <QTest>

#include <cmath>

using namespace dblearn;

namespace {

// Monthly rate 1% ⇔ annual (1.01)^12 − 1.
constexpr double onePercentMonthly = 0.12682503013196977;

CostComponent licence(double monthly)
{
    CostComponent c = CostComponent::make(ComponentKind::Licence, QStringLiteral("licence"));
    c.setValue(param::Units, 1);
    c.setValue(param::PricePerUnit, monthly);
    return c;
}

Scenario scenario(const QString &id, const QList<CostComponent> &components)
{
    Scenario s;
    s.id = id;
    s.name = id;
    s.components = components;
    return s;
}

bool near(double a, double b, double tolerance = 1e-6)
{
    return std::abs(a - b) <= tolerance;
}

} // namespace

class CostFinanceTest : public QObject
{
    Q_OBJECT

private slots:
    void presentValue()
    {
        // 1% a month: 101 ÷ 1.01 + 102.01 ÷ 1.0201 = 100 + 100 = 200
        QVERIFY(near(FinanceCalculator::monthlyRate(onePercentMonthly), 0.01, 1e-12));
        QVERIFY(near(FinanceCalculator::presentValue({101.0, 102.01}, onePercentMonthly), 200.0));
        // At a 0% rate the present value is the plain sum
        QVERIFY(near(FinanceCalculator::presentValue({1.0, 2.0, 3.0}, 0.0), 6.0));
    }

    void migrationRoiPaybackNpv()
    {
        // Baseline 1,000/month; candidate 600/month plus a 6,000 migration in month 1; 24 months.
        Worksheet w;
        w.horizonMonths = 24;
        w.discountRate = onePercentMonthly;
        CostComponent migration = CostComponent::make(ComponentKind::Migration, QStringLiteral("move"));
        migration.setValue(param::Amount, 6000);
        migration.setValue(param::Month, 1);
        w.scenarios << scenario(QStringLiteral("old"), {licence(1000)})
                    << scenario(QStringLiteral("new"), {licence(600), migration});
        const WorksheetResults results = WorksheetResults::compute(w, false);
        QVERIFY(results.isValid());
        QCOMPARE(results.comparisons().size(), 1);
        const ComparisonResult r = results.comparisons().first();
        // net savings = 24 × 1,000 − (24 × 600 + 6,000) = 24,000 − 20,400 = 3,600; ROI = 3,600 ÷ 6,000 = 0.6
        QVERIFY(near(r.netSavings, 3600));
        QVERIFY(near(r.investment, 6000));
        QVERIFY(near(r.roi, 0.6));
        // cumulative savings 400·m − 6,000 reach 0 in month 15; simple payback 6,000 ÷ 400 = 15 months
        QCOMPARE(r.paybackMonth, 15);
        QVERIFY(near(r.simplePaybackMonths, 15));
        QCOMPARE(r.breakEvenMonth, 15);
        QCOMPARE(r.crossovers, QList<int>{15});
        // NPV = −5,600 ÷ 1.01 + 400 × (a24 − 1 ÷ 1.01), a24 = (1 − 1.01^−24) ÷ 0.01 = 21.2433873
        //     = −5,544.5545 + 400 × 20.2532883 = −5,544.5545 + 8,101.3153 = 2,556.7608
        QVERIFY(near(r.npv, 2556.7608, 1e-3));
        // PV of the baseline: 1,000 × a24 = 21,243.3873
        QVERIFY(near(results.presentValue(0), 21243.3873, 1e-3));
    }

    void reservedBreakEvenAndCrossovers()
    {
        // On demand 0.136 × 730 = 99.28/month. Reserved: 700 upfront every 12 months + 0.02 × 730 = 14.60/month.
        // cumulative on-demand − reserved = 84.68·m − 700 in the first term: −22.56 at m = 8, +62.12 at m = 9.
        // The second upfront in month 13: 84.68 × 13 − 1,400 = −299.16 (crosses back); month 17:
        // 84.68 × 17 − 1,400 = +39.56 (crosses again). Month 16: 1,354.88 − 1,400 < 0.
        Worksheet w;
        w.horizonMonths = 18;
        CostComponent onDemand = CostComponent::make(ComponentKind::Compute, QStringLiteral("od"));
        onDemand.setValue(param::HourlyPrice, 0.136);
        CostComponent reserved = onDemand;
        reserved.commitment = Commitment::Reserved;
        reserved.setValue(param::CommittedHourly, 0.02);
        reserved.setValue(param::Upfront, 700);
        reserved.setValue(param::TermMonths, 12);
        w.scenarios << scenario(QStringLiteral("od"), {onDemand}) << scenario(QStringLiteral("ri"), {reserved});
        const WorksheetResults results = WorksheetResults::compute(w, false);
        QVERIFY(results.isValid());
        const ComparisonResult r = results.comparisons().first();
        QCOMPARE(r.breakEvenMonth, 9);
        QCOMPARE(r.crossovers, (QList<int>{9, 13, 17}));
        QCOMPARE(r.paybackMonth, 9);
        QVERIFY(std::isnan(r.roi)); // an upfront payment is a commitment, not a one-off investment
        // Effective hourly price of the reservation: 0.02 + 700 ÷ (12 × 730) = 0.0999087 USD/h
        QVERIFY(near(0.02 + 700.0 / (12 * CostEngine::hoursPerMonth), 0.0999087, 1e-7));
    }

    void crossoversOnTouch()
    {
        // Touching zero and going back is one crossing, counted where it touches.
        QCOMPARE(FinanceCalculator::crossovers({1, 2, 3}, {2, 2, 2}), (QList<int>{2}));
        QCOMPARE(FinanceCalculator::crossovers({1, 2, 3}, {1, 2, 3}), QList<int>{});
        QCOMPARE(FinanceCalculator::crossovers({5, 6, 7}, {1, 2, 3}), QList<int>{});
    }

    void tornadoRanking()
    {
        // Compute 0.1 USD/h × 730 h = 73/month and storage 100 GB × 0.1 = 10/month, 12 months: 996.
        // ±10%: hourly price 0.09/0.11 → 65.7/80.3 a month → 908.4 … 1,083.6 (swing 175.2)
        //       hours 657/803, but at most 744 → 908.4 … 74.4 × 12 + 120 = 1,012.8 (swing 104.4)
        //       storage GB 90/110 → 984 … 1,008 (swing 24); storage price the same (swing 24)
        //       inflation 0 → no swing
        Worksheet w;
        w.horizonMonths = 12;
        CostComponent c = CostComponent::make(ComponentKind::Compute, QStringLiteral("db"));
        c.setValue(param::HourlyPrice, 0.1);
        CostComponent s = CostComponent::make(ComponentKind::Storage, QStringLiteral("disk"));
        s.setValue(param::StorageGb, 100);
        s.setValue(param::StoragePrice, 0.1);
        w.scenarios << scenario(QStringLiteral("a"), {c, s});
        const QList<TornadoBar> bars = SensitivityAnalysis::tornado(w, 0, 10);
        QCOMPARE(bars.size(), 5);
        QCOMPARE(bars[0].key, QStringLiteral("hourlyPrice"));
        QVERIFY(near(bars[0].lowTotal, 908.4));
        QVERIFY(near(bars[0].highTotal, 1083.6));
        QVERIFY(near(bars[0].swing(), 175.2));
        QCOMPARE(bars[1].key, QStringLiteral("hoursPerMonth"));
        QVERIFY(near(bars[1].highValue, 744));
        QVERIFY(near(bars[1].highTotal, 1012.8));
        QCOMPARE(bars[2].key, QStringLiteral("gb"));
        QVERIFY(near(bars[2].swing(), 24));
        QCOMPARE(bars[3].key, QStringLiteral("pricePerGbMonth"));
        QCOMPARE(bars[4].key, QStringLiteral("inflation"));
        QCOMPARE(bars[4].swing(), 0.0);
        QVERIFY(near(bars[0].baseTotal, 996));

        // A compound growth rate is an input too: 100 GB growing 44%/year, 13 months. ±10% → 39.6%/48.4%.
        s.growth = {GrowthModel::Type::Compound, 0.44};
        w.scenarios.first().components[1] = s;
        const QList<TornadoBar> withGrowth = SensitivityAnalysis::tornado(w, 0, 10);
        bool found = false;
        for (const TornadoBar &bar : withGrowth) {
            if (bar.key == QLatin1String("growth.rate")) {
                found = true;
                QVERIFY(near(bar.lowValue, 0.396));
                QVERIFY(near(bar.highValue, 0.484));
                QVERIFY(bar.highTotal > bar.baseTotal && bar.lowTotal < bar.baseTotal);
            }
        }
        QVERIFY(found);
    }

    void cases()
    {
        // Pessimistic prices × 1.1, usage × 1.2; optimistic × 0.95 and × 0.85.
        // Storage 100 GB × 0.1 for 1 month: base 10.00, pessimistic 120 × 0.11 = 13.20, optimistic 85 × 0.095 = 8.075
        Worksheet w;
        w.horizonMonths = 1;
        CostComponent s = CostComponent::make(ComponentKind::Storage, QStringLiteral("disk"));
        s.setValue(param::StorageGb, 100);
        s.setValue(param::StoragePrice, 0.1);
        w.scenarios << scenario(QStringLiteral("a"), {s});
        const WorksheetResults r = WorksheetResults::compute(w, false);
        QVERIFY(near(r.costs(0).total(), 10.0));
        QVERIFY(near(r.costs(0, CostCase::Pessimistic).total(), 13.2));
        QVERIFY(near(r.costs(0, CostCase::Optimistic).total(), 8.075));
    }
};

QTEST_GUILESS_MAIN(CostFinanceTest)
#include "tst_costfinance.moc"

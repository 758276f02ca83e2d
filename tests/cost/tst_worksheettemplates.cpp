// The six worksheet templates: each loads, validates, uses catalog prices as the catalog states them,
// and gives the figures worked out by hand below. The line items of every template add up to the
// engine's figures, and every zero has a reason.

#include "cost/costengine.h"
#include "cost/lineitemexplainer.h"
#include "cost/pricecatalog.h"
#include "cost/sensitivityanalysis.h"
#include "cost/worksheetresults.h"
#include "cost/worksheettemplates.h"

#include <QTest>

#include <cmath>

using namespace dblearn;

namespace {

bool near(double a, double b, double tolerance = 1e-6)
{
    return std::abs(a - b) <= tolerance;
}

const WorksheetTemplates &templates()
{
    static const WorksheetTemplates t(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR));
    return t;
}

Worksheet load(const QString &id)
{
    Worksheet w;
    QString error;
    if (!templates().load(id, &w, &error))
        qFatal("%s", qPrintable(error));
    return w;
}

const QStringList ids{QStringLiteral("postgres-self-vs-rds-vs-aurora"), QStringLiteral("reserved-vs-on-demand"),
                      QStringLiteral("aurora-io-optimized-vs-standard"), QStringLiteral("migration-roi"),
                      QStringLiteral("budget-forecast"), QStringLiteral("vector-rag-serving")};

} // namespace

class WorksheetTemplatesTest : public QObject
{
    Q_OBJECT

private slots:
    void allTemplatesLoadAndValidate()
    {
        QCOMPARE(templates().list().size(), ids.size());
        PriceCatalog catalog;
        QStringList errors;
        QVERIFY(catalog.loadDirectory(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/prices"), &errors));
        for (const QString &id : ids) {
            const Worksheet w = load(id);
            QCOMPARE(w.id, id);
            const WorksheetResults r = WorksheetResults::compute(w);
            QVERIFY2(r.isValid(), qPrintable(id + QStringLiteral(": ") + (r.issues().isEmpty() ? QString() : r.issues().first().text())));
            // A value taken from the catalog is the catalog's price.
            for (const Scenario &s : w.scenarios) {
                for (const CostComponent &c : s.components) {
                    for (auto it = c.priceRefs.cbegin(); it != c.priceRefs.cend(); ++it) {
                        const PriceEntry *e = catalog.find(it.value());
                        QVERIFY2(e, qPrintable(id + QStringLiteral(": no catalog price ") + it.value()));
                        if (it.key() == QLatin1String("tiers")) {
                            QCOMPARE(c.tiers.size(), e->tiers.size());
                            for (int t = 0; t < c.tiers.size(); ++t) {
                                QCOMPARE(c.tiers[t].pricePerGb, e->tiers[t].pricePerGb);
                                QCOMPARE(c.tiers[t].upToGb, e->tiers[t].upToGb);
                            }
                        } else {
                            QVERIFY2(c.value(it.key()) == e->price, qPrintable(id + QLatin1Char(' ') + it.value()));
                        }
                    }
                }
            }
        }
        QString error;
        Worksheet w;
        QVERIFY(!templates().load(QStringLiteral("../prices/aws"), &w, &error));
        QVERIFY(!templates().load(QStringLiteral("no-such-template"), &w, &error));
        QVERIFY(error.contains(QStringLiteral("no worksheet template")));
    }

    void postgresThreeWays()
    {
        const Worksheet w = load(QStringLiteral("postgres-self-vs-rds-vs-aurora"));
        const WorksheetResults r = WorksheetResults::compute(w, false);
        // Self-managed: 2 × 0.2016 × 730 = 294.336; 2 × 500 GB × 0.08 = 80; 0.25 × 180,000 ÷ 12 = 3,750 → 4,124.336
        QVERIFY(near(r.costs(0).monthTotal(1), 4124.336));
        // RDS: 2 × 0.45 × 730 = 657; 2 × 500 × 0.115 = 115; (600 − 500) × 0.095 = 9.50; 0.05 × 15,000 = 750 → 1,531.50
        QVERIFY(near(r.costs(1).monthTotal(1), 1531.5));
        // Aurora: 2 × 0.52 × 730 = 759.20; 500 × 0.10 = 50; 300 × 0.20 = 60; (600 − 500) × 0.021 = 2.10; 750 → 1,621.30
        QVERIFY(near(r.costs(2).monthTotal(1), 1621.3));
        // 36 months, no growth, no inflation: × 36
        QVERIFY(near(r.costs(0).total(), 148476.096));
        QVERIFY(near(r.costs(1).total(), 55134.0));
        QVERIFY(near(r.costs(2).total(), 58366.8));
        // Self-managed → RDS: RDS is cheaper from the first month; no crossing, payback at once
        QCOMPARE(r.comparisons().size(), 3);
        QVERIFY(near(r.comparisons()[0].netSavings, 148476.096 - 55134.0));
        QCOMPARE(r.comparisons()[0].breakEvenMonth, 0);
        QCOMPARE(r.comparisons()[0].paybackMonth, 1);
    }

    void reservedVsOnDemand()
    {
        const Worksheet w = load(QStringLiteral("reserved-vs-on-demand"));
        const WorksheetResults r = WorksheetResults::compute(w, false);
        // On demand 0.136 × 730 = 99.28 a month, 3,574.08 over 36 months
        QVERIFY(near(r.costs(0).monthTotal(1), 99.28));
        QVERIFY(near(r.costs(0).total(), 3574.08));
        // 1 year no upfront: 0.0957 × 730 = 69.861 a month (−29.6% as in the worked example), 2,514.996
        QVERIFY(near(r.costs(1).monthTotal(1), 69.861));
        QVERIFY(near(r.costs(1).total(), 2514.996));
        QVERIFY(near(1 - 69.861 / 99.28, 0.2963, 1e-4));
        // 3 years partial: 714.816 upfront + 0.0272 × 730 = 19.856 a month → 714.816 + 36 × 19.856 = 1,429.632
        QVERIFY(near(r.costs(2).monthTotal(1), 734.672));
        QVERIFY(near(r.costs(2).total(), 1429.632));
        // Break-even: 99.28·m ≥ 714.816 + 19.856·m ⇔ 79.424·m ≥ 714.816 ⇔ m ≥ 9 (exactly 9)
        QCOMPARE(r.comparisons()[1].breakEvenMonth, 9);
        QCOMPARE(r.comparisons()[1].crossovers, QList<int>{9});
        // The no-upfront reservation is cheaper from month 1: no crossing
        QCOMPARE(r.comparisons()[0].breakEvenMonth, 0);
        // The tornado of on demand: the hourly price moves the total most (±357.408 vs hours −357.408/+68.544)
        const QList<TornadoBar> bars = SensitivityAnalysis::tornado(w, 0);
        QCOMPARE(bars.first().key, QStringLiteral("hourlyPrice"));
        QVERIFY(near(bars.first().swing(), 714.816));
        QCOMPARE(bars[1].key, QStringLiteral("hoursPerMonth"));
        QVERIFY(near(bars[1].swing(), 357.408 + 68.544));
    }

    void auroraBreakEven()
    {
        const Worksheet w = load(QStringLiteral("aurora-io-optimized-vs-standard"));
        const WorksheetResults r = WorksheetResults::compute(w, false);
        // I/O-Optimized: 0.676 × 730 = 493.48 + 1000 × 0.225 = 225 → 718.48 every month, 25,865.28 in 36
        QVERIFY(near(r.costs(1).monthTotal(1), 718.48));
        QVERIFY(near(r.costs(1).total(), 25865.28));
        // Standard: 379.60 + 100 + I_m with I_m = 180 × 1.3^((m−1)/12) (900 million × 0.20, +30%/year).
        // Month 13: I = 180 × 1.3 = 234 → 713.60; month 14: I = 180 × 1.3^(13/12) = 239.17 → above 718.48:
        // I/O passes 0.30·C + 1.25·S = 238.88 in month 14.
        QVERIFY(near(r.costs(0).monthTotal(13), 713.6));
        QVERIFY(r.costs(0).monthTotal(13) < r.costs(1).monthTotal(13));
        QVERIFY(r.costs(0).monthTotal(14) > r.costs(1).monthTotal(14));
        // Over 36 months: Σ I_m = 180 × (q^36 − 1) ÷ (q − 1) with q = 1.3^(1/12), i.e. 180 × (1.3^3 − 1) ÷ (q − 1)
        // = 180 × 1.197 ÷ 0.0221050 = 9,747.3583 (a closed form, not the engine's month loop), plus
        // 36 × 479.60 = 17,265.60 → 27,012.9583
        const double q = std::pow(1.3, 1.0 / 12.0);
        const double io = 180.0 * (std::pow(q, 36) - 1.0) / (q - 1.0);
        QVERIFY(near(r.costs(0).total(), io + 36 * 479.6, 1e-6));
        QVERIFY(near(r.costs(0).total(), 27012.9583, 1e-3));
        // The cumulative costs cross in month 26 (Σ_{m≤25} I_m − 25 × 238.88 = −49.02, at 26: +23.02)
        QCOMPARE(r.comparisons().first().crossovers, QList<int>{26});
    }

    void migrationRoi()
    {
        const Worksheet w = load(QStringLiteral("migration-roi"));
        const WorksheetResults r = WorksheetResults::compute(w, false);
        // Stay: 294.336 + 80 + 0.5 × 15,000 = 7,874.336 a month. Move: 657 + 115 + 0.1 × 15,000 = 2,272,
        // plus 40,000 in month 1. Monthly savings 5,602.336.
        QVERIFY(near(r.costs(0).monthTotal(1), 7874.336));
        QVERIFY(near(r.costs(1).monthTotal(1), 42272));
        const ComparisonResult c = r.comparisons().first();
        QVERIFY(near(c.investment, 40000));
        // Payback: 5,602.336 × 7 = 39,216.35 < 40,000 ≤ 5,602.336 × 8 = 44,818.69 → month 8; simple 7.13988
        QCOMPARE(c.paybackMonth, 8);
        QVERIFY(near(c.simplePaybackMonths, 40000 / 5602.336));
        // ROI = (36 × 5,602.336 − 40,000) ÷ 40,000 = (201,684.096 − 40,000) ÷ 40,000 = 4.0421024
        QVERIFY(near(c.roi, 4.0421024));
        // NPV at 8%/year (r = 1.08^(1/12) − 1 = 0.00643403): 5,602.336 × a36 − 40,000 ÷ (1+r),
        // a36 = (1 − 1.08^−3) ÷ r = 32.0433314 → 179,516.71 − 39,743.49 = 139,773.22
        QVERIFY(near(c.npv, 139773.2249, 1e-3));
    }

    void budgetForecast()
    {
        const Worksheet w = load(QStringLiteral("budget-forecast"));
        const WorksheetResults r = WorksheetResults::compute(w, false);
        // Month 1: 2 × 0.154 × 730 = 224.84; 2 × 200 × 0.115 = 46; backup (300 − 200) × 0.095 = 9.50;
        // transfer (500 − 100 free) × 0.09 = 36; bill 316.34, 10% = 31.63 < 100 → support 100. Total 416.34
        QVERIFY(near(r.costs(0).monthTotal(1), 416.34));
        // Month 13 (inflation × 1.03): compute 231.5852; storage 200 × 1.6 = 320 GB → 73.60 × 1.03 = 75.808;
        // backup 300 + 12 × 15 = 480 GB − 320 free = 160 × 0.095 × 1.03 = 15.656; transfer 500 + 1,200 =
        // 1,700 GB → 1,600 × 0.09 × 1.03 = 148.32; support max(103, 47.14) = 103. Total 574.3692
        QVERIFY(near(r.costs(0).monthTotal(13), 574.3692));
        QVERIFY(near(r.costs(0).categoryMonth(CostCategory::LicencesAndSupport, 13), 103));
    }

    void vectorRag()
    {
        const Worksheet w = load(QStringLiteral("vector-rag-serving"));
        const WorksheetResults r = WorksheetResults::compute(w, false);
        // RDS: 657 + 2 × 60 × 0.115 = 13.80 + (200 − 100) × 0.09 = 9.00 → 679.80
        QVERIFY(near(r.costs(0).monthTotal(1), 679.8));
        // Aurora Standard: 759.20 + 6.00 + 262.8 × 0.20 = 52.56 + 9.00 → 826.76
        QVERIFY(near(r.costs(1).monthTotal(1), 826.76));
        // I/O-Optimized: 2 × 0.676 × 730 = 2 × 493.48 = 986.96 + 13.50 + 9.00 → 1,009.46
        QVERIFY(near(r.costs(2).monthTotal(1), 1009.46));
        // Month 7, storage doubling yearly: 60 × 2^(6/12) = 84.85 GB → × 0.23 = 19.516147; 657 + 19.516147 + 9
        QVERIFY(near(r.costs(0).monthTotal(7), 685.516147));
    }

    void lineItemsAddUpAndExplainZeros()
    {
        PriceCatalog catalog;
        QStringList errors;
        catalog.loadDirectory(QStringLiteral(DBLEARN_CONTENT_SOURCE_DIR "/prices"), &errors);
        const LineItemExplainer explainer(&catalog);
        for (const QString &id : ids) {
            const Worksheet w = load(id);
            for (int s = 0; s < w.scenarios.size(); ++s) {
                for (CostCase costCase : {CostCase::Base, CostCase::Pessimistic}) {
                    const ScenarioCosts costs = CostEngine::evaluate(w, w.scenarios[s], costCase);
                    for (int m : {1, 7, 9, 13, 25, w.horizonMonths}) {
                        if (m > w.horizonMonths)
                            continue;
                        const QList<LineItem> items = explainer.explain(w, s, m, costCase);
                        std::vector<double> sums(size_t(costs.componentCount()), 0.0);
                        for (const LineItem &item : items) {
                            sums[size_t(item.component)] += item.cost;
                            QVERIFY(item.formula.contains(QLatin1Char('=')));
                            QVERIFY2(!item.source.isEmpty() || item.cost == 0, qPrintable(item.label));
                            if (item.cost == 0)
                                QVERIFY2(!item.reason.isEmpty(), qPrintable(id + QStringLiteral(": ") + item.label));
                        }
                        for (int c = 0; c < costs.componentCount(); ++c)
                            QVERIFY2(near(sums[size_t(c)], costs.at(c, m), 1e-9 * std::max(1.0, costs.at(c, m))),
                                     qPrintable(QStringLiteral("%1 scenario %2 component %3 month %4: %5 vs %6")
                                                    .arg(id).arg(s).arg(c).arg(m).arg(sums[size_t(c)]).arg(costs.at(c, m))));
                    }
                }
            }
        }
        // A catalog price carries its source, date and confidence; a stale one says so.
        const Worksheet w = load(QStringLiteral("postgres-self-vs-rds-vs-aurora"));
        const QList<LineItem> items = explainer.explain(w, 0, 1);
        QVERIFY(items.first().formula.startsWith(QStringLiteral("2 instances × 0.2016 USD/h × 730 h = 294.34 USD")));
        QVERIFY2(items.first().source.contains(QStringLiteral("observed 2024, medium confidence")), qPrintable(items.first().source));
        QVERIFY(items.first().source.contains(QStringLiteral("stale")));
    }
};

QTEST_GUILESS_MAIN(WorksheetTemplatesTest)
#include "tst_worksheettemplates.moc"

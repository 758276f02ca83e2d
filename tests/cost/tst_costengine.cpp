// The monthly arithmetic of each component kind. Every expected figure is worked out by hand in the
// comment above it, from the formulas in docs/worksheet-format.md (not from the engine).

#include "cost/costengine.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace dblearn;

namespace {

Worksheet sheet(int months, const QList<CostComponent> &components)
{
    Worksheet w;
    w.title = QStringLiteral("test");
    w.horizonMonths = months;
    Scenario s;
    s.id = QStringLiteral("s");
    s.name = QStringLiteral("S");
    s.components = components;
    w.scenarios << s;
    return w;
}

CostComponent compute(double hourly, double count = 1, double multiAz = 0, double replicas = 0)
{
    CostComponent c = CostComponent::make(ComponentKind::Compute, QStringLiteral("db"));
    c.setValue(param::HourlyPrice, hourly);
    c.setValue(param::Count, count);
    c.setValue(param::MultiAz, multiAz);
    c.setValue(param::Replicas, replicas);
    return c;
}

CostComponent storage(double gb, double price, double multiAz = 0)
{
    CostComponent c = CostComponent::make(ComponentKind::Storage, QStringLiteral("disk"));
    c.setValue(param::StorageGb, gb);
    c.setValue(param::StoragePrice, price);
    c.setValue(param::StorageMultiAz, multiAz);
    return c;
}

double month(const Worksheet &w, int m, int component = 0, CostCase costCase = CostCase::Base)
{
    return CostEngine::evaluate(w, w.scenarios.first(), costCase).at(component, m);
}

} // namespace

class CostEngineTest : public QObject
{
    Q_OBJECT

private slots:
    void onDemandCompute()
    {
        // db.t3.large at 0.145 USD/h, always on: 0.145 × 730 = 105.85
        QCOMPARE(month(sheet(1, {compute(0.145)}), 1), 105.85);
        // Multi-AZ doubles the instance: 2 × 105.85 = 211.70
        QVERIFY(qFuzzyCompare(month(sheet(1, {compute(0.145, 1, 1)}), 1), 211.70));
        // plus one read replica: 3 × 105.85 = 317.55
        QVERIFY(qFuzzyCompare(month(sheet(1, {compute(0.145, 1, 1, 1)}), 1), 317.55));
        // 200 hours a month instead of 730: 0.145 × 200 = 29.00
        CostComponent part = compute(0.145);
        part.setValue(param::HoursPerMonth, 200);
        QVERIFY(qFuzzyCompare(month(sheet(1, {part}), 1), 29.0));
    }

    void reservedCompute()
    {
        // 2 instances, 500 USD upfront each per 12-month term, 0.05 USD/h recurring:
        // month 1: 0.05 × 730 × 2 + 500 × 2 = 73 + 1000 = 1073; month 2: 73; month 13 (new term): 1073
        CostComponent c = compute(0.2, 2);
        c.commitment = Commitment::Reserved;
        c.setValue(param::CommittedHourly, 0.05);
        c.setValue(param::Upfront, 500);
        c.setValue(param::TermMonths, 12);
        c.setValue(param::HoursPerMonth, 100); // a reservation bills 730 h whatever is used
        const Worksheet w = sheet(14, {c});
        QVERIFY(qFuzzyCompare(month(w, 1), 1073.0));
        QVERIFY(qFuzzyCompare(month(w, 2), 73.0));
        QVERIFY(qFuzzyCompare(month(w, 12), 73.0));
        QVERIFY(qFuzzyCompare(month(w, 13), 1073.0));
    }

    void savingsPlan()
    {
        // 0.2 USD/h less 25%, 730 h: 0.2 × 0.75 × 730 = 109.50
        CostComponent c = compute(0.2);
        c.commitment = Commitment::SavingsPlan;
        c.setValue(param::Discount, 0.25);
        c.setValue(param::TermMonths, 12);
        QVERIFY(qFuzzyCompare(month(sheet(1, {c}), 1), 109.5));
    }

    void storageAndMultiAz()
    {
        // 500 GB × 0.115 = 57.50; Multi-AZ keeps two copies: 115.00
        QVERIFY(qFuzzyCompare(month(sheet(1, {storage(500, 0.115)}), 1), 57.5));
        QVERIFY(qFuzzyCompare(month(sheet(1, {storage(500, 0.115, 1)}), 1), 115.0));
    }

    void growthModels()
    {
        // Compound 44%/year: 1.44 = 1.2², so after 6 months the factor is 1.2 and after 12 it is 1.44.
        // 1000 GB × 0.10: month 1 → 100.00, month 7 → 1200 GB → 120.00, month 13 → 1440 GB → 144.00
        CostComponent c = storage(1000, 0.10);
        c.growth = {GrowthModel::Type::Compound, 0.44};
        const Worksheet w = sheet(13, {c});
        QVERIFY(qFuzzyCompare(month(w, 1), 100.0));
        QVERIFY(qFuzzyCompare(month(w, 7), 120.0));
        QVERIFY(qFuzzyCompare(month(w, 13), 144.0));
        // The monthly rate of 44%/year: 1.44^(1/12) − 1 = 0.030853... (1.030853^12 = 1.44)
        QVERIFY(std::abs(c.growth.valueAt(1.0, 2) - 1.0308533) < 1e-6);

        // Linear +10 GB/month from 100 GB: month 12 → 100 + 10 × 11 = 210 GB × 0.08 = 16.80
        CostComponent l = storage(100, 0.08);
        l.growth = {GrowthModel::Type::Linear, 10};
        QVERIFY(qFuzzyCompare(month(sheet(12, {l}), 12), 16.8));
        // Fixed stays: 100 GB × 0.08 = 8.00 in month 12
        QVERIFY(qFuzzyCompare(month(sheet(12, {storage(100, 0.08)}), 12), 8.0));
        // Shrinking linearly never goes below zero: 100 − 30 × 5 = −50 → 0 GB in month 6
        l.growth = {GrowthModel::Type::Linear, -30};
        QCOMPARE(month(sheet(6, {l}), 6), 0.0);
    }

    void provisionedAboveIncluded()
    {
        // gp3: 5000 IOPS, 3000 included, 0.005 USD per IOPS-month: 2000 × 0.005 = 10.00
        CostComponent c = CostComponent::make(ComponentKind::Iops);
        c.setValue(param::Provisioned, 5000);
        c.setValue(param::Included, 3000);
        c.setValue(param::ProvisionedPrice, 0.005);
        QVERIFY(qFuzzyCompare(month(sheet(1, {c}), 1), 10.0));
        // 2500 IOPS is within the 3000 included: 0
        c.setValue(param::Provisioned, 2500);
        QCOMPARE(month(sheet(1, {c}), 1), 0.0);
        // Throughput: 250 MiB/s, 125 included, 0.04: 125 × 0.04 = 5.00
        CostComponent t = CostComponent::make(ComponentKind::Throughput);
        t.setValue(param::Provisioned, 250);
        t.setValue(param::Included, 125);
        t.setValue(param::ProvisionedPrice, 0.04);
        QVERIFY(qFuzzyCompare(month(sheet(1, {t}), 1), 5.0));
    }

    void backupFreeAllowance()
    {
        // 700 GB of backup, 500 GB provisioned and free up to it: (700 − 500) × 0.095 = 19.00
        CostComponent b = CostComponent::make(ComponentKind::Backup);
        b.setValue(param::BackupGb, 700);
        b.setValue(param::BackupPrice, 0.095);
        b.setValue(param::FreeEqualsStorage, 1);
        QVERIFY(qFuzzyCompare(month(sheet(1, {storage(500, 0.115), b}), 1, 1), 19.0));
        // Storage growing +50 GB/month reaches 700 GB in month 5 (500 + 4 × 50): backup is then free.
        CostComponent s = storage(500, 0.115);
        s.growth = {GrowthModel::Type::Linear, 50};
        const Worksheet w = sheet(5, {s, b});
        // month 3: storage 600 GB → (700 − 600) × 0.095 = 9.50
        QVERIFY(qFuzzyCompare(month(w, 3, 1), 9.5));
        QCOMPARE(month(w, 5, 1), 0.0);
        // A fixed allowance of 100 GB: (700 − 100) × 0.095 = 57.00
        b.setValue(param::FreeEqualsStorage, 0);
        b.setValue(param::FreeGb, 100);
        QVERIFY(qFuzzyCompare(month(sheet(1, {storage(500, 0.115), b}), 1, 1), 57.0));
    }

    void ioRequests()
    {
        // Aurora Standard I/O: 1500 million × 0.20 = 300.00
        CostComponent c = CostComponent::make(ComponentKind::IoRequests);
        c.setValue(param::Millions, 1500);
        c.setValue(param::PricePerMillion, 0.20);
        QVERIFY(qFuzzyCompare(month(sheet(1, {c}), 1), 300.0));
    }

    void tieredTransfer()
    {
        // Tiers: first 100 GB free, 0.09 to 10,240 GB, 0.085 to 51,200 GB, 0.07 to 153,600 GB, 0.05 above.
        CostComponent c = CostComponent::make(ComponentKind::DataTransfer);
        const double inf = std::numeric_limits<double>::infinity();
        c.tiers = {{100, 0}, {10240, 0.09}, {51200, 0.085}, {153600, 0.07}, {inf, 0.05}};
        // 15,000 GB: (10,240 − 100) × 0.09 = 912.60, plus (15,000 − 10,240) × 0.085 = 4,760 × 0.085 = 404.60
        // total 1,317.20
        c.setValue(param::TransferGb, 15000);
        QVERIFY(qFuzzyCompare(month(sheet(1, {c}), 1), 1317.2));
        // 50 GB is inside the free 100 GB: 0
        c.setValue(param::TransferGb, 50);
        QCOMPARE(month(sheet(1, {c}), 1), 0.0);
        // 200,000 GB: 912.60 + 40,960 × 0.085 (3,481.60) + 102,400 × 0.07 (7,168.00) + 46,400 × 0.05 (2,320.00)
        // = 13,882.20
        c.setValue(param::TransferGb, 200000);
        QVERIFY(qFuzzyCompare(month(sheet(1, {c}), 1), 13882.2));
    }

    void staffLicenceMigration()
    {
        // 0.25 FTE × 180,000 / 12 = 3,750 plus 500 on-call = 4,250.00
        CostComponent s = CostComponent::make(ComponentKind::Staff);
        s.setValue(param::Fte, 0.25);
        s.setValue(param::LoadedAnnualCost, 180000);
        s.setValue(param::OnCallMonthly, 500);
        QVERIFY(qFuzzyCompare(month(sheet(1, {s}), 1), 4250.0));
        // 8 units × 12.5 = 100.00
        CostComponent l = CostComponent::make(ComponentKind::Licence);
        l.setValue(param::Units, 8);
        l.setValue(param::PricePerUnit, 12.5);
        QVERIFY(qFuzzyCompare(month(sheet(1, {l}), 1), 100.0));
        // 25,000 paid in month 3 only
        CostComponent m = CostComponent::make(ComponentKind::Migration);
        m.setValue(param::Amount, 25000);
        m.setValue(param::Month, 3);
        const Worksheet w = sheet(4, {m});
        QCOMPARE(month(w, 1), 0.0);
        QCOMPARE(month(w, 3), 25000.0);
        QCOMPARE(month(w, 4), 0.0);
    }

    void supportShareAndMinimum()
    {
        // Bill: 105.85 (compute) + 57.50 (storage) = 163.35; 10% = 16.335 < the 100 minimum → 100.00
        CostComponent support = CostComponent::make(ComponentKind::Support);
        support.setValue(param::ShareOfBill, 0.10);
        support.setValue(param::MinimumMonthly, 100);
        QCOMPARE(month(sheet(1, {compute(0.145), storage(500, 0.115), support}), 1, 2), 100.0);
        // Bill 2,000 (compute 2000/730 USD/h) plus a one-off 5,000 that support ignores: 10% × 2,000 = 200.00
        CostComponent m = CostComponent::make(ComponentKind::Migration);
        m.setValue(param::Amount, 5000);
        QVERIFY(qFuzzyCompare(month(sheet(1, {compute(2000.0 / 730.0), m, support}), 1, 2), 200.0));
    }

    void inflationSteps()
    {
        // 10% a year: 105.85 in months 1–12, 105.85 × 1.1 = 116.435 from month 13, × 1.21 = 128.0785 from 25
        Worksheet w = sheet(25, {compute(0.145)});
        w.inflation = 0.10;
        QVERIFY(qFuzzyCompare(month(w, 12), 105.85));
        QVERIFY(qFuzzyCompare(month(w, 13), 116.435));
        QVERIFY(qFuzzyCompare(month(w, 25), 128.0785));
        // A reservation's price is fixed for the term: 73.00 in month 13 too (as in reservedCompute)
        CostComponent r = compute(0.2);
        r.commitment = Commitment::Reserved;
        r.setValue(param::CommittedHourly, 0.1);
        r.setValue(param::Upfront, 0);
        r.setValue(param::TermMonths, 12);
        Worksheet wr = sheet(13, {r});
        wr.inflation = 0.10;
        QVERIFY(qFuzzyCompare(month(wr, 13), 73.0));
    }

    void currencyAndCases()
    {
        // 0.92 EUR per USD: 105.85 × 0.92 = 97.382
        Worksheet w = sheet(1, {compute(0.145), storage(500, 0.115)});
        w.currency = {QStringLiteral("EUR"), 0.92, QStringLiteral("2026-11-02")};
        QVERIFY(qFuzzyCompare(month(w, 1), 97.382));
        // Pessimistic: prices × 1.1, usage × 1.2. Storage 500 × 1.2 = 600 GB × 0.115 × 1.1 = 75.90 USD
        // → × 0.92 = 69.828 EUR. Compute has no usage quantity: 105.85 × 1.1 × 0.92 = 107.1202
        w.pessimistic = {1.1, 1.2};
        QVERIFY(qFuzzyCompare(month(w, 1, 1, CostCase::Pessimistic), 69.828));
        QVERIFY(qFuzzyCompare(month(w, 1, 0, CostCase::Pessimistic), 107.1202));
    }

    void auroraIoOptimizedBreakEven()
    {
        // Standard = C + S + I; I/O-Optimized = 1.30·C + 2.25·S. With C = 0.52 × 730 = 379.60 and
        // S = 1000 GB × 0.10 = 100.00 the bills meet at I = 0.30 × 379.60 + 1.25 × 100 = 238.88 USD,
        // i.e. 238.88 ÷ 0.20 = 1,194.4 million requests: both are 718.48 USD.
        CostComponent io = CostComponent::make(ComponentKind::IoRequests);
        io.setValue(param::Millions, 1194.4);
        io.setValue(param::PricePerMillion, 0.20);
        const Worksheet standard = sheet(1, {compute(0.52), storage(1000, 0.10), io});
        const Worksheet optimized = sheet(1, {compute(0.52 * 1.3), storage(1000, 0.225)});
        const double a = CostEngine::evaluate(standard, standard.scenarios.first()).monthTotal(1);
        const double b = CostEngine::evaluate(optimized, optimized.scenarios.first()).monthTotal(1);
        QVERIFY(qFuzzyCompare(a, 718.48));
        QVERIFY(qFuzzyCompare(b, 718.48));
    }

    void totalsAndCategories()
    {
        // 12 months of 105.85 + 57.50 = 163.35 → 1,960.20; compute 1,270.20, storage 690.00
        const Worksheet w = sheet(12, {compute(0.145), storage(500, 0.115)});
        const ScenarioCosts costs = CostEngine::evaluate(w, w.scenarios.first());
        QVERIFY(qFuzzyCompare(costs.total(), 1960.2));
        QVERIFY(qFuzzyCompare(costs.categoryTotal(CostCategory::Compute), 1270.2));
        QVERIFY(qFuzzyCompare(costs.categoryTotal(CostCategory::Storage), 690.0));
        QVERIFY(qFuzzyCompare(costs.cumulative().back(), 1960.2));
        QCOMPARE(costs.months(), 12);
    }
};

QTEST_GUILESS_MAIN(CostEngineTest)
#include "tst_costengine.moc"

// dblearn-bench-tco: recomputing a cost worksheet as the editor does on each keystroke.
//   dblearn-bench-tco [--content DIR] [--rounds N]
// The worksheet: 3 scenarios over 60 months with every component kind (compute on demand, reserved and
// on a savings plan, storage with compound and linear growth, IOPS, throughput, backup, I/O requests,
// tiered transfer, licence, support, staff, migration). "ours" is a full recompute: validation, the
// three cases of every scenario, the comparisons and the tornado over every input. The baseline is the
// same recompute without the tornado, so the ratio is what the sensitivity analysis costs.
// Prints {"medianMs": x, "baselineMs": y, "p90Ms": z, "inputs": n, "scenarios": 3, "months": 60}.

#include "cost/worksheetresults.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <vector>

using namespace dblearn;

namespace {

CostComponent make(ComponentKind kind, const QString &name, std::initializer_list<std::pair<const char *, double>> values)
{
    CostComponent c = CostComponent::make(kind, name);
    for (const auto &[key, value] : values)
        c.setValue(QLatin1String(key), value);
    return c;
}

Scenario scenario(const QString &id, Commitment commitment, double scale)
{
    Scenario s;
    s.id = id;
    s.name = id;
    CostComponent compute = make(ComponentKind::Compute, QStringLiteral("db"),
                                 {{"hourlyPrice", 0.45 * scale}, {"count", 1}, {"multiAz", 1}, {"replicas", 1},
                                  {"committedHourly", 0.2 * scale}, {"upfront", 1500}, {"termMonths", 12}, {"discount", 0.3}});
    compute.commitment = commitment;
    CostComponent storage = make(ComponentKind::Storage, QStringLiteral("storage"),
                                 {{"gb", 500 * scale}, {"pricePerGbMonth", 0.115}, {"multiAz", 1}});
    storage.growth = {GrowthModel::Type::Compound, 0.4};
    CostComponent backup = make(ComponentKind::Backup, QStringLiteral("backup"),
                                {{"gb", 800}, {"pricePerGbMonth", 0.095}, {"freeEqualsStorage", 1}});
    backup.growth = {GrowthModel::Type::Linear, 20};
    CostComponent io = make(ComponentKind::IoRequests, QStringLiteral("io"), {{"millionsPerMonth", 900}, {"pricePerMillion", 0.2}});
    io.growth = {GrowthModel::Type::Compound, 0.3};
    CostComponent transfer = make(ComponentKind::DataTransfer, QStringLiteral("transfer"), {{"gbPerMonth", 8000}});
    transfer.growth = {GrowthModel::Type::Linear, 400};
    transfer.tiers = {{100, 0}, {10240, 0.09}, {51200, 0.085}, {153600, 0.07}, {std::numeric_limits<double>::infinity(), 0.05}};
    s.components = {compute,
                    storage,
                    make(ComponentKind::Iops, QStringLiteral("iops"), {{"provisioned", 15000}, {"included", 12000}, {"pricePerUnitMonth", 0.02}}),
                    make(ComponentKind::Throughput, QStringLiteral("throughput"), {{"provisioned", 500}, {"included", 125}, {"pricePerUnitMonth", 0.04}}),
                    backup,
                    io,
                    transfer,
                    make(ComponentKind::Licence, QStringLiteral("licence"), {{"units", 4}, {"pricePerUnitMonth", 73}}),
                    make(ComponentKind::Staff, QStringLiteral("staff"), {{"fte", 0.2}, {"loadedAnnualCost", 180000}, {"onCallMonthly", 400}}),
                    make(ComponentKind::Migration, QStringLiteral("migration"), {{"amount", 20000 * scale}, {"month", 2}}),
                    make(ComponentKind::Support, QStringLiteral("support"), {{"shareOfBill", 0.1}, {"minimumMonthly", 100}})};
    return s;
}

double medianOf(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int rounds = 200;
    const QStringList args = app.arguments();
    const int r = int(args.indexOf(QStringLiteral("--rounds")));
    if (r > 0 && r + 1 < args.size())
        rounds = std::max(1, args[r + 1].toInt());

    Worksheet w;
    w.title = QStringLiteral("benchmark");
    w.horizonMonths = 60;
    w.discountRate = 0.08;
    w.inflation = 0.03;
    w.scenarios << scenario(QStringLiteral("on-demand"), Commitment::OnDemand, 1.0)
                << scenario(QStringLiteral("reserved"), Commitment::Reserved, 0.9)
                << scenario(QStringLiteral("savings-plan"), Commitment::SavingsPlan, 1.1);

    int inputs = 0;
    double sink = 0;
    std::vector<double> full, base;
    for (int i = 0; i < rounds + 10; ++i) {
        QElapsedTimer timer;
        timer.start();
        const WorksheetResults results = WorksheetResults::compute(w, true);
        const double fullMs = timer.nsecsElapsed() / 1e6;
        if (!results.isValid()) {
            std::fprintf(stderr, "the benchmark worksheet is not valid: %s\n", qPrintable(results.issues().first().text()));
            return 1;
        }
        inputs = int(results.tornado().size());
        sink += results.tornado().first().swing();
        timer.restart();
        const WorksheetResults plain = WorksheetResults::compute(w, false);
        const double baseMs = timer.nsecsElapsed() / 1e6;
        sink += plain.costs(0).total();
        if (i >= 10) { // the first rounds warm the caches
            full.push_back(fullMs);
            base.push_back(baseMs);
        }
    }
    std::vector<double> sorted = full;
    std::sort(sorted.begin(), sorted.end());
    std::printf("{\"medianMs\": %.4f, \"baselineMs\": %.4f, \"p90Ms\": %.4f, \"inputs\": %d, \"scenarios\": 3, "
                "\"months\": 60, \"check\": %.2f}\n",
                medianOf(full), medianOf(base), sorted[size_t(sorted.size() * 9 / 10)], inputs, sink);
    return 0;
}

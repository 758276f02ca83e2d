#include "cost/lineitemexplainer.h"

#include "cost/costengine.h"
#include "cost/pricecatalog.h"

#include <algorithm>
#include <cmath>

namespace dblearn {

namespace {

QString num(double v)
{
    // Up to 6 significant digits, without a trailing ".000000".
    return QString::number(v, 'g', std::abs(v) >= 1e6 ? 10 : 6);
}

QString money(double v, const QString &currency)
{
    return QString::number(v, 'f', 2) + QLatin1Char(' ') + currency;
}

struct Context {
    const Worksheet &worksheet;
    const CaseFactors factors;
    int month;
    double inflate;
};

} // namespace

LineItemExplainer::LineItemExplainer(const PriceCatalog *catalog)
    : m_catalog(catalog)
{
}

QString LineItemExplainer::priceSource(const CostComponent &component, const QString &key) const
{
    const QString ref = component.priceRefs.value(key);
    if (ref.isEmpty())
        return component.note.isEmpty() ? QStringLiteral("entered in the worksheet")
                                        : QStringLiteral("entered in the worksheet: ") + component.note;
    const PriceEntry *entry = m_catalog ? m_catalog->find(ref) : nullptr;
    if (!entry)
        return QStringLiteral("catalog price %1 (not in the loaded catalog)").arg(ref);
    QString text = entry->sourceText();
    if (PriceCatalog::isStale(*entry))
        text += QStringLiteral(" — stale: observed more than %1 months ago").arg(PriceCatalog::maxAgeMonths);
    const double value = component.value(key);
    if (std::isfinite(value) && entry->tiers.isEmpty() && std::abs(value - entry->price) > 1e-12)
        text += QStringLiteral(" — the worksheet uses %1, the catalog says %2 %3").arg(num(value), num(entry->price), entry->unit);
    return text;
}

QList<LineItem> LineItemExplainer::explain(const Worksheet &worksheet, int scenarioIndex, int month,
                                           CostCase costCase) const
{
    QList<LineItem> items;
    if (scenarioIndex < 0 || scenarioIndex >= worksheet.scenarios.size() || month < 1)
        return items;
    const Scenario &scenario = worksheet.scenarios[scenarioIndex];
    const CaseFactors f = worksheet.factors(costCase);
    const double inflate = CostEngine::inflationFactor(worksheet.inflation, month);
    const double rate = worksheet.currency.perUsd;
    const QString cur = worksheet.currency.code;
    const ScenarioCosts costs = CostEngine::evaluate(worksheet, scenario, costCase, std::max(month, 1));

    // Describes the factor applied after quantity × price × time.
    auto factorText = [&](bool inflates) {
        QStringList parts;
        if (f.price != 1.0)
            parts << num(f.price) + QStringLiteral(" (%1 case prices)").arg(Worksheet::caseName(costCase));
        if (inflates && inflate != 1.0)
            parts << num(inflate) + QStringLiteral(" (inflation, year %1)").arg((month - 1) / 12 + 1);
        if (rate != 1.0)
            parts << num(rate) + QStringLiteral(" (%1 per USD)").arg(cur);
        return parts.isEmpty() ? QString() : QStringLiteral(" × ") + parts.join(QStringLiteral(" × "));
    };
    auto add = [&](int c, const QString &label, double quantity, const QString &qUnit, double unitPrice,
                   const QString &pUnit, double time, const QString &tUnit, bool inflates, const QString &source,
                   const QString &reason = QString()) {
        LineItem item;
        item.component = c;
        item.label = label;
        item.quantity = quantity;
        item.quantityUnit = qUnit;
        item.unitPrice = unitPrice;
        item.priceUnit = pUnit;
        item.time = time;
        item.timeUnit = tUnit;
        item.factor = f.price * (inflates ? inflate : 1.0) * rate;
        item.cost = quantity * unitPrice * time * item.factor;
        item.formula = QStringLiteral("%1 %2 × %3 %4").arg(num(quantity), qUnit, num(unitPrice), pUnit);
        if (!tUnit.isEmpty())
            item.formula += QStringLiteral(" × %1 %2").arg(num(time), tUnit);
        item.formula += factorText(inflates) + QStringLiteral(" = ") + money(item.cost, cur);
        item.source = source;
        item.reason = reason;
        if (item.cost == 0 && item.reason.isEmpty()) {
            if (quantity == 0)
                item.reason = QStringLiteral("the quantity is 0");
            else if (unitPrice == 0)
                item.reason = QStringLiteral("the price is 0");
        }
        items << item;
    };

    using namespace param;
    for (int c = 0; c < scenario.components.size(); ++c) {
        const CostComponent &k = scenario.components[c];
        const QString name = k.name;
        switch (k.kind) {
        case ComponentKind::Compute: {
            const double n = CostEngine::billedInstances(k);
            const QString instances = QStringLiteral("instances");
            const QString nNote = QStringLiteral("%1 = %2 × (1 + Multi-AZ %3) + %4 replicas")
                                      .arg(num(n), num(k.value(Count)), num(k.value(MultiAz)), num(k.value(Replicas)));
            if (k.commitment == Commitment::OnDemand) {
                add(c, name + QStringLiteral(" · on-demand hours"), n, instances, k.value(HourlyPrice), QStringLiteral("USD/h"),
                    k.value(HoursPerMonth), QStringLiteral("h"), true, priceSource(k, QStringLiteral("hourlyPrice")),
                    k.value(HoursPerMonth) == 0 ? QStringLiteral("no hours used this month") : nNote);
            } else if (k.commitment == Commitment::Reserved) {
                const int term = std::max(1, int(k.value(TermMonths)));
                const double hoursInTerm = term * CostEngine::hoursPerMonth;
                const double effective = k.value(CommittedHourly) + k.value(Upfront) / hoursInTerm;
                const QString effectiveNote = QStringLiteral("%1; effective %2 USD/h = %3 + %4 upfront ÷ %5 h in the term; "
                                                             "billed for 730 h whatever is used (%6 h used)")
                                                  .arg(nNote, num(effective), num(k.value(CommittedHourly)),
                                                       num(k.value(Upfront)), num(hoursInTerm), num(k.value(HoursPerMonth)));
                add(c, name + QStringLiteral(" · reserved hours"), n, instances, k.value(CommittedHourly),
                    QStringLiteral("USD/h"), CostEngine::hoursPerMonth, QStringLiteral("h"), false,
                    priceSource(k, QStringLiteral("committedHourly")),
                    k.value(CommittedHourly) == 0 ? QStringLiteral("all upfront: no hourly charge") : effectiveNote);
                if ((month - 1) % term == 0)
                    add(c, name + QStringLiteral(" · upfront for the %1-month term").arg(term), n, instances,
                        k.value(Upfront), QStringLiteral("USD/instance"), 1, QString(), false,
                        priceSource(k, QStringLiteral("upfront")),
                        k.value(Upfront) == 0 ? QStringLiteral("no upfront payment") : QString());
                else
                    add(c, name + QStringLiteral(" · upfront"), 0, instances, k.value(Upfront), QStringLiteral("USD/instance"),
                        1, QString(), false, priceSource(k, QStringLiteral("upfront")),
                        QStringLiteral("paid in month %1 of each %2-month term, not this month").arg(1).arg(term));
            } else {
                add(c, name + QStringLiteral(" · savings plan hours"), n, instances,
                    k.value(HourlyPrice) * (1.0 - k.value(Discount)), QStringLiteral("USD/h"), CostEngine::hoursPerMonth,
                    QStringLiteral("h"), false, priceSource(k, QStringLiteral("hourlyPrice")),
                    QStringLiteral("%1 USD/h on demand less %2% savings plan discount; billed for 730 h")
                        .arg(num(k.value(HourlyPrice)), num(k.value(Discount) * 100)));
            }
            break;
        }
        case ComponentKind::Storage: {
            const double gb = k.growth.valueAt(k.value(StorageGb) * f.usage, month);
            const double copies = 1.0 + k.value(StorageMultiAz);
            add(c, name + QStringLiteral(" · storage"), gb * copies, QStringLiteral("GB"), k.value(StoragePrice),
                QStringLiteral("USD/GB-month"), 1, QStringLiteral("month"), true,
                priceSource(k, QStringLiteral("pricePerGbMonth")),
                QStringLiteral("%1 GB in month %2 (%3 GB at the start, %4)%5")
                    .arg(num(gb)).arg(month).arg(num(k.value(StorageGb) * f.usage), k.growth.describe(QStringLiteral("GB")),
                         copies > 1 ? QStringLiteral(" × 2 copies (Multi-AZ)") : QString()));
            break;
        }
        case ComponentKind::Iops:
        case ComponentKind::Throughput: {
            const bool iops = k.kind == ComponentKind::Iops;
            const QString unit = iops ? QStringLiteral("IOPS") : QStringLiteral("MiB/s");
            const double provisioned = k.value(Provisioned) * f.usage;
            const double charged = std::max(0.0, provisioned - k.value(Included));
            add(c, name + (iops ? QStringLiteral(" · IOPS above the included") : QStringLiteral(" · throughput above the included")),
                charged, unit, k.value(ProvisionedPrice), QStringLiteral("USD/%1-month").arg(unit), 1, QStringLiteral("month"),
                true, priceSource(k, QStringLiteral("pricePerUnitMonth")),
                charged == 0 ? QStringLiteral("%1 %2 provisioned is within the %3 included with the storage")
                                   .arg(num(provisioned), unit, num(k.value(Included)))
                             : QStringLiteral("%1 provisioned − %2 included").arg(num(provisioned), num(k.value(Included))));
            break;
        }
        case ComponentKind::Backup: {
            const double gb = k.growth.valueAt(k.value(BackupGb) * f.usage, month);
            const bool followsStorage = k.value(FreeEqualsStorage) >= 0.5;
            const double free = followsStorage ? CostEngine::storageGb(scenario, month, f.usage) : k.value(FreeGb);
            const double charged = std::max(0.0, gb - free);
            add(c, name + QStringLiteral(" · backup beyond the free allowance"), charged, QStringLiteral("GB"),
                k.value(BackupPrice), QStringLiteral("USD/GB-month"), 1, QStringLiteral("month"), true,
                priceSource(k, QStringLiteral("pricePerGbMonth")),
                charged == 0 ? QStringLiteral("%1 GB of backup is within the free allowance of %2 GB%3")
                                   .arg(num(gb), num(free), followsStorage ? QStringLiteral(" (the provisioned storage)") : QString())
                             : QStringLiteral("%1 GB backup − %2 GB free%3")
                                   .arg(num(gb), num(free), followsStorage ? QStringLiteral(" (the provisioned storage)") : QString()));
            break;
        }
        case ComponentKind::IoRequests: {
            const double millions = k.growth.valueAt(k.value(Millions) * f.usage, month);
            add(c, name + QStringLiteral(" · I/O requests"), millions, QStringLiteral("million"), k.value(PricePerMillion),
                QStringLiteral("USD/million"), 1, QString(), true, priceSource(k, QStringLiteral("pricePerMillion")),
                k.value(PricePerMillion) == 0 ? QStringLiteral("I/O is included in the price (no per-request charge)")
                                              : k.growth.describe(QStringLiteral("million")));
            break;
        }
        case ComponentKind::DataTransfer: {
            const double gb = k.growth.valueAt(k.value(TransferGb) * f.usage, month);
            double from = 0;
            bool any = false;
            for (int t = 0; t < k.tiers.size(); ++t) {
                const PriceTier &tier = k.tiers[t];
                const double inTier = std::max(0.0, std::min(gb, tier.upToGb) - from);
                if (inTier > 0 || (t == 0 && gb == 0)) {
                    any = true;
                    const QString band = std::isinf(tier.upToGb)
                                             ? QStringLiteral("above %1 GB").arg(num(from))
                                             : QStringLiteral("%1–%2 GB").arg(num(from), num(tier.upToGb));
                    add(c, name + QStringLiteral(" · tier ") + band, inTier, QStringLiteral("GB"), tier.pricePerGb,
                        QStringLiteral("USD/GB"), 1, QString(), true, priceSource(k, QStringLiteral("tiers")),
                        tier.pricePerGb == 0 && inTier > 0 ? QStringLiteral("this tier is free") : QString());
                }
                from = tier.upToGb;
                if (gb <= from)
                    break;
            }
            if (!any)
                add(c, name, 0, QStringLiteral("GB"), 0, QStringLiteral("USD/GB"), 1, QString(), true, QString(),
                    QStringLiteral("no price tiers"));
            break;
        }
        case ComponentKind::Licence:
            add(c, name, k.value(Units) * f.usage, QStringLiteral("units"), k.value(PricePerUnit), QStringLiteral("USD/unit-month"),
                1, QStringLiteral("month"), true, priceSource(k, QStringLiteral("pricePerUnitMonth")));
            break;
        case ComponentKind::Staff: {
            const double monthly = k.value(LoadedAnnualCost) / 12.0;
            add(c, name + QStringLiteral(" · engineering time"), k.value(Fte), QStringLiteral("FTE"), monthly,
                QStringLiteral("USD/FTE-month"), 1, QStringLiteral("month"), true, priceSource(k, QStringLiteral("loadedAnnualCost")),
                QStringLiteral("%1 USD/year loaded ÷ 12").arg(num(k.value(LoadedAnnualCost))));
            if (k.value(OnCallMonthly) != 0)
                add(c, name + QStringLiteral(" · on-call"), 1, QStringLiteral("rota"), k.value(OnCallMonthly),
                    QStringLiteral("USD/month"), 1, QStringLiteral("month"), true, priceSource(k, QStringLiteral("onCallMonthly")));
            break;
        }
        case ComponentKind::Migration: {
            const int when = int(k.value(Month));
            add(c, name, when == month ? 1 : 0, QStringLiteral("payment"), k.value(Amount), QStringLiteral("USD"), 1, QString(),
                false, priceSource(k, QStringLiteral("amount")),
                when == month ? QStringLiteral("one-off, paid in month %1").arg(when)
                              : QStringLiteral("one-off, paid in month %1, not this month").arg(when));
            break;
        }
        case ComponentKind::Support: {
            double billUsd = 0;
            for (int o = 0; o < scenario.components.size(); ++o) {
                const ComponentKind kind = scenario.components[o].kind;
                if (kind != ComponentKind::Support && kind != ComponentKind::Migration)
                    billUsd += costs.at(o, month) / rate;
            }
            const double share = k.value(ShareOfBill) * billUsd;
            const double minimum = k.value(MinimumMonthly) * f.price * inflate;
            if (share >= minimum) {
                add(c, name + QStringLiteral(" · share of the bill"), billUsd, QStringLiteral("USD of bill"),
                    k.value(ShareOfBill), QStringLiteral("share"), 1, QString(), false, priceSource(k, QStringLiteral("shareOfBill")),
                    QStringLiteral("above the monthly minimum of %1 USD").arg(num(minimum)));
                items.last().factor = rate;
                items.last().cost = share * rate;
                items.last().formula = QStringLiteral("%1 USD recurring bill × %2%3 = %4")
                                           .arg(num(billUsd), num(k.value(ShareOfBill)),
                                                rate != 1.0 ? QStringLiteral(" × %1 (%2 per USD)").arg(num(rate), cur) : QString(),
                                                money(share * rate, cur));
            } else {
                add(c, name + QStringLiteral(" · monthly minimum"), 1, QStringLiteral("month"), k.value(MinimumMonthly),
                    QStringLiteral("USD/month"), 1, QString(), true, priceSource(k, QStringLiteral("minimumMonthly")),
                    QStringLiteral("the share (%1 × %2 USD = %3 USD) is below the minimum")
                        .arg(num(k.value(ShareOfBill)), num(billUsd), num(share)));
            }
            break;
        }
        }
    }
    return items;
}

} // namespace dblearn

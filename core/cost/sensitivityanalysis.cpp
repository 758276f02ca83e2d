#include "cost/sensitivityanalysis.h"

#include "cost/costengine.h"

#include <algorithm>

namespace dblearn {

namespace {

// Evaluates the total with `slot` set to each of low and high, then restores it.
void vary(const Worksheet &worksheet, const Scenario &scenario, double *slot, double low, double high,
          TornadoBar *bar, const Worksheet *worksheetForSettings = nullptr)
{
    const double saved = *slot;
    const Worksheet &w = worksheetForSettings ? *worksheetForSettings : worksheet;
    *slot = low;
    bar->lowTotal = CostEngine::evaluate(w, scenario).total();
    *slot = high;
    bar->highTotal = CostEngine::evaluate(w, scenario).total();
    *slot = saved;
    bar->lowValue = low;
    bar->highValue = high;
}

} // namespace

QList<TornadoBar> SensitivityAnalysis::tornado(const Worksheet &worksheet, int scenarioIndex, double percent)
{
    QList<TornadoBar> bars;
    if (scenarioIndex < 0 || scenarioIndex >= worksheet.scenarios.size())
        return bars;
    const double p = (percent < 0 ? worksheet.sensitivityPercent : percent) / 100.0;
    Scenario scenario = worksheet.scenarios[scenarioIndex]; // a copy the loop changes and restores
    const double baseTotal = CostEngine::evaluate(worksheet, scenario).total();

    for (int c = 0; c < scenario.components.size(); ++c) {
        CostComponent &component = scenario.components[c];
        const QList<ParameterSpec> &specs = ComponentSpecs::parameters(component.kind);
        for (int i = 0; i < specs.size(); ++i) {
            const ParameterSpec &spec = specs[i];
            if (!spec.perturbable || !ComponentSpecs::isRelevant(component.kind, spec.key, component.commitment))
                continue;
            TornadoBar bar;
            bar.scenario = scenarioIndex;
            bar.component = c;
            bar.key = spec.key;
            bar.label = component.name + QStringLiteral(" · ") + spec.label;
            bar.unit = spec.unit;
            bar.baseValue = component.values[size_t(i)];
            bar.baseTotal = baseTotal;
            const double low = std::clamp(bar.baseValue * (1 - p), spec.minimum, spec.maximum);
            const double high = std::clamp(bar.baseValue * (1 + p), spec.minimum, spec.maximum);
            vary(worksheet, scenario, &component.values[size_t(i)], low, high, &bar);
            bars << bar;
        }
        if (ComponentSpecs::hasGrowth(component.kind) && component.growth.type != GrowthModel::Type::Fixed) {
            TornadoBar bar;
            bar.scenario = scenarioIndex;
            bar.component = c;
            bar.key = QStringLiteral("growth.rate");
            bar.label = component.name + QStringLiteral(" · growth rate");
            bar.unit = component.growth.type == GrowthModel::Type::Compound ? QStringLiteral("fraction/year")
                                                                              : QStringLiteral("units/month");
            bar.baseValue = component.growth.rate;
            bar.baseTotal = baseTotal;
            vary(worksheet, scenario, &component.growth.rate, bar.baseValue * (1 - p), bar.baseValue * (1 + p),
                 &bar);
            bars << bar;
        }
    }

    // Worksheet settings: changed on a copy of the worksheet.
    Worksheet settings = worksheet;
    settings.scenarios.clear(); // evaluate() only reads the settings; the scenario is passed in
    auto addSetting = [&](double *slot, const QString &key, const QString &label, const QString &unit) {
        TornadoBar bar;
        bar.scenario = scenarioIndex;
        bar.key = key;
        bar.label = label;
        bar.unit = unit;
        bar.baseValue = *slot;
        bar.baseTotal = baseTotal;
        vary(worksheet, scenario, slot, *slot * (1 - p), *slot * (1 + p), &bar, &settings);
        bars << bar;
    };
    addSetting(&settings.inflation, QStringLiteral("inflation"), QStringLiteral("Inflation"),
               QStringLiteral("fraction/year"));
    if (worksheet.currency.code != QLatin1String("USD"))
        addSetting(&settings.currency.perUsd, QStringLiteral("currency.perUsd"), QStringLiteral("Exchange rate"),
                   worksheet.currency.code + QStringLiteral(" per USD"));

    std::stable_sort(bars.begin(), bars.end(),
                     [](const TornadoBar &a, const TornadoBar &b) { return a.swing() > b.swing(); });
    return bars;
}

QList<TornadoBar> SensitivityAnalysis::tornadoAll(const Worksheet &worksheet, double percent)
{
    QList<TornadoBar> bars;
    for (int s = 0; s < worksheet.scenarios.size(); ++s)
        bars << tornado(worksheet, s, percent);
    return bars;
}

} // namespace dblearn

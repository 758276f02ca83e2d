#include "cost/worksheetexporter.h"

#include "cost/lineitemexplainer.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTextStream>

#include <cmath>

namespace dblearn {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString plain(double v)
{
    return QString::number(v, 'f', 6).remove(QRegularExpression(QStringLiteral("\\.?0+$")));
}

QString money(double v)
{
    return QString::number(v, 'f', 2);
}

QJsonValue optionalNumber(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

} // namespace

WorksheetExporter::WorksheetExporter(const Worksheet &worksheet, const WorksheetResults &results,
                                     const PriceCatalog *catalog)
    : m_worksheet(worksheet)
    , m_results(results)
    , m_catalog(catalog)
{
}

QString WorksheetExporter::toText() const
{
    QString text;
    QTextStream out(&text);
    const QString cur = m_worksheet.currency.code;
    out << m_worksheet.title << " — " << m_worksheet.horizonMonths << " months, " << cur;
    if (cur != QLatin1String("USD"))
        out << " at " << m_worksheet.currency.perUsd << " per USD (" << m_worksheet.currency.rateDate << ")";
    out << ", discount rate " << m_worksheet.discountRate * 100 << "%/year, inflation " << m_worksheet.inflation * 100
        << "%/year\n";
    if (!m_results.isValid()) {
        out << "\nThe worksheet has inputs that are not accepted:\n";
        for (const ValidationIssue &issue : m_results.issues())
            out << "  " << issue.text() << '\n';
        return text;
    }
    out << '\n';
    for (int s = 0; s < m_results.scenarioCount(); ++s) {
        const ScenarioCosts &costs = m_results.costs(s);
        const Scenario &scenario = m_worksheet.scenarios[s];
        out << scenario.name << " [" << scenario.id << "]\n";
        out << "  total " << money(costs.total()) << ' ' << cur << "  (pessimistic "
            << money(m_results.costs(s, CostCase::Pessimistic).total()) << ", optimistic "
            << money(m_results.costs(s, CostCase::Optimistic).total()) << "); present value "
            << money(m_results.presentValue(s)) << '\n';
        out << "  month 1 " << money(costs.monthTotal(1)) << ", month " << costs.months() << ' '
            << money(costs.monthTotal(costs.months())) << '\n';
        for (int year = 0; year * 12 < costs.months(); ++year) {
            double sum = 0;
            for (int m = year * 12 + 1; m <= std::min(costs.months(), year * 12 + 12); ++m)
                sum += costs.monthTotal(m);
            out << "  year " << year + 1 << ' ' << money(sum) << '\n';
        }
        for (int c = 0; c < costs.componentCount(); ++c)
            out << "    " << scenario.components[c].name << ": " << money(costs.componentTotal(c)) << '\n';
    }
    for (const ComparisonResult &r : m_results.comparisons()) {
        const QString a = m_worksheet.scenarios[r.baseline].name;
        const QString b = m_worksheet.scenarios[r.candidate].name;
        out << "\n" << a << " → " << b << ": saves " << money(r.netSavings) << ' ' << cur << " over the horizon; NPV "
            << money(r.npv);
        if (r.investment > 0)
            out << "; investment " << money(r.investment) << ", ROI " << QString::number(r.roi * 100, 'f', 1) << '%';
        out << "; break-even " << (r.breakEvenMonth ? QStringLiteral("month %1").arg(r.breakEvenMonth) : QStringLiteral("none"))
            << "; payback " << (r.paybackMonth ? QStringLiteral("month %1").arg(r.paybackMonth) : QStringLiteral("not within the horizon"))
            << '\n';
    }
    if (!m_results.tornado().isEmpty()) {
        out << "\nSensitivity (±" << m_worksheet.sensitivityPercent << "% on each input; the five that move each total most):\n";
        int shown = 0, scenario = -1;
        for (const TornadoBar &bar : m_results.tornado()) {
            if (bar.scenario != scenario) {
                scenario = bar.scenario;
                shown = 0;
                out << "  " << m_worksheet.scenarios[scenario].name << '\n';
            }
            if (shown++ >= 5)
                continue;
            out << "    " << bar.label << ": " << money(bar.lowTotal) << " … " << money(bar.highTotal) << " (swing "
                << money(bar.swing()) << ")\n";
        }
    }
    return text;
}

QJsonObject WorksheetExporter::toJson() const
{
    QJsonObject root{{QStringLiteral("title"), m_worksheet.title},
                     {QStringLiteral("horizonMonths"), m_worksheet.horizonMonths},
                     {QStringLiteral("currency"), m_worksheet.currency.code},
                     {QStringLiteral("valid"), m_results.isValid()}};
    QJsonArray issues;
    for (const ValidationIssue &issue : m_results.issues())
        issues.append(QJsonObject{{QStringLiteral("scenario"), issue.scenario},
                                  {QStringLiteral("component"), issue.component},
                                  {QStringLiteral("key"), issue.key},
                                  {QStringLiteral("where"), issue.where},
                                  {QStringLiteral("message"), issue.message}});
    root.insert(QStringLiteral("issues"), issues);
    if (!m_results.isValid())
        return root;
    QJsonArray scenarios;
    for (int s = 0; s < m_results.scenarioCount(); ++s) {
        const ScenarioCosts &costs = m_results.costs(s);
        QJsonArray monthly, components;
        for (double v : costs.monthly())
            monthly.append(v);
        for (int c = 0; c < costs.componentCount(); ++c)
            components.append(QJsonObject{{QStringLiteral("name"), m_worksheet.scenarios[s].components[c].name},
                                          {QStringLiteral("kind"), ComponentSpecs::kindName(m_worksheet.scenarios[s].components[c].kind)},
                                          {QStringLiteral("total"), costs.componentTotal(c)}});
        QJsonObject categories;
        for (CostCategory category : ComponentSpecs::allCategories())
            categories.insert(ComponentSpecs::categoryLabel(category), costs.categoryTotal(category));
        scenarios.append(QJsonObject{{QStringLiteral("id"), m_worksheet.scenarios[s].id},
                                     {QStringLiteral("name"), m_worksheet.scenarios[s].name},
                                     {QStringLiteral("total"), costs.total()},
                                     {QStringLiteral("pessimisticTotal"), m_results.costs(s, CostCase::Pessimistic).total()},
                                     {QStringLiteral("optimisticTotal"), m_results.costs(s, CostCase::Optimistic).total()},
                                     {QStringLiteral("presentValue"), m_results.presentValue(s)},
                                     {QStringLiteral("monthly"), monthly},
                                     {QStringLiteral("byCategory"), categories},
                                     {QStringLiteral("components"), components}});
    }
    root.insert(QStringLiteral("scenarios"), scenarios);
    QJsonArray comparisons;
    for (const ComparisonResult &r : m_results.comparisons()) {
        QJsonArray crossovers;
        for (int m : r.crossovers)
            crossovers.append(m);
        comparisons.append(QJsonObject{{QStringLiteral("baseline"), m_worksheet.scenarios[r.baseline].id},
                                       {QStringLiteral("candidate"), m_worksheet.scenarios[r.candidate].id},
                                       {QStringLiteral("netSavings"), r.netSavings},
                                       {QStringLiteral("investment"), r.investment},
                                       {QStringLiteral("roi"), optionalNumber(r.roi)},
                                       {QStringLiteral("npv"), r.npv},
                                       {QStringLiteral("paybackMonth"), r.paybackMonth ? QJsonValue(r.paybackMonth) : QJsonValue()},
                                       {QStringLiteral("simplePaybackMonths"), optionalNumber(r.simplePaybackMonths)},
                                       {QStringLiteral("breakEvenMonth"), r.breakEvenMonth ? QJsonValue(r.breakEvenMonth) : QJsonValue()},
                                       {QStringLiteral("crossoverMonths"), crossovers}});
    }
    root.insert(QStringLiteral("comparisons"), comparisons);
    QJsonArray tornado;
    for (const TornadoBar &bar : m_results.tornado())
        tornado.append(QJsonObject{{QStringLiteral("scenario"), m_worksheet.scenarios[bar.scenario].id},
                                   {QStringLiteral("input"), bar.label},
                                   {QStringLiteral("key"), bar.key},
                                   {QStringLiteral("unit"), bar.unit},
                                   {QStringLiteral("base"), bar.baseValue},
                                   {QStringLiteral("low"), bar.lowValue},
                                   {QStringLiteral("high"), bar.highValue},
                                   {QStringLiteral("totalAtLow"), bar.lowTotal},
                                   {QStringLiteral("totalAtHigh"), bar.highTotal},
                                   {QStringLiteral("swing"), bar.swing()}});
    root.insert(QStringLiteral("tornado"), tornado);
    return root;
}

QByteArray WorksheetExporter::lineItemsCsv() const
{
    const QString cur = m_worksheet.currency.code;
    QString text = QStringLiteral("scenario,month,component,line_item,quantity,quantity_unit,unit_price_USD,price_unit,time,"
                                  "time_unit,factor,cost_%1,formula,source,reason\n").arg(cur);
    if (!m_results.isValid())
        return text.toUtf8();
    const LineItemExplainer explainer(m_catalog);
    for (int s = 0; s < m_worksheet.scenarios.size(); ++s) {
        const Scenario &scenario = m_worksheet.scenarios[s];
        for (int m = 1; m <= m_worksheet.horizonMonths; ++m) {
            for (const LineItem &item : explainer.explain(m_worksheet, s, m)) {
                text += QStringList{csvField(scenario.id), QString::number(m),
                                    csvField(scenario.components[item.component].name), csvField(item.label),
                                    plain(item.quantity), csvField(item.quantityUnit), plain(item.unitPrice),
                                    csvField(item.priceUnit), plain(item.time), csvField(item.timeUnit),
                                    plain(item.factor), money(item.cost), csvField(item.formula),
                                    csvField(item.source), csvField(item.reason)}
                            .join(QLatin1Char(','))
                        + QLatin1Char('\n');
            }
        }
    }
    return text.toUtf8();
}

QByteArray WorksheetExporter::monthlyCsv() const
{
    const QString cur = m_worksheet.currency.code;
    QStringList header{QStringLiteral("scenario"), QStringLiteral("month")};
    for (CostCategory category : ComponentSpecs::allCategories())
        header << csvField(ComponentSpecs::categoryLabel(category) + QStringLiteral(" (%1)").arg(cur));
    header << QStringLiteral("total (%1)").arg(cur) << QStringLiteral("cumulative (%1)").arg(cur);
    QString text = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    if (!m_results.isValid())
        return text.toUtf8();
    for (int s = 0; s < m_results.scenarioCount(); ++s) {
        const ScenarioCosts &costs = m_results.costs(s);
        double cumulative = 0;
        for (int m = 1; m <= costs.months(); ++m) {
            QStringList row{csvField(m_worksheet.scenarios[s].id), QString::number(m)};
            for (CostCategory category : ComponentSpecs::allCategories())
                row << money(costs.categoryMonth(category, m));
            cumulative += costs.monthTotal(m);
            row << money(costs.monthTotal(m)) << money(cumulative);
            text += row.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
    }
    return text.toUtf8();
}

} // namespace dblearn

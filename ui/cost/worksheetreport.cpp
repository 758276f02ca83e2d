#include "worksheetreport.h"

#include "costcharts.h"
#include "worksheetdocument.h"

#include "cost/lineitemexplainer.h"

#include <QBuffer>
#include <QChartView>
#include <QDir>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include <cmath>

namespace dblearn {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString money(double v)
{
    return QLocale().toString(v, 'f', 2);
}

} // namespace

WorksheetReport::WorksheetReport(const WorksheetDocument &document, const CostCharts &charts)
    : m_document(document)
    , m_charts(charts)
{
}

QString WorksheetReport::html() const
{
    const Worksheet &w = m_document.worksheet();
    const WorksheetResults &r = m_document.results();
    const QString cur = w.currency.code;
    QString h;
    h += QStringLiteral("<html><body style='font-family: sans-serif; font-size: 9pt'>");
    h += QStringLiteral("<h1>%1</h1><p>%2</p>").arg(esc(w.title), esc(w.description));
    h += QStringLiteral("<p>Horizon %1 months · currency %2").arg(w.horizonMonths).arg(esc(cur));
    if (cur != QLatin1String("USD"))
        h += QStringLiteral(" at %1 per USD (observed %2)").arg(w.currency.perUsd).arg(esc(w.currency.rateDate));
    h += QStringLiteral(" · discount rate %1%/year · inflation %2%/year · sensitivity ±%3% · pessimistic prices ×%4, usage ×%5 · "
                        "optimistic prices ×%6, usage ×%7</p>")
             .arg(w.discountRate * 100).arg(w.inflation * 100).arg(w.sensitivityPercent)
             .arg(w.pessimistic.price).arg(w.pessimistic.usage).arg(w.optimistic.price).arg(w.optimistic.usage);

    h += QStringLiteral("<h2>Inputs</h2>");
    for (const Scenario &s : w.scenarios) {
        h += QStringLiteral("<h3>%1</h3>").arg(esc(s.name));
        if (!s.notes.isEmpty())
            h += QStringLiteral("<p><i>%1</i></p>").arg(esc(s.notes));
        h += QStringLiteral("<table border='1' cellspacing='0' cellpadding='2' width='100%'><tr><th>Component</th><th>Input</th><th>Value</th><th>Unit</th></tr>");
        for (const CostComponent &c : s.components) {
            const QList<ParameterSpec> &specs = ComponentSpecs::parameters(c.kind);
            bool first = true;
            for (int i = 0; i < specs.size(); ++i) {
                if (!ComponentSpecs::isRelevant(c.kind, specs[i].key, c.commitment))
                    continue;
                h += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>%3</td><td>%4</td></tr>")
                         .arg(first ? esc(c.name + QStringLiteral(" (") + ComponentSpecs::kindLabel(c.kind)
                                          + (c.kind == ComponentKind::Compute ? QStringLiteral(", ") + ComponentSpecs::commitmentName(c.commitment) : QString())
                                          + QLatin1Char(')'))
                                    : QString(),
                              esc(specs[i].label), QString::number(c.values[size_t(i)], 'g', 10), esc(specs[i].unit));
                first = false;
            }
            if (ComponentSpecs::hasGrowth(c.kind))
                h += QStringLiteral("<tr><td></td><td>Growth</td><td colspan='2'>%1</td></tr>").arg(esc(c.growth.describe(QStringLiteral("units"))));
        }
        h += QStringLiteral("</table>");
    }

    if (!r.isValid()) {
        h += QStringLiteral("<h2>Inputs not accepted</h2><ul>");
        for (const ValidationIssue &issue : r.issues())
            h += QStringLiteral("<li>%1</li>").arg(esc(issue.text()));
        return h + QStringLiteral("</ul></body></html>");
    }

    h += QStringLiteral("<h2>Totals (%1)</h2><table border='1' cellspacing='0' cellpadding='2'><tr><th>Scenario</th><th>Total</th>"
                        "<th>Present value</th><th>Pessimistic</th><th>Optimistic</th><th>Month 1</th></tr>").arg(esc(cur));
    for (int s = 0; s < r.scenarioCount(); ++s)
        h += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td align='right'>%3</td><td align='right'>%4</td><td align='right'>%5</td><td align='right'>%6</td></tr>")
                 .arg(esc(w.scenarios[s].name), money(r.costs(s).total()), money(r.presentValue(s)),
                      money(r.costs(s, CostCase::Pessimistic).total()), money(r.costs(s, CostCase::Optimistic).total()),
                      money(r.costs(s).monthTotal(1)));
    h += QStringLiteral("</table>");
    if (!r.comparisons().isEmpty()) {
        h += QStringLiteral("<h2>Comparisons</h2><table border='1' cellspacing='0' cellpadding='2'><tr><th>Baseline → candidate</th>"
                            "<th>Net savings</th><th>NPV</th><th>ROI</th><th>Payback month</th><th>Break-even month</th></tr>");
        for (const ComparisonResult &c : r.comparisons())
            h += QStringLiteral("<tr><td>%1 → %2</td><td align='right'>%3</td><td align='right'>%4</td><td>%5</td><td>%6</td><td>%7</td></tr>")
                     .arg(esc(w.scenarios[c.baseline].name), esc(w.scenarios[c.candidate].name), money(c.netSavings), money(c.npv),
                          std::isnan(c.roi) ? QStringLiteral("—") : QStringLiteral("%1%").arg(c.roi * 100, 0, 'f', 1),
                          c.paybackMonth ? QString::number(c.paybackMonth) : QStringLiteral("—"),
                          c.breakEvenMonth ? QString::number(c.breakEvenMonth) : QStringLiteral("none"));
        h += QStringLiteral("</table>");
    }

    h += QStringLiteral("<h2>Line items, month 1</h2>");
    const LineItemExplainer explainer(&m_document.catalog());
    for (int s = 0; s < w.scenarios.size(); ++s) {
        h += QStringLiteral("<h3>%1</h3><table border='1' cellspacing='0' cellpadding='2' width='100%'><tr><th>Item</th><th>Formula</th><th>Source</th><th>Why / how</th></tr>")
                 .arg(esc(w.scenarios[s].name));
        for (const LineItem &item : explainer.explain(w, s, 1))
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                     .arg(esc(item.label), esc(item.formula), esc(item.source), esc(item.reason));
        h += QStringLiteral("</table>");
    }

    h += QStringLiteral("<h2>Charts</h2>");
    const QList<QChartView *> views = m_charts.views();
    for (int i = 0; i < views.size(); ++i)
        h += QStringLiteral("<p><img src='chart%1.png' width='640'></p>").arg(i);
    h += QStringLiteral("</body></html>");
    return h;
}

bool WorksheetReport::writePdf(const QString &path, QString *error) const
{
    if (!QFileInfo(path).absoluteDir().exists()) {
        *error = QStringLiteral("the folder of %1 does not exist").arg(QDir::toNativeSeparators(path));
        return false;
    }
    QTextDocument document;
    const QList<QChartView *> views = m_charts.views();
    for (int i = 0; i < views.size(); ++i)
        document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart%1.png").arg(i)), views[i]->grab().toImage());
    document.setHtml(html());
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(m_document.worksheet().title);
    writer.setCreator(QStringLiteral("DB Learn"));
    document.print(&writer);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        *error = QStringLiteral("cannot write %1").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

} // namespace dblearn

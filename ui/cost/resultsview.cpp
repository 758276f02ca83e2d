#include "resultsview.h"

#include "lineitemmodel.h"
#include "worksheetdocument.h"

#include "cost/lineitemexplainer.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dblearn {

namespace {

QTableWidgetItem *number(double v, int decimals = 2)
{
    auto *item = new QTableWidgetItem(QLocale().toString(v, 'f', decimals));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidgetItem *text(const QString &t)
{
    return new QTableWidgetItem(t);
}

} // namespace

ResultsView::ResultsView(WorksheetDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_tabs = new QTabWidget;
    layout->addWidget(m_tabs, 1);

    auto *summaryPage = new QWidget;
    auto *summaryLayout = new QVBoxLayout(summaryPage);
    m_summary = new QTableWidget;
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_comparisons = new QTableWidget;
    m_comparisons->setEditTriggers(QAbstractItemView::NoEditTriggers);
    summaryLayout->addWidget(new QLabel(tr("Totals per scenario")));
    summaryLayout->addWidget(m_summary, 1);
    summaryLayout->addWidget(new QLabel(tr("Comparisons (baseline → candidate)")));
    summaryLayout->addWidget(m_comparisons, 1);
    m_tabs->addTab(summaryPage, tr("Summary"));

    auto *itemsPage = new QWidget;
    auto *itemsLayout = new QVBoxLayout(itemsPage);
    auto *bar = new QHBoxLayout;
    m_scenario = new QComboBox;
    m_month = new QSpinBox;
    m_month->setRange(1, 120);
    bar->addWidget(new QLabel(tr("Scenario")));
    bar->addWidget(m_scenario, 1);
    bar->addWidget(new QLabel(tr("Month")));
    bar->addWidget(m_month);
    itemsLayout->addLayout(bar);
    m_lineItems = new LineItemModel(this);
    m_lineItemView = new QTableView;
    m_lineItemView->setModel(m_lineItems);
    m_lineItemView->setWordWrap(false);
    m_lineItemView->horizontalHeader()->setStretchLastSection(true);
    m_lineItemView->verticalHeader()->hide();
    itemsLayout->addWidget(m_lineItemView, 1);
    m_lineTotal = new QLabel;
    itemsLayout->addWidget(m_lineTotal);
    m_tabs->addTab(itemsPage, tr("Line items"));

    m_monthly = new QTableWidget;
    m_monthly->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tabs->addTab(m_monthly, tr("Per month"));

    connect(m_scenario, &QComboBox::activated, this, &ResultsView::refreshLineItems);
    connect(m_month, &QSpinBox::valueChanged, this, &ResultsView::refreshLineItems);
    connect(m_document, &WorksheetDocument::resultsChanged, this, &ResultsView::refresh);
    refresh();
}

void ResultsView::refresh()
{
    const Worksheet &w = m_document->worksheet();
    const WorksheetResults &r = m_document->results();
    const QString cur = w.currency.code;
    if (!r.isValid() || r.scenarioCount() == 0) {
        m_status->setText(tr("<b style='color:#c62828'>No results: %n input(s) not accepted.</b> The first: %1",
                             nullptr, int(r.issues().size()))
                              .arg(r.issues().isEmpty() ? QString() : r.issues().first().text().toHtmlEscaped()));
        m_summary->clear();
        m_summary->setRowCount(0);
        m_comparisons->setRowCount(0);
        m_monthly->setRowCount(0);
        m_lineItems->setItems({}, cur);
        return;
    }
    m_status->setText(tr("%1 scenarios over %2 months, in %3. Prices from the catalog show their source and date; "
                         "stale ones are flagged.").arg(w.scenarios.size()).arg(w.horizonMonths).arg(cur));

    const int years = (w.horizonMonths + 11) / 12;
    QStringList headers{tr("Scenario"), tr("Total (%1)").arg(cur)};
    for (int y = 1; y <= years; ++y)
        headers << tr("Year %1").arg(y);
    headers << tr("Present value") << tr("Pessimistic") << tr("Optimistic") << tr("Month 1") << tr("Last month");
    m_summary->clear();
    m_summary->setColumnCount(int(headers.size()));
    m_summary->setHorizontalHeaderLabels(headers);
    m_summary->setRowCount(r.scenarioCount());
    for (int s = 0; s < r.scenarioCount(); ++s) {
        const ScenarioCosts &c = r.costs(s);
        int col = 0;
        m_summary->setItem(s, col++, text(w.scenarios[s].name));
        m_summary->setItem(s, col++, number(c.total()));
        for (int y = 0; y < years; ++y) {
            double sum = 0;
            for (int m = y * 12 + 1; m <= std::min(c.months(), y * 12 + 12); ++m)
                sum += c.monthTotal(m);
            m_summary->setItem(s, col++, number(sum));
        }
        m_summary->setItem(s, col++, number(r.presentValue(s)));
        m_summary->setItem(s, col++, number(r.costs(s, CostCase::Pessimistic).total()));
        m_summary->setItem(s, col++, number(r.costs(s, CostCase::Optimistic).total()));
        m_summary->setItem(s, col++, number(c.monthTotal(1)));
        m_summary->setItem(s, col++, number(c.monthTotal(c.months())));
    }
    m_summary->resizeColumnsToContents();

    const QStringList comparisonHeaders{tr("Baseline → candidate"), tr("Net savings"), tr("NPV"), tr("Investment"),
                                        tr("ROI"), tr("Payback month"), tr("Simple payback (months)"), tr("Break-even month"),
                                        tr("All crossovers")};
    m_comparisons->clear();
    m_comparisons->setColumnCount(int(comparisonHeaders.size()));
    m_comparisons->setHorizontalHeaderLabels(comparisonHeaders);
    m_comparisons->setRowCount(int(r.comparisons().size()));
    for (int i = 0; i < r.comparisons().size(); ++i) {
        const ComparisonResult &c = r.comparisons()[i];
        QStringList crossings;
        for (int m : c.crossovers)
            crossings << QString::number(m);
        m_comparisons->setItem(i, 0, text(w.scenarios[c.baseline].name + QStringLiteral(" → ") + w.scenarios[c.candidate].name));
        m_comparisons->setItem(i, 1, number(c.netSavings));
        m_comparisons->setItem(i, 2, number(c.npv));
        m_comparisons->setItem(i, 3, number(c.investment));
        m_comparisons->setItem(i, 4, text(std::isnan(c.roi) ? tr("— (no one-off investment)") : QStringLiteral("%1%").arg(c.roi * 100, 0, 'f', 1)));
        m_comparisons->setItem(i, 5, text(c.paybackMonth ? QString::number(c.paybackMonth) : tr("not within the horizon")));
        m_comparisons->setItem(i, 6, text(std::isnan(c.simplePaybackMonths) ? QStringLiteral("—") : QString::number(c.simplePaybackMonths, 'f', 1)));
        m_comparisons->setItem(i, 7, text(c.breakEvenMonth ? QString::number(c.breakEvenMonth) : tr("none")));
        m_comparisons->setItem(i, 8, text(crossings.join(QStringLiteral(", "))));
    }
    m_comparisons->resizeColumnsToContents();

    QStringList monthlyHeaders;
    for (const Scenario &s : w.scenarios)
        monthlyHeaders << s.name + QStringLiteral(" (%1)").arg(cur) << tr("cumulative");
    m_monthly->clear();
    m_monthly->setColumnCount(int(monthlyHeaders.size()));
    m_monthly->setHorizontalHeaderLabels(monthlyHeaders);
    m_monthly->setRowCount(w.horizonMonths);
    for (int s = 0; s < r.scenarioCount(); ++s) {
        const std::vector<double> cumulative = r.costs(s).cumulative();
        for (int m = 1; m <= w.horizonMonths; ++m) {
            m_monthly->setItem(m - 1, 2 * s, number(r.costs(s).monthTotal(m)));
            m_monthly->setItem(m - 1, 2 * s + 1, number(cumulative[size_t(m - 1)]));
        }
    }

    const int scenario = std::clamp(m_scenario->currentIndex(), 0, int(w.scenarios.size()) - 1);
    m_scenario->clear();
    for (const Scenario &s : w.scenarios)
        m_scenario->addItem(s.name);
    m_scenario->setCurrentIndex(scenario);
    m_month->setMaximum(w.horizonMonths);
    refreshLineItems();
}

void ResultsView::refreshLineItems()
{
    const Worksheet &w = m_document->worksheet();
    if (!m_document->results().isValid() || m_scenario->currentIndex() < 0)
        return;
    const LineItemExplainer explainer(&m_document->catalog());
    const QList<LineItem> items = explainer.explain(w, m_scenario->currentIndex(), m_month->value());
    m_lineItems->setItems(items, w.currency.code);
    double total = 0;
    for (const LineItem &item : items)
        total += item.cost;
    m_lineTotal->setText(tr("Month %1 total: %2 %3").arg(m_month->value()).arg(QLocale().toString(total, 'f', 2), w.currency.code));
    m_lineItemView->resizeColumnsToContents();
}

} // namespace dblearn

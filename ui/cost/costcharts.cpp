#include "costcharts.h"

#include "worksheetdocument.h"

#include "cost/financecalculator.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QPieSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace dblearn {

namespace {

constexpr int tornadoBars = 10;

const QList<QColor> categoryColors{QColor(0x42, 0x85, 0xf4), QColor(0x34, 0xa8, 0x53), QColor(0xfb, 0xbc, 0x05),
                                   QColor(0x8e, 0x44, 0xad), QColor(0xea, 0x43, 0x35), QColor(0x16, 0xa0, 0x85),
                                   QColor(0x7f, 0x8c, 0x8d), QColor(0xd3, 0x54, 0x00)};

void clear(QChart *chart)
{
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

QString money(double v, const QString &currency)
{
    return QLocale().toString(v, 'f', 0) + QLatin1Char(' ') + currency;
}

} // namespace

CostCharts::CostCharts(WorksheetDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_scenario = new QComboBox;
    m_scenario->setToolTip(tr("The scenario the stacked, tornado and share charts show"));
    m_comparison = new QComboBox;
    m_comparison->setToolTip(tr("The comparison the NPV waterfall shows"));
    bar->addWidget(new QLabel(tr("Scenario")));
    bar->addWidget(m_scenario, 1);
    bar->addWidget(new QLabel(tr("Comparison")));
    bar->addWidget(m_comparison, 1);
    layout->addLayout(bar);
    auto *grid = new QGridLayout;
    for (int i = 0; i < 5; ++i) {
        auto *chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->legend()->setAlignment(Qt::AlignBottom);
        QFont small = chart->legend()->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        chart->legend()->setFont(small);
        auto *view = new QChartView(chart);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(380, 260);
        view->setObjectName(imageNames()[i]);
        // The tornado gets a whole row: its bars are labelled with the inputs' names.
        static const int rows[] = {0, 0, 1, 2, 2}, columns[] = {0, 1, 0, 0, 1}, spans[] = {1, 1, 2, 1, 1};
        grid->addWidget(view, rows[i], columns[i], 1, spans[i]);
        if (i == 2)
            view->setMinimumHeight(330);
        m_views << view;
    }
    layout->addLayout(grid, 1);
    connect(m_scenario, &QComboBox::activated, this, &CostCharts::refresh);
    connect(m_comparison, &QComboBox::activated, this, &CostCharts::refresh);
    connect(m_document, &WorksheetDocument::resultsChanged, this, &CostCharts::refresh);
    refresh();
}

QStringList CostCharts::imageNames()
{
    return {QStringLiteral("monthly-by-category"), QStringLiteral("cumulative"), QStringLiteral("tornado"),
            QStringLiteral("npv-waterfall"), QStringLiteral("share-by-category")};
}

QStringList CostCharts::saveImages(const QString &directory, QString *error) const
{
    QStringList written;
    for (int i = 0; i < m_views.size(); ++i) {
        const QString path = QDir(directory).filePath(imageNames()[i] + QStringLiteral(".png"));
        if (!m_views[i]->grab().save(path, "PNG")) {
            *error = tr("cannot write %1").arg(QDir::toNativeSeparators(path));
            return written;
        }
        written << path;
    }
    return written;
}

void CostCharts::refresh()
{
    const Worksheet &w = m_document->worksheet();
    const WorksheetResults &r = m_document->results();
    // Keep the selections when the lists are the same.
    const int scenario = std::clamp(m_scenario->currentIndex(), 0, std::max(0, int(w.scenarios.size()) - 1));
    m_scenario->clear();
    for (const Scenario &s : w.scenarios)
        m_scenario->addItem(s.name);
    m_scenario->setCurrentIndex(scenario);
    const QList<ScenarioComparison> pairs = w.effectiveComparisons();
    const int comparison = std::clamp(m_comparison->currentIndex(), 0, std::max(0, int(pairs.size()) - 1));
    m_comparison->clear();
    for (const ScenarioComparison &p : pairs) {
        const int a = w.scenarioIndex(p.baseline), b = w.scenarioIndex(p.candidate);
        m_comparison->addItem(a >= 0 && b >= 0 ? w.scenarios[a].name + QStringLiteral(" → ") + w.scenarios[b].name : p.candidate);
    }
    m_comparison->setCurrentIndex(comparison);

    if (!r.isValid() || r.scenarioCount() == 0) {
        for (QChartView *view : m_views)
            showMessage(view->chart(), tr("%n input(s) not accepted: fix the marked fields", nullptr, int(r.issues().size())));
        return;
    }
    drawStacked(m_views[0]->chart(), scenario);
    drawCumulative(m_views[1]->chart());
    drawTornado(m_views[2]->chart(), scenario);
    drawWaterfall(m_views[3]->chart(), comparison);
    drawShare(m_views[4]->chart(), scenario);
}

void CostCharts::showMessage(QChart *chart, const QString &message)
{
    clear(chart);
    chart->setTitle(message);
}

void CostCharts::drawStacked(QChart *chart, int scenario)
{
    clear(chart);
    const Worksheet &w = m_document->worksheet();
    const ScenarioCosts &costs = m_document->results().costs(scenario);
    chart->setTitle(tr("Monthly cost by category — %1").arg(w.scenarios[scenario].name));
    auto *series = new QStackedBarSeries;
    series->setBarWidth(0.9);
    const QList<CostCategory> categories = ComponentSpecs::allCategories();
    double top = 0;
    for (int m = 1; m <= costs.months(); ++m)
        top = std::max(top, costs.monthTotal(m));
    for (int i = 0; i < categories.size(); ++i) {
        if (costs.categoryTotal(categories[i]) == 0)
            continue;
        auto *set = new QBarSet(ComponentSpecs::categoryLabel(categories[i]));
        set->setColor(categoryColors[i % categoryColors.size()]);
        set->setBorderColor(categoryColors[i % categoryColors.size()]);
        for (int m = 1; m <= costs.months(); ++m)
            set->append(costs.categoryMonth(categories[i], m));
        series->append(set);
    }
    chart->addSeries(series);
    // Bars need a category axis; its labels are hidden and a value axis shows the months instead.
    auto *x = new QBarCategoryAxis;
    QStringList labels;
    for (int m = 1; m <= costs.months(); ++m)
        labels << QString::number(m);
    x->append(labels);
    x->setVisible(false);
    auto *months = new QValueAxis;
    months->setRange(0.5, costs.months() + 0.5);
    months->setTickType(QValueAxis::TicksDynamic);
    months->setTickAnchor(0);
    months->setTickInterval(costs.months() > 24 ? 6 : (costs.months() > 12 ? 3 : 1));
    months->setLabelFormat(QStringLiteral("%d"));
    months->setTitleText(tr("month"));
    months->setGridLineVisible(false);
    chart->addAxis(months, Qt::AlignBottom);
    auto *y = new QValueAxis;
    y->setRange(0, top > 0 ? top * 1.05 : 1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(w.currency.code);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void CostCharts::drawCumulative(QChart *chart)
{
    clear(chart);
    const Worksheet &w = m_document->worksheet();
    const WorksheetResults &r = m_document->results();
    chart->setTitle(tr("Cumulative cost; crossovers marked"));
    double top = 0;
    const int months = w.horizonMonths;
    auto *x = new QValueAxis;
    x->setRange(0, months);
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(tr("month"));
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(w.currency.code);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (int s = 0; s < r.scenarioCount(); ++s) {
        auto *line = new QLineSeries;
        line->setName(w.scenarios[s].name);
        line->append(0, 0);
        const std::vector<double> cumulative = r.costs(s).cumulative();
        for (size_t m = 0; m < cumulative.size(); ++m) {
            line->append(double(m + 1), cumulative[m]);
            top = std::max(top, cumulative[m]);
        }
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    auto *markers = new QScatterSeries;
    markers->setName(tr("crossover"));
    markers->setMarkerSize(11);
    markers->setColor(Qt::black);
    markers->setPointLabelsVisible(true);
    markers->setPointLabelsFormat(QStringLiteral("m@xPoint"));
    for (const ComparisonResult &c : r.comparisons()) {
        const std::vector<double> cumulative = r.costs(c.baseline).cumulative();
        for (int month : c.crossovers)
            markers->append(month, cumulative[size_t(month - 1)]);
    }
    chart->addSeries(markers);
    markers->attachAxis(x);
    markers->attachAxis(y);
    y->setRange(0, top > 0 ? top * 1.05 : 1);
}

void CostCharts::drawTornado(QChart *chart, int scenario)
{
    clear(chart);
    const Worksheet &w = m_document->worksheet();
    QList<TornadoBar> bars;
    for (const TornadoBar &bar : m_document->results().tornado())
        if (bar.scenario == scenario && bars.size() < tornadoBars)
            bars << bar;
    chart->setTitle(tr("Tornado — %1: total over %2 months, each input ±%3%")
                        .arg(w.scenarios[scenario].name)
                        .arg(w.horizonMonths)
                        .arg(w.sensitivityPercent));
    if (bars.isEmpty())
        return;
    auto *low = new QBarSet(tr("input −%1%").arg(w.sensitivityPercent));
    auto *high = new QBarSet(tr("input +%1%").arg(w.sensitivityPercent));
    low->setColor(QColor(0x42, 0x85, 0xf4));
    high->setColor(QColor(0xea, 0x43, 0x35));
    QStringList labels;
    double extent = 0;
    // The largest swing at the top: a horizontal bar chart draws its first category at the bottom.
    for (int i = int(bars.size()) - 1; i >= 0; --i) {
        const TornadoBar &b = bars[i];
        low->append(b.lowTotal - b.baseTotal);
        high->append(b.highTotal - b.baseTotal);
        extent = std::max({extent, std::abs(b.lowTotal - b.baseTotal), std::abs(b.highTotal - b.baseTotal)});
        // "Component · Parameter" reads better as "Parameter (component)" on a short axis.
        const qsizetype dot = b.label.indexOf(QStringLiteral(" · "));
        QString label = dot < 0 ? b.label : b.label.mid(dot + 3) + QStringLiteral(" (") + b.label.left(dot) + QLatin1Char(')');
        if (label.size() > 48)
            label = label.left(46) + QStringLiteral("…");
        labels << label;
    }
    auto *series = new QHorizontalStackedBarSeries;
    series->append(low);
    series->append(high);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto *yAxis = new QBarCategoryAxis;
    yAxis->append(labels);
    yAxis->setTruncateLabels(false);
    QFont small = yAxis->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    yAxis->setLabelsFont(small);
    auto *xAxis = new QValueAxis;
    xAxis->setRange(-extent * 1.1 - 1e-9, extent * 1.1 + 1e-9);
    xAxis->setLabelFormat(QStringLiteral("%+.0f"));
    xAxis->setTitleText(tr("change in total (%1); base %2").arg(w.currency.code, money(bars.first().baseTotal, w.currency.code)));
    chart->addAxis(yAxis, Qt::AlignLeft);
    chart->addAxis(xAxis, Qt::AlignBottom);
    series->attachAxis(yAxis);
    series->attachAxis(xAxis);
}

void CostCharts::drawWaterfall(QChart *chart, int comparison)
{
    clear(chart);
    const Worksheet &w = m_document->worksheet();
    const WorksheetResults &r = m_document->results();
    if (comparison < 0 || comparison >= r.comparisons().size()) {
        chart->setTitle(tr("NPV waterfall — needs two scenarios"));
        return;
    }
    const ComparisonResult &c = r.comparisons()[comparison];
    chart->setTitle(tr("NPV waterfall at %1%/year: %2").arg(w.discountRate * 100).arg(money(c.npv, w.currency.code)));
    const QMap<CostCategory, double> a = FinanceCalculator::presentValueByCategory(r.costs(c.baseline), w.discountRate);
    const QMap<CostCategory, double> b = FinanceCalculator::presentValueByCategory(r.costs(c.candidate), w.discountRate);
    struct Step {
        QString label;
        double from;
        double to;
        bool total;
    };
    QList<Step> steps;
    double running = 0;
    for (CostCategory category : ComponentSpecs::allCategories()) {
        const double delta = a.value(category) - b.value(category); // savings in this category (PV)
        if (std::abs(delta) < 0.005)
            continue;
        steps.append({ComponentSpecs::categoryLabel(category), running, running + delta, false});
        running += delta;
    }
    steps.append({tr("NPV"), 0, running, true});

    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setTruncateLabels(false);
    x->setRange(0, steps.size());
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(tr("PV of savings (%1)").arg(w.currency.code));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double lo = 0, hi = 0;
    for (int i = 0; i < steps.size(); ++i) {
        const Step &s = steps[i];
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        upper->append(i + 0.15, std::max(s.from, s.to));
        upper->append(i + 0.85, std::max(s.from, s.to));
        lower->append(i + 0.15, std::min(s.from, s.to));
        lower->append(i + 0.85, std::min(s.from, s.to));
        auto *area = new QAreaSeries(upper, lower);
        const QColor color = s.total ? QColor(0x42, 0x85, 0xf4) : (s.to >= s.from ? QColor(0x34, 0xa8, 0x53) : QColor(0xea, 0x43, 0x35));
        area->setColor(color);
        area->setBorderColor(color.darker());
        area->setName(s.label);
        chart->addSeries(area);
        // An area series does not own its bounds (Qt's documentation: the caller does). The chart
        // owns the area and deletes it on the next clear(); the bounds go with it.
        upper->setParent(area);
        lower->setParent(area);
        area->attachAxis(x);
        area->attachAxis(y);
        x->append(s.label, i + 0.5);
        lo = std::min({lo, s.from, s.to});
        hi = std::max({hi, s.from, s.to});
    }
    chart->legend()->setVisible(false);
    const double pad = (hi - lo) * 0.08 + 1;
    y->setRange(lo - pad, hi + pad);
}

void CostCharts::drawShare(QChart *chart, int scenario)
{
    clear(chart);
    const Worksheet &w = m_document->worksheet();
    const ScenarioCosts &costs = m_document->results().costs(scenario);
    chart->setTitle(tr("Share by category — %1").arg(w.scenarios[scenario].name));
    auto *pie = new QPieSeries;
    const QList<CostCategory> categories = ComponentSpecs::allCategories();
    const double total = costs.total();
    for (int i = 0; i < categories.size(); ++i) {
        const double v = costs.categoryTotal(categories[i]);
        if (v <= 0)
            continue;
        QPieSlice *slice = pie->append(QStringLiteral("%1 %2%").arg(ComponentSpecs::categoryLabel(categories[i]))
                                           .arg(total > 0 ? v / total * 100 : 0, 0, 'f', 1),
                                       v);
        slice->setColor(categoryColors[i % categoryColors.size()]);
        slice->setLabelVisible(true);
    }
    chart->addSeries(pie);
    chart->legend()->setVisible(false);
}

} // namespace dblearn

#pragma once

#include <QList>
#include <QWidget>

class QChart;
class QChartView;
class QComboBox;

namespace dblearn {

class WorksheetDocument;

// The worksheet's charts, redrawn whenever the results change: monthly cost stacked by category,
// cumulative cost per scenario with the crossover months marked, the tornado, the NPV waterfall of
// a comparison, and each category's share of the total.
class CostCharts final : public QWidget
{
    Q_OBJECT
public:
    explicit CostCharts(WorksheetDocument *document, QWidget *parent = nullptr);

    QList<QChartView *> views() const { return m_views; }
    // File names for the PNG export, in views() order.
    static QStringList imageNames();
    // Saves each chart as a PNG in `directory`; returns the files written.
    QStringList saveImages(const QString &directory, QString *error) const;

    void refresh();

private:
    void drawStacked(QChart *chart, int scenario);
    void drawCumulative(QChart *chart);
    void drawTornado(QChart *chart, int scenario);
    void drawWaterfall(QChart *chart, int comparison);
    void drawShare(QChart *chart, int scenario);
    void showMessage(QChart *chart, const QString &message);

    WorksheetDocument *m_document = nullptr;
    QComboBox *m_scenario = nullptr;
    QComboBox *m_comparison = nullptr;
    QList<QChartView *> m_views;
};

} // namespace dblearn

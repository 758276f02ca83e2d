#pragma once

#include <QString>

namespace dblearn {

class CostCharts;
class WorksheetDocument;

// The PDF report of a worksheet: the inputs of every scenario, the totals and comparisons, the line
// items of the first month with their formulas and sources, and the charts.
class WorksheetReport final
{
public:
    WorksheetReport(const WorksheetDocument &document, const CostCharts &charts);

    QString html() const;
    bool writePdf(const QString &path, QString *error) const;

private:
    const WorksheetDocument &m_document;
    const CostCharts &m_charts;
};

} // namespace dblearn

#pragma once

#include "cost/worksheet.h"
#include "cost/worksheetresults.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace dblearn {

class PriceCatalog;

// Results as text for people, JSON for programs and CSV for spreadsheets. CSV cells hold plain
// numbers (dot decimal, no thousands separators, no units); units are in the headers or in their
// own column.
class WorksheetExporter final
{
public:
    explicit WorksheetExporter(const Worksheet &worksheet, const WorksheetResults &results,
                               const PriceCatalog *catalog = nullptr);

    QString toText() const;
    QJsonObject toJson() const;
    // Every line item of every scenario in every month of the horizon.
    QByteArray lineItemsCsv() const;
    // Monthly totals per scenario and category.
    QByteArray monthlyCsv() const;

private:
    const Worksheet &m_worksheet;
    const WorksheetResults &m_results;
    const PriceCatalog *m_catalog = nullptr;
};

} // namespace dblearn

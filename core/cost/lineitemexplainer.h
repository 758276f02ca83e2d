#pragma once

#include "cost/lineitem.h"
#include "cost/worksheet.h"

#include <QList>

namespace dblearn {

class PriceCatalog;

// Writes CostEngine's arithmetic out as line items: for each component of a scenario in a month,
// the quantity, the unit price with its source and date, the time, and the cost; a reason whenever
// a cost is zero. The costs of a component's items add up to CostEngine's figure for that month.
class LineItemExplainer final
{
public:
    explicit LineItemExplainer(const PriceCatalog *catalog = nullptr);

    QList<LineItem> explain(const Worksheet &worksheet, int scenario, int month,
                            CostCase costCase = CostCase::Base) const;
    // The source of a component's price parameter: the catalog entry it refers to, or "entered".
    QString priceSource(const CostComponent &component, const QString &key) const;

private:
    const PriceCatalog *m_catalog = nullptr;
};

} // namespace dblearn

#pragma once

#include <QString>

namespace dblearn {

// One line of a scenario's bill in one month, explained: quantity × unit price × time = cost.
struct LineItem {
    int component = -1;
    QString label;    // "db.t3.large · on-demand hours"
    double quantity = 0;
    QString quantityUnit; // "instances", "GB"
    double unitPrice = 0; // in USD, before the case factor, inflation and currency
    QString priceUnit;    // "USD/h"
    double time = 1;      // 730 (hours) or 1 (month)
    QString timeUnit;     // "h", "month"
    double factor = 1;    // the case's price factor × inflation × exchange rate
    double cost = 0;      // in the worksheet's currency
    QString formula;      // "2 instances × 730 h × 0.145 USD/h = 211.70 USD"
    QString source;       // where the price comes from
    QString reason;       // why the cost is zero, or a note on how the quantity was derived
};

} // namespace dblearn

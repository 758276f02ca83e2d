#pragma once

#include "cost/costcomponent.h"

#include <QDate>
#include <QList>
#include <QString>

namespace dblearn {

// One price of the catalog, with where it comes from and how far to trust it.
struct PriceEntry {
    QString id;       // "aws.rds.postgresql.db.t3.large.us-east-1"
    QString provider; // "aws"
    QString region;
    QString service;  // "RDS for PostgreSQL"
    QString item;     // "db.t3.large, Single-AZ"
    QString unit;     // "USD/h"
    double price = 0;
    double priceHigh = 0; // when sources disagree: the upper end (0 if none)
    QList<PriceTier> tiers; // for tiered prices (data transfer); price is then the first paid tier's
    QString source;
    QString observed;     // as precise as the source: "2026", "2026-03" or "2026-03-14"
    QDate observedDate;   // the first day of that period
    QString confidence;   // "high", "medium", "low"
    QString note;
    bool example = false; // not a quoted price: an illustration, to be replaced
    bool overridden = false; // the user's own price replaces the catalog's
    double catalogPrice = 0; // the catalog's price when overridden

    // "infracost test golden file, observed 2026-11, high confidence"
    QString sourceText() const;
};

} // namespace dblearn

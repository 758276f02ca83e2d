#pragma once

#include <QString>

namespace dblearn {

// One input the worksheet does not accept, with where it is so the editor can mark the field.
struct ValidationIssue {
    int scenario = -1;  // -1: a worksheet setting
    int component = -1; // -1: a scenario or worksheet setting
    QString key;        // parameter key, "growth.rate", "tiers", "horizonMonths", ...
    QString where;      // "scenario "RDS" › RDS instance › hourlyPrice"
    QString message;    // "is negative (-3); it must be at least 0"

    QString text() const { return where + QStringLiteral(": ") + message; }
};

} // namespace dblearn

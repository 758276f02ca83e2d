#pragma once

#include <QString>

namespace dblearn {

// One input of the sensitivity analysis: the scenario's total cost with the input at −X% and +X%.
struct TornadoBar {
    int scenario = -1;
    int component = -1; // -1: a worksheet setting
    QString key;        // parameter key, "growth.rate", "inflation" or "currency.perUsd"
    QString label;      // "RDS instance · On-demand hourly price"
    QString unit;
    double baseValue = 0;
    double lowValue = 0;
    double highValue = 0;
    double baseTotal = 0;
    double lowTotal = 0;  // total with the input at lowValue
    double highTotal = 0; // total with the input at highValue

    double swing() const { return highTotal > lowTotal ? highTotal - lowTotal : lowTotal - highTotal; }
};

} // namespace dblearn

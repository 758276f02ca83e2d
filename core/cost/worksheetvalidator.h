#pragma once

#include "cost/validationissue.h"
#include "cost/worksheet.h"

#include <QList>

namespace dblearn {

// Checks every input of a worksheet: missing, not a number, negative, below the minimum or above
// the absurd limit of its ParameterSpec, and the settings (horizon 1–120 months, rates, cases,
// currency). The engine computes only a worksheet without issues, so a bad value is never silently
// accepted.
class WorksheetValidator final
{
public:
    static QList<ValidationIssue> validate(const Worksheet &worksheet);
    // The issue for one value against a spec, or an empty message if it is fine.
    static QString checkValue(const ParameterSpec &spec, double value, bool present);
    static constexpr int maxHorizonMonths = 120;
};

} // namespace dblearn

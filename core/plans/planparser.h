#pragma once

#include "plans/plan.h"
#include "plans/planparseerror.h"

#include <QByteArray>
#include <QString>

namespace dblearn {

// Reads a plan in any supported format (detected when `format` is Auto) into the normalised
// model. Never throws or crashes on bad input: returns false with a message saying what was
// wrong and where. Plans are read, not analysed: run PlanAnalyzer afterwards.
class PlanParser final
{
public:
    static bool parse(const QByteArray &data, PlanFormat format, Plan *plan, PlanParseError *error);
    static bool parse(const QString &text, PlanFormat format, Plan *plan, PlanParseError *error);
    // Reads a file (UTF-8); the error names the file when it cannot be read.
    static bool parseFile(const QString &path, PlanFormat format, Plan *plan, PlanParseError *error);
};

} // namespace dblearn

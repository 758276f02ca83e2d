#pragma once

#include <QString>

namespace dblearn {

// Why a plan could not be read, and where: line and column are 1-based, 0 when not known.
struct PlanParseError {
    QString message;
    int line = 0;
    int column = 0;

    bool isError() const { return !message.isEmpty(); }
    // "line 3, column 14: unterminated object" or the message alone.
    QString toString() const
    {
        if (line <= 0)
            return message;
        return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
    }
};

} // namespace dblearn

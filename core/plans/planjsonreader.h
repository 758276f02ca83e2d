#pragma once

#include "plans/planparseerror.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QStringList>

namespace dblearn {

// Reads the JSON of a plan with errors a learner can act on: where the text broke (line and
// column, not a byte offset), and duplicate keys (which QJsonDocument silently collapses to the
// last value) reported as notes with their place.
class PlanJsonReader final
{
public:
    static QJsonDocument read(const QByteArray &utf8, PlanParseError *error, QStringList *notes);
    // Line and column (1-based, column in characters) of a byte offset.
    static void position(const QByteArray &utf8, qsizetype offset, int *line, int *column);

private:
    static void findDuplicateKeys(const QByteArray &utf8, QStringList *notes);
};

} // namespace dblearn

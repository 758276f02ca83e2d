#pragma once

#include "cost/worksheet.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace dblearn {

// The worksheet file format (docs/worksheet-format.md): JSON with "format" and "schemaVersion".
// Reading never writes: a corrupt, truncated or future-version file gives a message saying what is
// wrong and where, and leaves `out` untouched. Older versions are upgraded in memory.
// Values that are missing or not numbers are kept as such (CostComponent::present, NaN) so the
// validator can mark the field instead of a default silently taking its place.
class WorksheetFile final
{
public:
    static constexpr int currentVersion = 2;
    static QString formatName(); // "dblearn-worksheet"

    static bool load(const QString &path, Worksheet *out, QString *error, int *readVersion = nullptr);
    static bool parse(const QByteArray &data, Worksheet *out, QString *error, int *readVersion = nullptr);

    static QJsonObject toJson(const Worksheet &worksheet);
    static QByteArray serialize(const Worksheet &worksheet);
    // Writes through QSaveFile: the old file stays whole until the new one is complete.
    static bool save(const Worksheet &worksheet, const QString &path, QString *error);

    // Brings a version-1 document to the current version (see the format document).
    static QJsonObject upgradeFromVersion1(const QJsonObject &root);
};

} // namespace dblearn

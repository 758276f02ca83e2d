#pragma once

#include "cost/priceentry.h"
#include "cost/worksheet.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace dblearn {

// The price catalog: content/prices/*.json (one file per provider, see docs/worksheet-format.md),
// with the user's overrides kept apart in their own file. A price older than maxAgeMonths is
// flagged as stale.
class PriceCatalog final
{
public:
    static constexpr int maxAgeMonths = 12;

    // Loads every *.json in `dir`. Problems are appended to `errors` ("aws.json: ...") and the
    // other files still load. Returns false if nothing could be loaded.
    bool loadDirectory(const QString &dir, QStringList *errors);
    // Loads one provider file; false with `error` set if the file is unusable.
    bool loadFile(const QString &path, QString *error);

    // The catalog in the application's content folder.
    static QString defaultDirectory();

    const QList<PriceEntry> &entries() const { return m_entries; }
    // The entry with `id`, with any override applied, or nullptr.
    const PriceEntry *find(const QString &id) const;

    // Stale: observed more than maxAgeMonths before `today`.
    static bool isStale(const PriceEntry &entry, const QDate &today = QDate::currentDate());

    // The user's own prices. They are kept in a separate file and never change the catalog files.
    bool setOverride(const QString &id, double price, const QString &note, QString *error);
    void clearOverride(const QString &id);
    bool loadOverrides(const QString &path, QString *error);
    bool saveOverrides(const QString &path, QString *error) const;

    // Sets every worksheet value that names a catalog price (CostComponent::priceRefs) to the
    // catalog's current price, the user's override included. Returns how many values changed.
    int applyTo(Worksheet *worksheet) const;
    static QString defaultOverridesPath(); // <app data>/price-overrides.json
    QString overrideNote(const QString &id) const { return m_overrides.value(id).note; }

    // Parses "2026", "2026-03" or "2026-03-14" into the period's first day.
    static QDate parseObserved(const QString &observed);

private:
    struct Override {
        double price = 0;
        QString note;
    };
    void applyOverride(const QString &id);

    QList<PriceEntry> m_entries;
    QHash<QString, int> m_index;
    QHash<QString, Override> m_overrides;
};

} // namespace dblearn

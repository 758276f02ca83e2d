#pragma once

#include <QDialog>

class QTableWidget;

namespace dblearn {

class PriceCatalog;

// The price catalog as a table: each price with its unit, source, observation date, confidence and
// staleness, and a column for the user's own price. Accepting saves the user's prices to their own
// file (PriceCatalog::defaultOverridesPath, or `overridesPath`); the catalog files never change.
class PriceCatalogDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Column { Id, Service, Item, Unit, CatalogPrice, YourPrice, Source, Observed, Confidence, Stale, ColumnCount };

    PriceCatalogDialog(PriceCatalog *catalog, const QString &overridesPath, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // Applies the "your price" column to the catalog and saves it; false with `error` if a price is
    // not a number of 0 or more (the row is named) or the file cannot be written.
    bool apply(QString *error);

private:
    PriceCatalog *m_catalog = nullptr;
    QString m_overridesPath;
    QTableWidget *m_table = nullptr;
};

} // namespace dblearn

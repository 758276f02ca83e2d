#include "pricecatalogdialog.h"

#include "numberfield.h"

#include "cost/pricecatalog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace dblearn {

PriceCatalogDialog::PriceCatalogDialog(PriceCatalog *catalog, const QString &overridesPath, QWidget *parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_overridesPath(overridesPath)
{
    setWindowTitle(tr("Price catalog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Prices in USD from public sources, each with where and when it was observed and how far "
                                "to trust it. Prices older than %1 months are stale. Type your own price (a negotiated "
                                "rate, another region) in “Your price”; leave it empty to use the catalog's.")
                                 .arg(PriceCatalog::maxAgeMonths));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(int(catalog->entries().size()), ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Id"), tr("Service"), tr("Item"), tr("Unit"), tr("Catalog price"), tr("Your price"),
                                        tr("Source"), tr("Observed"), tr("Confidence"), tr("Stale")});
    m_table->verticalHeader()->hide();
    for (int row = 0; row < catalog->entries().size(); ++row) {
        const PriceEntry &e = catalog->entries()[row];
        const double catalogPrice = e.overridden ? e.catalogPrice : e.price;
        const QStringList cells{e.id, e.service, e.item, e.unit,
                                QString::number(catalogPrice, 'g', 10) + (e.priceHigh > 0 ? QStringLiteral(" – %1").arg(e.priceHigh) : QString()),
                                e.overridden ? QString::number(e.price, 'g', 10) : QString(), e.source, e.observed,
                                e.confidence + (e.example ? tr(" (example)") : QString()),
                                PriceCatalog::isStale(e) ? tr("stale") : QString()};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column != YourPrice)
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            if (!e.note.isEmpty())
                item->setToolTip(e.note);
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(Source, 260);
    m_table->setColumnWidth(Item, 260);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QString error;
        if (apply(&error))
            accept();
        else
            QMessageBox::warning(this, tr("Price catalog"), error);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(1300, 700);
}

bool PriceCatalogDialog::apply(QString *error)
{
    // Check every row first, so a bad value changes nothing.
    QList<QPair<QString, double>> set;
    QStringList cleared;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString id = m_table->item(row, Id)->text();
        const QString text = m_table->item(row, YourPrice)->text();
        bool present = false;
        const double value = NumberField::parse(text, &present);
        if (!present) {
            cleared << id;
            continue;
        }
        if (!std::isfinite(value) || value < 0) {
            *error = tr("Your price for %1 is \"%2\": it must be a number of 0 or more.").arg(id, text);
            m_table->setCurrentCell(row, YourPrice);
            return false;
        }
        set.append({id, value});
    }
    for (const QString &id : std::as_const(cleared))
        m_catalog->clearOverride(id);
    for (const auto &[id, value] : std::as_const(set))
        if (!m_catalog->setOverride(id, value, m_catalog->overrideNote(id), error))
            return false;
    return m_catalog->saveOverrides(m_overridesPath, error);
}

} // namespace dblearn

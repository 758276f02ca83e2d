#pragma once

#include "cost/lineitem.h"

#include <QAbstractTableModel>
#include <QList>

namespace dblearn {

// Line items of one scenario in one month, as a table: item, quantity, unit price, time, cost,
// formula, source and reason.
class LineItemModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Item, Quantity, UnitPrice, Time, Cost, Formula, Source, Reason, ColumnCount };

    explicit LineItemModel(QObject *parent = nullptr);

    void setItems(const QList<LineItem> &items, const QString &currency);
    const QList<LineItem> &items() const { return m_items; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<LineItem> m_items;
    QString m_currency;
};

} // namespace dblearn

#include "lineitemmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace dblearn {

LineItemModel::LineItemModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LineItemModel::setItems(const QList<LineItem> &items, const QString &currency)
{
    beginResetModel();
    m_items = items;
    m_currency = currency;
    endResetModel();
}

int LineItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int LineItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LineItemModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const LineItem &item = m_items[index.row()];
    if (role == Qt::DisplayRole) {
        const QLocale locale;
        switch (index.column()) {
        case Item:
            return item.label;
        case Quantity:
            return QStringLiteral("%1 %2").arg(locale.toString(item.quantity, 'g', 8), item.quantityUnit);
        case UnitPrice:
            return QStringLiteral("%1 %2").arg(locale.toString(item.unitPrice, 'g', 8), item.priceUnit);
        case Time:
            return item.timeUnit.isEmpty() ? QString() : QStringLiteral("%1 %2").arg(locale.toString(item.time, 'g', 8), item.timeUnit);
        case Cost:
            return QString(locale.toString(item.cost, 'f', 2) + QLatin1Char(' ') + m_currency);
        case Formula:
            return item.formula;
        case Source:
            return item.source;
        case Reason:
            return item.reason;
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (index.column() == Quantity || index.column() == UnitPrice || index.column() == Time || index.column() == Cost)
            return int(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ToolTipRole) {
        return QString(item.formula + QLatin1Char('\n') + item.source + (item.reason.isEmpty() ? QString() : QString(QLatin1Char('\n') + item.reason)));
    } else if (role == Qt::ForegroundRole && index.column() == Source && item.source.contains(QStringLiteral("stale"))) {
        return QBrush(QColor(0xb2, 0x6a, 0x00));
    }
    return {};
}

QVariant LineItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Item:
        return tr("Line item");
    case Quantity:
        return tr("Quantity");
    case UnitPrice:
        return tr("Unit price");
    case Time:
        return tr("Time");
    case Cost:
        return tr("Cost");
    case Formula:
        return tr("Formula");
    case Source:
        return tr("Price source");
    case Reason:
        return tr("Why / how");
    }
    return {};
}

} // namespace dblearn

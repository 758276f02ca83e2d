#pragma once

#include "datasets/datasetgenerator.h"

namespace dblearn {

// An online shop: categories, products, customers, orders with their items and payments,
// reviews and inventory. For joins, indexing, query plans and normalisation trade-offs
// (orders.total_amount is a stored sum of the order's items).
class ShopGenerator final : public DatasetGenerator
{
public:
    ShopGenerator();

    QString name() const override;
    QString title() const override;
    QString description() const override;
    QString scaleNote() const override;
    const QList<TableSpec> &tables() const override { return m_tables; }
    bool generate(DatasetSink &sink, int scale, quint64 seed) const override;

private:
    QList<TableSpec> m_tables;
};

} // namespace dblearn

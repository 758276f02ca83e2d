#pragma once

#include "datasets/datasetgenerator.h"

namespace dblearn {

// A bank: accounts, transfers between them and the ledger of every movement. For transactions, isolation anomalies and constraints (ledger sums equal balances).
class BankGenerator final : public DatasetGenerator
{
public:
    BankGenerator();

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

#pragma once

#include "datasets/datasetgenerator.h"

namespace dblearn {

// A feature store: entities, feature values with event and ingestion time (some arrive late), and churn labels. For point-in-time-correct joins, leakage and training/serving skew.
class FeaturesGenerator final : public DatasetGenerator
{
public:
    FeaturesGenerator();

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

#pragma once

#include "datasets/datasetgenerator.h"

namespace dblearn {

// Sensors on devices at several sites and their readings every ten minutes: a time series with a daily cycle, noise, gaps and outliers. For time-series design, partitioning, retention and downsampling.
class IotGenerator final : public DatasetGenerator
{
public:
    IotGenerator();

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

#pragma once

#include "datasets/datasetgenerator.h"

namespace dblearn {

// A small social network: users, who follows whom, posts with reply threads, and likes. For graph modelling and traversal with recursive CTEs.
class SocialGenerator final : public DatasetGenerator
{
public:
    SocialGenerator();

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

#pragma once

#include "datasets/datasetgenerator.h"

namespace dblearn {

// One denormalised employee spreadsheet and the same facts in normal form (departments, employees, skills, projects). For ER modelling and normal forms.
class HrGenerator final : public DatasetGenerator
{
public:
    HrGenerator();

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

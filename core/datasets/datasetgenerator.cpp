#include "datasets/datasetgenerator.h"

namespace dblearn {

const TableSpec *DatasetGenerator::table(const QString &name) const
{
    for (const TableSpec &t : tables()) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

qint64 DatasetGenerator::rowCount(const QString &table, int scale) const
{
    const TableSpec *t = this->table(table);
    return t ? t->rowCount(scale) : -1;
}

qint64 DatasetGenerator::totalRows(int scale) const
{
    qint64 total = 0;
    for (const TableSpec &t : tables())
        total += t.rowCount(scale);
    return total;
}

} // namespace dblearn

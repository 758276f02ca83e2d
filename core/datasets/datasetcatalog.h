#pragma once

#include "datasets/datasetgenerator.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <vector>

namespace dblearn {

// The bundled teaching datasets, in the order the course introduces them.
class DatasetCatalog final
{
public:
    DatasetCatalog();
    ~DatasetCatalog();
    Q_DISABLE_COPY_MOVE(DatasetCatalog)

    QList<const DatasetGenerator *> datasets() const;
    QStringList names() const;
    const DatasetGenerator *find(const QString &name) const; // nullptr when unknown

private:
    std::vector<std::unique_ptr<DatasetGenerator>> m_generators;
};

} // namespace dblearn

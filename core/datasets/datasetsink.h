#pragma once

#include "datasets/tablewriter.h"

#include <QString>

namespace dblearn {

// Hands a generator one TableWriter per table of its dataset.
class DatasetSink
{
public:
    virtual ~DatasetSink() = default;
    // The writer for `table`, which must be one of the generator's tables.
    virtual TableWriter &table(const QString &table) = 0;
};

} // namespace dblearn

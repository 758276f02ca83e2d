#pragma once

#include "datasets/datasetsink.h"
#include "datasets/tablespec.h"

#include <QList>
#include <QString>

namespace dblearn {

// One teaching dataset: its tables (in dependency order, parents first) and a deterministic
// generator for its rows. The same (scale, seed) gives the same rows on every engine and machine.
// Row counts are exact: each table has TableSpec::rowCount(scale) rows.
class DatasetGenerator
{
public:
    virtual ~DatasetGenerator() = default;

    virtual QString name() const = 0;        // "shop"
    virtual QString title() const = 0;       // "Online shop"
    virtual QString description() const = 0; // one paragraph: what it holds and what it teaches
    virtual const QList<TableSpec> &tables() const = 0;
    // A sentence on what the scale factor is for, e.g. "scale 1000 gives 1,000,000 orders".
    virtual QString scaleNote() const = 0;

    // Writes every row of every table through `sink`. Returns false as soon as a writer says to
    // stop. Scale is at least 1.
    virtual bool generate(DatasetSink &sink, int scale, quint64 seed) const = 0;

    const TableSpec *table(const QString &name) const;
    qint64 rowCount(const QString &table, int scale) const;
    qint64 totalRows(int scale) const;
};

} // namespace dblearn

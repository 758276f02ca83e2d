#pragma once

#include "datasets/datasetgenerator.h"

namespace dblearn {

// Documents cut into chunks with 16-dimensional embeddings, and search queries with relevance labels. For vector search, hybrid search and RAG evaluation (recall@k).
class DocsGenerator final : public DatasetGenerator
{
public:
    DocsGenerator();

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

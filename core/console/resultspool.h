#pragma once

#include "backends/column.h"
#include "backends/rowbatch.h"

#include <QAtomicInteger>
#include <QMutex>
#include <QString>

#include <memory>
#include <vector>

class QFile;
class QTemporaryFile;

namespace dblearn {

// Every row of one result, as the worker fetched it, kept out of the way of the user interface:
// the first few megabytes in memory, the rest in a temporary file, in blocks of the batches the
// worker delivered. Readers (the grid's loader, copy, export) read whole blocks back on any thread.
// So a 10-million-row result costs disk, not memory, and the grid holds only the blocks on screen.
//
// One writer thread appends; any thread reads. rowCount() grows as rows arrive.
class ResultSpool final
{
public:
    explicit ResultSpool(const ColumnList &columns, qint64 memoryBudget = 8 * 1024 * 1024,
                         qint64 diskLimit = qint64(4) * 1024 * 1024 * 1024);
    ~ResultSpool();
    Q_DISABLE_COPY_MOVE(ResultSpool)

    const ColumnList &columns() const { return m_columns; }

    // Writer: returns false (and keeps the rows so far) when the rows cannot be kept: the disk
    // limit is reached or the temporary file cannot be written; errorString() says which.
    bool append(const RowBatch &batch);
    void finish(); // no more rows will come

    qint64 rowCount() const { return m_rowCount.loadAcquire(); }
    bool isFinished() const { return m_finished.loadAcquire() != 0; }
    QString errorString() const;
    qint64 bytesInMemory() const;
    qint64 bytesOnDisk() const;

    int blockCount() const;
    int blockOf(qint64 row) const; // -1 when row is not (yet) stored
    qint64 blockFirstRow(int block) const;
    bool isInMemory(int block) const; // reading it back costs no disk access
    // A block's rows; an empty batch with *error set when it cannot be read back.
    RowBatch readBlock(int block, QString *error = nullptr) const;
    // A block as stored (see encode()), for writers that format straight from it.
    QByteArray readBlockBytes(int block, int *rows, QString *error = nullptr) const;

    // Serialised form of a batch (also used by tests): kinds, numbers and text bytes, little-endian.
    static QByteArray encode(const RowBatch &batch);
    static bool decode(const QByteArray &data, int columnCount, int rows, RowBatch *batch);

private:
    struct Block {
        qint64 firstRow = 0;
        int rows = 0;
        qint64 offset = -1; // in the file, or -1 when held in memory
        qint64 size = 0;
        QByteArray data;    // when in memory
    };

    ColumnList m_columns;
    qint64 m_memoryBudget = 0;
    qint64 m_diskLimit = 0;
    mutable QMutex m_mutex;
    std::vector<Block> m_blocks;
    std::unique_ptr<QTemporaryFile> m_file; // written by the writer thread only
    std::unique_ptr<QFile> m_reader;        // reads, under m_mutex
    qint64 m_written = 0;                   // writer thread only
    qint64 m_memoryUsed = 0;
    qint64 m_diskUsed = 0;
    QString m_error;
    QAtomicInteger<qint64> m_rowCount = 0;
    QAtomicInt m_finished = 0;
};

} // namespace dblearn

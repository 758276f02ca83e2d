#pragma once

#include "backends/rowbatch.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <memory>

namespace dblearn {

class ResultSpool;
class RowLoader;

// The results grid's model: a window onto a ResultSpool. The model shows at most windowRows rows
// of the result, from windowStart() on: item views keep per-row structures (QHeaderView holds one
// item per section), so a view over 10 million rows would cost ~100 MB and stall on every growth;
// the grid's own scroll bar covers the whole result and moves the window (ResultPane). It keeps at most cacheBlocks() blocks
// of rows in memory (least recently used go first); a block not in memory is read by a RowLoader
// on its own thread, and shows "…" until it arrives (dataChanged); a block the spool holds in
// memory (the first megabytes) is decoded at once, so the first screen needs no thread hop. Row count grows as the worker
// spools rows (refresh()). NULL is its own value, distinct from an empty string.
class ResultModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        IsNullRole = Qt::UserRole + 1, // bool
        KindRole,                      // int(ValueKind)
        RawValueRole,                  // QVariant (invalid for NULL), full text or bytes
    };

    explicit ResultModel(QObject *parent = nullptr);
    ~ResultModel() override;

    void setSpool(std::shared_ptr<ResultSpool> spool);
    std::shared_ptr<ResultSpool> spool() const { return m_spool; }
    // Takes in rows the worker spooled since the last call (the window fills up to windowRows).
    void refresh();
    qint64 totalRows() const { return m_total; }
    int windowStart() const { return m_start; }
    // Moves the window so that it starts at `start` (clamped); resets the model when it moves.
    void setWindowStart(int start);
    static constexpr int windowRows = 50000;

    void setCacheBlocks(int blocks) { m_cacheBlocks = qMax(2, blocks); }
    int cacheBlocks() const { return m_cacheBlocks; }
    int cachedBlockCount() const { return int(m_cache.size()); }
    qsizetype cachedBytes() const;
    // Reads the block of `row` (of the whole result, not the window) now, on this thread (copy,
    // tests). False when it cannot be read.
    bool ensureLoaded(int row);
    bool isLoaded(int row) const;
    // The value of a row of the whole result, for the given role (loads its block if needed).
    QVariant valueAt(int row, int column, int role = Qt::DisplayRole);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static constexpr int displayLimit = 300; // characters of a cell the grid shows; the viewer shows all

signals:
    void loadError(const QString &message);
    void totalRowsChanged(qint64 rows);
    void windowMoved(int start);

private:
    struct Entry {
        RowBatch rows;
        qint64 firstRow = 0;
        quint64 lastUse = 0;
    };
    const Entry *entryFor(int row) const; // row of the whole result
    QVariant cellData(const Entry *entry, int row, int column, int role) const;
    void requestBlock(int block) const;
    void onLoaded(quint64 token, int block, const RowBatch &rows, const QString &error);
    void insertBlock(int block, RowBatch rows) const;

    std::shared_ptr<ResultSpool> m_spool;
    RowLoader *m_loader = nullptr;
    int m_rows = 0;     // rows in the window
    qint64 m_total = 0; // rows of the result known so far
    int m_start = 0;    // the window's first row in the result
    int m_columns = 0;
    int m_cacheBlocks = 24;
    quint64 m_token = 0;
    mutable quint64 m_useClock = 0;
    mutable QHash<int, Entry> m_cache;
    mutable QSet<int> m_pending;
    mutable int m_lastBlock = -1; // the block of the last row asked for, to skip the search
};

} // namespace dblearn

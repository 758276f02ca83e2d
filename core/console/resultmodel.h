#pragma once

#include "backends/rowbatch.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <memory>

namespace dblearn {

class ResultSpool;
class RowLoader;

// The results grid's model: a window onto a ResultSpool. It keeps at most cacheBlocks() blocks
// of rows in memory (least recently used go first); a block not in memory is read by a RowLoader
// on its own thread, and shows "…" until it arrives (dataChanged). Row count grows as the worker
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
    // Takes in rows the worker spooled since the last call.
    void refresh();

    void setCacheBlocks(int blocks) { m_cacheBlocks = qMax(2, blocks); }
    int cacheBlocks() const { return m_cacheBlocks; }
    int cachedBlockCount() const { return int(m_cache.size()); }
    qsizetype cachedBytes() const;
    // Reads the block of `row` now, on this thread (copy, tests). False when it cannot be read.
    bool ensureLoaded(int row);
    bool isLoaded(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static constexpr int displayLimit = 300; // characters of a cell the grid shows; the viewer shows all

signals:
    void loadError(const QString &message);

private:
    struct Entry {
        RowBatch rows;
        qint64 firstRow = 0;
        quint64 lastUse = 0;
    };
    const Entry *entryFor(int row) const;
    void requestBlock(int block) const;
    void onLoaded(quint64 token, int block, const RowBatch &rows, const QString &error);
    void insertBlock(int block, RowBatch rows);

    std::shared_ptr<ResultSpool> m_spool;
    RowLoader *m_loader = nullptr;
    int m_rows = 0;
    int m_columns = 0;
    int m_cacheBlocks = 24;
    quint64 m_token = 0;
    mutable quint64 m_useClock = 0;
    mutable QHash<int, Entry> m_cache;
    mutable QSet<int> m_pending;
    mutable int m_lastBlock = -1; // the block of the last row asked for, to skip the search
};

} // namespace dblearn

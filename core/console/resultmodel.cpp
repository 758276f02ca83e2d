#include "console/resultmodel.h"

#include "console/resultformatter.h"
#include "console/resultspool.h"
#include "console/rowloader.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace dblearn {

namespace {

bool isNumeric(ValueKind kind)
{
    return kind == ValueKind::Integer || kind == ValueKind::Real || kind == ValueKind::Decimal;
}

// One line, at most ResultModel::displayLimit characters: newlines and tabs shown as symbols.
QString displayText(const RowBatch &rows, int row, int column)
{
    const ValueKind kind = rows.kindAt(row, column);
    // Views of the stored bytes, not copies: a cell may hold hundreds of megabytes, and the grid
    // asks for its text at every paint.
    const QByteArrayView stored = rows.storedBytesAt(row, column);
    if (kind == ValueKind::Blob) {
        return QStringLiteral("BLOB %1 bytes: %2%3")
            .arg(stored.size())
            .arg(QString::fromLatin1(stored.first(qMin<qsizetype>(16, stored.size())).toByteArray().toHex(' ')),
                 stored.size() > 16 ? QStringLiteral(" …") : QString());
    }
    if (kind == ValueKind::Real)
        return ResultFormatter::realText(rows.realAt(row, column));
    // A long text: decode only enough of it (a character is at most 4 bytes of UTF-8).
    constexpr qsizetype prefixBytes = qsizetype(ResultModel::displayLimit) * 4 + 4;
    QString text = stored.size() > prefixBytes ? QString::fromUtf8(stored.first(prefixBytes)) : rows.textAt(row, column);
    const bool cut = text.size() > ResultModel::displayLimit;
    if (cut)
        text.truncate(ResultModel::displayLimit);
    text.replace(QLatin1Char('\n'), QChar(0x23CE)).replace(QLatin1Char('\t'), QChar(0x21E5));
    if (cut)
        text += QChar(0x2026);
    return text;
}

} // namespace

ResultModel::ResultModel(QObject *parent) : QAbstractTableModel(parent), m_loader(new RowLoader(this))
{
    connect(m_loader, &RowLoader::loaded, this, &ResultModel::onLoaded);
}

ResultModel::~ResultModel() = default;

void ResultModel::setSpool(std::shared_ptr<ResultSpool> spool)
{
    beginResetModel();
    m_spool = std::move(spool);
    ++m_token; // answers for the previous result are dropped
    m_cache.clear();
    m_pending.clear();
    m_lastBlock = -1;
    m_start = 0;
    m_columns = m_spool ? int(m_spool->columns().size()) : 0;
    m_total = m_spool ? m_spool->rowCount() : 0;
    m_rows = int(qMin<qint64>(m_total, windowRows));
    endResetModel();
    emit totalRowsChanged(m_total);
}

void ResultModel::refresh()
{
    if (!m_spool)
        return;
    const qint64 total = qMin<qint64>(m_spool->rowCount(), INT_MAX);
    if (total <= m_total)
        return;
    m_total = total;
    const int rows = int(qMin<qint64>(m_total - m_start, windowRows));
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    }
    emit totalRowsChanged(m_total);
}

void ResultModel::setWindowStart(int start)
{
    start = int(qBound(qint64(0), qint64(start), qMax(qint64(0), m_total - windowRows)));
    if (start == m_start)
        return;
    beginResetModel();
    m_start = start;
    m_rows = int(qMin<qint64>(m_total - m_start, windowRows));
    endResetModel();
    emit windowMoved(m_start);
}

QVariant ResultModel::valueAt(int row, int column, int role)
{
    if (!ensureLoaded(row) || column < 0 || column >= m_columns)
        return {};
    return cellData(entryFor(row), row, column, role);
}

qsizetype ResultModel::cachedBytes() const
{
    qsizetype bytes = 0;
    for (const Entry &e : std::as_const(m_cache))
        bytes += e.rows.memoryUsed();
    return bytes;
}

int ResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

const ResultModel::Entry *ResultModel::entryFor(int row) const
{
    if (!m_spool || row < 0 || row >= m_total)
        return nullptr;
    // Rows on screen are asked for in runs: the block of the previous request usually holds this one.
    if (m_lastBlock >= 0) {
        auto it = m_cache.find(m_lastBlock);
        if (it != m_cache.end() && row >= it->firstRow && row < it->firstRow + it->rows.rowCount()) {
            it->lastUse = ++m_useClock;
            return &*it;
        }
    }
    const int block = m_spool->blockOf(row);
    if (block < 0)
        return nullptr;
    auto it = m_cache.find(block);
    if (it == m_cache.end()) {
        if (!m_spool->isInMemory(block)) {
            requestBlock(block);
            return nullptr;
        }
        QString error;
        RowBatch rows = m_spool->readBlock(block, &error);
        if (!error.isEmpty())
            return nullptr;
        insertBlock(block, std::move(rows));
        it = m_cache.find(block);
    }
    m_lastBlock = block;
    it->lastUse = ++m_useClock;
    return &*it;
}

void ResultModel::requestBlock(int block) const
{
    if (m_pending.contains(block))
        return;
    m_pending.insert(block);
    m_loader->request(m_spool, block, m_token);
}

void ResultModel::onLoaded(quint64 token, int block, const RowBatch &rows, const QString &error)
{
    if (token != m_token)
        return; // a stale answer for a result no longer shown
    m_pending.remove(block);
    if (!error.isEmpty()) {
        emit loadError(error);
        return;
    }
    insertBlock(block, rows);
    // The block's rows that are in the window, in window rows.
    const qint64 first = qMax<qint64>(m_spool->blockFirstRow(block), m_start) - m_start;
    const qint64 last = qMin<qint64>(m_spool->blockFirstRow(block) + rows.rowCount(), qint64(m_start) + m_rows) - 1 - m_start;
    if (last >= first && m_columns > 0)
        emit dataChanged(index(int(first), 0), index(int(last), m_columns - 1));
}

void ResultModel::insertBlock(int block, RowBatch rows) const
{
    while (m_cache.size() >= m_cacheBlocks) { // least recently used goes
        auto oldest = m_cache.begin();
        for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        if (oldest.key() == m_lastBlock)
            m_lastBlock = -1;
        m_cache.erase(oldest);
    }
    Entry entry;
    entry.firstRow = m_spool->blockFirstRow(block);
    entry.rows = std::move(rows);
    entry.lastUse = ++m_useClock;
    m_cache.insert(block, std::move(entry));
}

bool ResultModel::ensureLoaded(int row)
{
    if (!m_spool || row < 0 || row >= m_spool->rowCount())
        return false;
    const int block = m_spool->blockOf(row);
    if (block < 0)
        return false;
    if (m_cache.contains(block))
        return true;
    QString error;
    RowBatch rows = m_spool->readBlock(block, &error);
    if (!error.isEmpty()) {
        emit loadError(error);
        return false;
    }
    insertBlock(block, std::move(rows));
    return true;
}

bool ResultModel::isLoaded(int row) const
{
    if (!m_spool)
        return false;
    const int block = m_spool->blockOf(row);
    return block >= 0 && m_cache.contains(block);
}

QVariant ResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() >= m_columns)
        return {};
    const int row = m_start + index.row();
    const Entry *entry = entryFor(row);
    if (!entry) {
        if (role == Qt::DisplayRole)
            return QString(QChar(0x2026)); // loading
        if (role == Qt::ForegroundRole)
            return QBrush(QColor(0x99, 0x99, 0x99));
        return {};
    }
    return cellData(entry, row, index.column(), role);
}

QVariant ResultModel::cellData(const Entry *entry, int row, int c, int role) const
{
    if (!entry)
        return {};
    const int r = int(row - entry->firstRow);
    const ValueKind kind = entry->rows.kindAt(r, c);
    switch (role) {
    case Qt::DisplayRole:
        return kind == ValueKind::Null ? QStringLiteral("NULL") : displayText(entry->rows, r, c);
    case Qt::EditRole:
    case RawValueRole:
        if (kind == ValueKind::Blob)
            return entry->rows.bytesAt(r, c);
        return entry->rows.valueAt(r, c);
    case Qt::ToolTipRole:
        if (kind == ValueKind::Null)
            return tr("NULL (no value)");
        if (kind == ValueKind::Blob || entry->rows.storedBytesAt(r, c).size() > 80)
            return tr("%1 — double-click to see it whole").arg(displayText(entry->rows, r, c).left(200));
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(isNumeric(kind) || isNumeric(m_spool->columns()[c].kind)
                                                     ? Qt::AlignRight | Qt::AlignVCenter
                                                     : Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (kind == ValueKind::Null)
            return QBrush(QColor(0x8a, 0x8a, 0x8a));
        return {};
    case Qt::FontRole:
        if (kind == ValueKind::Null) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case IsNullRole:
        return kind == ValueKind::Null;
    case KindRole:
        return int(kind);
    default:
        return {};
    }
}

QVariant ResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return m_start + section + 1;
        return {};
    }
    if (!m_spool || section < 0 || section >= m_columns)
        return {};
    const Column &column = m_spool->columns()[section];
    if (role == Qt::DisplayRole)
        return column.name;
    if (role == Qt::ToolTipRole)
        return column.declaredType.isEmpty() ? valueKindName(column.kind)
                                             : QStringLiteral("%1 (%2)").arg(column.declaredType, valueKindName(column.kind));
    return {};
}

} // namespace dblearn

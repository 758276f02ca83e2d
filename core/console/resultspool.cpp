#include "console/resultspool.h"

#include <QDir>
#include <QMutexLocker>
#include <QTemporaryFile>

#include <cstring>

namespace dblearn {

namespace {

template<typename T>
void put(QByteArray &out, T value)
{
    out.append(reinterpret_cast<const char *>(&value), sizeof(T));
}

template<typename T>
bool take(const char *&p, const char *end, T *value)
{
    if (end - p < qsizetype(sizeof(T)))
        return false;
    std::memcpy(value, p, sizeof(T));
    p += sizeof(T);
    return true;
}

} // namespace

ResultSpool::ResultSpool(const ColumnList &columns, qint64 memoryBudget, qint64 diskLimit)
    : m_columns(columns), m_memoryBudget(memoryBudget), m_diskLimit(diskLimit)
{
}

ResultSpool::~ResultSpool() = default;

QByteArray ResultSpool::encode(const RowBatch &batch)
{
    QByteArray out;
    const int rows = batch.rowCount();
    const int columns = batch.columnCount();
    out.reserve(qsizetype(rows) * columns * 9);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const ValueKind kind = batch.kindAt(r, c);
            out.append(char(kind));
            switch (kind) {
            case ValueKind::Null:
                break;
            case ValueKind::Integer:
            case ValueKind::Boolean:
                put<qint64>(out, batch.integerAt(r, c));
                break;
            case ValueKind::Real:
                put<double>(out, batch.realAt(r, c));
                break;
            default: {
                const QByteArrayView bytes = batch.storedBytesAt(r, c);
                put<quint32>(out, quint32(bytes.size()));
                out.append(bytes.data(), bytes.size());
                break;
            }
            }
        }
    }
    return out;
}

bool ResultSpool::decode(const QByteArray &data, int columnCount, int rows, RowBatch *batch)
{
    batch->reset(columnCount);
    batch->reserveRows(rows);
    const char *p = data.constData();
    const char *end = p + data.size();
    for (qint64 i = 0, cells = qint64(rows) * columnCount; i < cells; ++i) {
        quint8 kindByte = 0;
        if (!take(p, end, &kindByte) || kindByte > quint8(ValueKind::Other))
            return false;
        const auto kind = ValueKind(kindByte);
        switch (kind) {
        case ValueKind::Null:
            batch->addNull();
            break;
        case ValueKind::Integer:
        case ValueKind::Boolean: {
            qint64 v = 0;
            if (!take(p, end, &v))
                return false;
            kind == ValueKind::Integer ? batch->addInteger(v) : batch->addBoolean(v != 0);
            break;
        }
        case ValueKind::Real: {
            double v = 0;
            if (!take(p, end, &v))
                return false;
            batch->addReal(v);
            break;
        }
        default: {
            quint32 size = 0;
            if (!take(p, end, &size) || end - p < qsizetype(size))
                return false;
            if (kind == ValueKind::Blob)
                batch->addBlob(p, int(size));
            else
                batch->addText(p, int(size), kind);
            p += size;
            break;
        }
        }
    }
    return p == end;
}

bool ResultSpool::append(const RowBatch &batch)
{
    if (batch.isEmpty())
        return true;
    QByteArray data = encode(batch);
    Block block;
    block.rows = batch.rowCount();
    block.size = data.size();
    {
        QMutexLocker lock(&m_mutex);
        if (!m_error.isEmpty())
            return false;
        block.firstRow = m_rowCount.loadRelaxed();
        if (m_memoryUsed + data.size() <= m_memoryBudget) {
            m_memoryUsed += data.size();
            block.data = std::move(data);
            m_blocks.push_back(std::move(block));
            m_rowCount.storeRelease(m_rowCount.loadRelaxed() + batch.rowCount());
            return true;
        }
        if (m_diskUsed + data.size() > m_diskLimit) {
            m_error = QStringLiteral("the result is larger than %1 MiB; the first %2 rows are kept")
                          .arg(m_diskLimit / (1024 * 1024))
                          .arg(block.firstRow);
            return false;
        }
    }
    // The file is written without the lock: only this (writer) thread touches m_file and
    // m_diskUsed's growth, and readers read through their own handle, so a slow disk never
    // makes the grid wait.
    if (!m_file) {
        auto file = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/dblearn-result-XXXXXX"));
        auto reader = std::make_unique<QFile>();
        const bool ok = file->open();
        if (ok)
            reader->setFileName(file->fileName());
        if (!ok || !reader->open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            QMutexLocker lock(&m_mutex);
            m_error = QStringLiteral("cannot create a temporary file for the result: %1").arg(file->errorString());
            return false;
        }
        QMutexLocker lock(&m_mutex);
        m_file = std::move(file);
        m_reader = std::move(reader);
    }
    block.offset = m_written;
    if (m_file->write(data) != data.size() || !m_file->flush()) {
        QMutexLocker lock(&m_mutex);
        m_error = QStringLiteral("cannot write the result to %1: %2").arg(m_file->fileName(), m_file->errorString());
        return false;
    }
    m_written += data.size();
    QMutexLocker lock(&m_mutex);
    m_diskUsed = m_written;
    m_blocks.push_back(std::move(block));
    m_rowCount.storeRelease(m_rowCount.loadRelaxed() + batch.rowCount());
    return true;
}

void ResultSpool::finish()
{
    m_finished.storeRelease(1);
}

QString ResultSpool::errorString() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

qint64 ResultSpool::bytesInMemory() const
{
    QMutexLocker lock(&m_mutex);
    return m_memoryUsed;
}

qint64 ResultSpool::bytesOnDisk() const
{
    QMutexLocker lock(&m_mutex);
    return m_diskUsed;
}

int ResultSpool::blockCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_blocks.size());
}

int ResultSpool::blockOf(qint64 row) const
{
    QMutexLocker lock(&m_mutex);
    if (row < 0 || m_blocks.empty() || row >= m_blocks.back().firstRow + m_blocks.back().rows)
        return -1;
    // Blocks are in row order: the last one whose first row is <= row.
    auto it = std::upper_bound(m_blocks.begin(), m_blocks.end(), row,
                               [](qint64 r, const Block &b) { return r < b.firstRow; });
    return int(std::distance(m_blocks.begin(), it)) - 1;
}

qint64 ResultSpool::blockFirstRow(int block) const
{
    QMutexLocker lock(&m_mutex);
    return block >= 0 && size_t(block) < m_blocks.size() ? m_blocks[size_t(block)].firstRow : -1;
}

bool ResultSpool::isInMemory(int block) const
{
    QMutexLocker lock(&m_mutex);
    return block >= 0 && size_t(block) < m_blocks.size() && m_blocks[size_t(block)].offset < 0;
}

QByteArray ResultSpool::readBlockBytes(int block, int *rows, QString *error) const
{
    QMutexLocker lock(&m_mutex);
    *rows = 0;
    if (block < 0 || size_t(block) >= m_blocks.size()) {
        if (error)
            *error = QStringLiteral("no block %1 in the result").arg(block);
        return {};
    }
    const Block &b = m_blocks[size_t(block)];
    *rows = b.rows;
    if (b.offset < 0)
        return b.data; // implicitly shared, no copy
    QByteArray data;
    if (!m_reader->seek(b.offset) || (data = m_reader->read(b.size)).size() != b.size) {
        if (error)
            *error = QStringLiteral("cannot read the result back from %1: %2").arg(m_reader->fileName(), m_reader->errorString());
        *rows = 0;
        return {};
    }
    return data;
}

RowBatch ResultSpool::readBlock(int block, QString *error) const
{
    RowBatch batch(int(m_columns.size()));
    int rows = 0;
    QString readError;
    const QByteArray data = readBlockBytes(block, &rows, &readError);
    if (!readError.isEmpty()) {
        if (error)
            *error = readError;
        return batch;
    }
    if (!decode(data, int(m_columns.size()), rows, &batch)) {
        if (error)
            *error = QStringLiteral("the stored result is damaged (block %1)").arg(block);
        batch.reset(int(m_columns.size()));
    }
    return batch;
}

} // namespace dblearn

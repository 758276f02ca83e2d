#include "backends/rowbatch.h"

#include <cstring>

namespace dblearn {

RowBatch::RowBatch(int columnCount) : m_columnCount(columnCount) {}

void RowBatch::reset(int columnCount)
{
    m_columnCount = columnCount;
    clear();
}

void RowBatch::clear()
{
    m_cells.clear();
    m_arena.clear();
}

void RowBatch::reserveRows(int rows)
{
    m_cells.reserve(size_t(rows) * size_t(m_columnCount));
}

void RowBatch::addText(const char *utf8, int size, ValueKind kind)
{
    Cell c{kind, quint32(size), {0}};
    c.offset = quint64(m_arena.size());
    if (size > 0)
        m_arena.insert(m_arena.end(), utf8, utf8 + size);
    m_cells.push_back(c);
}

void RowBatch::addBlob(const void *data, int size)
{
    addText(static_cast<const char *>(data), size, ValueKind::Blob);
}

QByteArray RowBatch::bytesAt(int row, int column) const
{
    const Cell &c = cell(row, column);
    switch (c.kind) {
    case ValueKind::Null:
    case ValueKind::Integer:
    case ValueKind::Real:
    case ValueKind::Boolean:
        return textAt(row, column).toUtf8();
    default:
        return QByteArray(m_arena.data() + c.offset, qsizetype(c.size));
    }
}

QByteArrayView RowBatch::storedBytesAt(int row, int column) const
{
    const Cell &c = cell(row, column);
    switch (c.kind) {
    case ValueKind::Null:
    case ValueKind::Integer:
    case ValueKind::Real:
    case ValueKind::Boolean:
        return {};
    default:
        return QByteArrayView(m_arena.data() + c.offset, qsizetype(c.size));
    }
}

QString RowBatch::textAt(int row, int column) const
{
    const Cell &c = cell(row, column);
    switch (c.kind) {
    case ValueKind::Null:
        return QString();
    case ValueKind::Integer:
        return QString::number(c.i);
    case ValueKind::Real:
        return QString::number(c.d, 'g', 17);
    case ValueKind::Boolean:
        return c.i ? QStringLiteral("true") : QStringLiteral("false");
    case ValueKind::Blob:
        return QStringLiteral("x'") + QString::fromLatin1(bytesAt(row, column).toHex()) + QLatin1Char('\'');
    default:
        return QString::fromUtf8(m_arena.data() + c.offset, qsizetype(c.size));
    }
}

QVariant RowBatch::valueAt(int row, int column) const
{
    const Cell &c = cell(row, column);
    switch (c.kind) {
    case ValueKind::Null:
        return QVariant();
    case ValueKind::Integer:
        return QVariant(c.i);
    case ValueKind::Real:
        return QVariant(c.d);
    case ValueKind::Boolean:
        return QVariant(c.i != 0);
    case ValueKind::Blob:
        return QVariant(bytesAt(row, column));
    default:
        return QVariant(textAt(row, column));
    }
}

qsizetype RowBatch::memoryUsed() const
{
    return qsizetype(m_cells.capacity() * sizeof(Cell) + m_arena.capacity());
}

} // namespace dblearn

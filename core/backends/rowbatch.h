#pragma once

#include "backends/column.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QVariant>

#include <cstdint>
#include <vector>

namespace dblearn {

// A block of result rows in a compact form: one fixed-size cell per value, with text and blobs
// kept as raw bytes in one arena. Converting to QVariant/QString happens only when a value is
// read, so streaming millions of rows costs little more than the engine's own loop.
class RowBatch final
{
public:
    explicit RowBatch(int columnCount = 0);

    void reset(int columnCount);
    void clear(); // keeps the memory, for reuse
    void reserveRows(int rows);

    int columnCount() const { return m_columnCount; }
    int rowCount() const { return m_columnCount ? int(m_cells.size() / size_t(m_columnCount)) : 0; }
    bool isEmpty() const { return m_cells.empty(); }

    // Appending: call exactly columnCount() add* functions per row.
    void addNull() { m_cells.push_back(Cell{ValueKind::Null, 0, {0}}); }
    void addInteger(qint64 v) { Cell c{ValueKind::Integer, 0, {0}}; c.i = v; m_cells.push_back(c); }
    void addReal(double v) { Cell c{ValueKind::Real, 0, {0}}; c.d = v; m_cells.push_back(c); }
    void addBoolean(bool v) { Cell c{ValueKind::Boolean, 0, {0}}; c.i = v ? 1 : 0; m_cells.push_back(c); }
    // Text-like kinds (Text, Decimal, Date, Time, DateTime, Json, Other) are stored as UTF-8.
    void addText(const char *utf8, int size, ValueKind kind = ValueKind::Text);
    void addBlob(const void *data, int size);

    ValueKind kindAt(int row, int column) const { return cell(row, column).kind; }
    bool isNull(int row, int column) const { return cell(row, column).kind == ValueKind::Null; }
    qint64 integerAt(int row, int column) const { return cell(row, column).i; }
    double realAt(int row, int column) const { return cell(row, column).d; }
    QByteArray bytesAt(int row, int column) const; // text as UTF-8, or blob bytes
    // The stored bytes of a text-like or blob value, without a copy; valid while the batch lives
    // unchanged. Empty for NULL, numbers and booleans.
    QByteArrayView storedBytesAt(int row, int column) const;
    QString textAt(int row, int column) const;     // display form of any value
    QVariant valueAt(int row, int column) const;   // typed value (Decimal/Date... as QString)

    qsizetype memoryUsed() const;

private:
    struct Cell {
        ValueKind kind;
        quint32 size;
        union {
            qint64 i;
            double d;
            quint64 offset;
        };
    };
    const Cell &cell(int row, int column) const { return m_cells[size_t(row) * size_t(m_columnCount) + size_t(column)]; }

    int m_columnCount = 0;
    std::vector<Cell> m_cells;
    std::vector<char> m_arena;
};

} // namespace dblearn

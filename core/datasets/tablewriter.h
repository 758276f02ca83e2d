#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <cstring>

namespace dblearn {

// Where a dataset generator puts its rows: one value per column, in the table's column order,
// then endRow(). The SQL writer turns rows into multi-row INSERT statements; the benchmark's raw
// writer binds them to a prepared statement. Generators never know which.
class TableWriter
{
public:
    virtual ~TableWriter() = default;

    virtual void addNull() = 0;
    virtual void addInteger(qint64 value) = 0;
    // An exact decimal: units / 10^decimals (prices as cents: addFixed(1999, 2) is 19.99).
    // Also used for DOUBLE columns, so every engine parses the same short literal.
    virtual void addFixed(qint64 units, int decimals) = 0;
    virtual void addText(const char *utf8, int size) = 0;
    virtual void addTimestamp(qint64 secondsSinceEpoch) = 0; // stored as 'YYYY-MM-DD HH:MM:SS' UTC
    virtual void addDate(qint64 secondsSinceEpoch) = 0;      // stored as 'YYYY-MM-DD'
    virtual void addBoolean(bool value) = 0;
    // Completes the row. Returns false when creation must stop (an error, or cancelled).
    virtual bool endRow() = 0;

    void addText(const QByteArray &utf8) { addText(utf8.constData(), int(utf8.size())); }
    void addText(const char *utf8) { addText(utf8, int(std::strlen(utf8))); }
    void addNullableInteger(qint64 value, bool isNull)
    {
        if (isNull)
            addNull();
        else
            addInteger(value);
    }
};

} // namespace dblearn

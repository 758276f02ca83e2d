#pragma once

#include "backends/column.h"
#include "checker/normalizedvalue.h"

#include <QList>

#include <initializer_list>
#include <vector>

namespace dblearn {

class RowBatch;

// A query result as the checker compares it: the columns (names are kept for display only;
// columns are matched by position) and the rows, each value already normalised.
class ResultSet final
{
public:
    ResultSet() = default;
    explicit ResultSet(const ColumnList &columns);
    // Columns named c1, c2, ... (for results built by hand).
    explicit ResultSet(int columnCount);

    const ColumnList &columns() const { return m_columns; }
    int columnCount() const { return int(m_columns.size()); }
    int rowCount() const { return m_rowCount; }
    bool isEmpty() const { return m_rowCount == 0; }

    const NormalizedValue &at(int row, int column) const
    {
        return m_values[size_t(row) * size_t(m_columns.size()) + size_t(column)];
    }

    void reserveRows(int rows);
    // Appends every row of `batch` (which must have columnCount() columns), normalising values.
    void appendBatch(const RowBatch &batch);
    // Appends one row; the list must hold columnCount() values.
    void appendRow(const std::vector<NormalizedValue> &values);
    void appendRow(std::initializer_list<NormalizedValue> values);

    // Approximate memory held, for the capture's limit.
    qsizetype memoryUsed() const { return m_memory; }

    // "(4, 'Ada', NULL)": the row as shown in feedback, long values and wide rows elided.
    QString displayRow(int row, int maxValueChars = 40, int maxColumns = 8) const;

private:
    ColumnList m_columns;
    std::vector<NormalizedValue> m_values;
    int m_rowCount = 0;
    qsizetype m_memory = 0;
};

} // namespace dblearn

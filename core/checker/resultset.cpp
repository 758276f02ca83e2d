#include "checker/resultset.h"

#include "backends/rowbatch.h"
#include "checker/valuenormalizer.h"

#include <algorithm>

namespace dblearn {

ResultSet::ResultSet(const ColumnList &columns) : m_columns(columns) {}

ResultSet::ResultSet(int columnCount)
{
    for (int i = 0; i < columnCount; ++i)
        m_columns.append(Column{QStringLiteral("c%1").arg(i + 1), QString(), ValueKind::Other});
}

void ResultSet::reserveRows(int rows)
{
    m_values.reserve(size_t(std::max(rows, 0)) * size_t(m_columns.size()));
}

void ResultSet::appendBatch(const RowBatch &batch)
{
    Q_ASSERT(batch.columnCount() == columnCount());
    const int rows = batch.rowCount();
    const int columns = columnCount();
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            m_values.push_back(ValueNormalizer::fromBatch(batch, r, c));
            m_memory += m_values.back().memoryUsed();
        }
    }
    m_rowCount += rows;
}

void ResultSet::appendRow(const std::vector<NormalizedValue> &values)
{
    Q_ASSERT(int(values.size()) == columnCount());
    for (const NormalizedValue &v : values) {
        m_values.push_back(v);
        m_memory += v.memoryUsed();
    }
    ++m_rowCount;
}

void ResultSet::appendRow(std::initializer_list<NormalizedValue> values)
{
    appendRow(std::vector<NormalizedValue>(values));
}

QString ResultSet::displayRow(int row, int maxValueChars, int maxColumns) const
{
    QStringList parts;
    const int columns = columnCount();
    for (int c = 0; c < columns; ++c) {
        if (maxColumns > 0 && c >= maxColumns && columns > maxColumns + 1) {
            parts << QStringLiteral("… %1 more").arg(columns - c);
            break;
        }
        parts << ValueNormalizer::display(at(row, c), maxValueChars);
    }
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace dblearn

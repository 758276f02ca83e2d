#include "checker/rowmatcher.h"

#include "checker/resultset.h"
#include "checker/valuenormalizer.h"

#include <QByteArray>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace dblearn {

namespace {

// Cells for values that are not on the grid, far from every finite value's cell (those stay below
// 711 / 2e-15 < 2^59) and from each other, so that +-1 never overflows or collides.
constexpr qint64 nanCell = -(qint64(1) << 62);
constexpr qint64 negativeInfinityCell = -(qint64(1) << 62) + 4;
constexpr qint64 positiveInfinityCell = qint64(1) << 62;
constexpr int maxGreedyScan = 64;
constexpr int maxProbedColumns = 4;

void appendRaw(QByteArray &key, const void *data, qsizetype size)
{
    key.append(static_cast<const char *>(data), size);
}

void appendText(QByteArray &key, char tag, const QString &text)
{
    key.append(tag);
    const qint32 size = qint32(text.size());
    appendRaw(key, &size, sizeof size);
    appendRaw(key, text.constData(), text.size() * qsizetype(sizeof(QChar)));
}

void appendInteger(QByteArray &key, qint64 value)
{
    key.append('i');
    appendRaw(key, &value, sizeof value);
}

// Equal keys exactly when ValueNormalizer::equal(a, b, 0) holds.
void appendExactNumber(QByteArray &key, const NormalizedValue &v)
{
    switch (v.numberForm()) {
    case NormalizedValue::NumberForm::Integer:
        appendInteger(key, v.integerValue());
        return;
    case NormalizedValue::NumberForm::BigInteger:
        appendText(key, 'g', v.textValue());
        return;
    case NormalizedValue::NumberForm::Real: {
        const double d = v.realValue();
        qint64 i = 0;
        if (ValueNormalizer::realIsInteger(d, &i)) {
            appendInteger(key, i);
        } else if (std::isfinite(d) && std::floor(d) == d) {
            appendText(key, 'g', ValueNormalizer::integralDigits(d));
        } else {
            key.append('r');
            const double canonical = std::isnan(d) ? std::numeric_limits<double>::quiet_NaN() : d;
            quint64 bits = 0;
            std::memcpy(&bits, &canonical, sizeof bits);
            appendRaw(key, &bits, sizeof bits);
        }
        return;
    }
    }
}

struct Entry {
    QByteArray key;
    int row = 0;
    int cells = 0; // offset into the side's cell array
};

struct Side {
    const ResultSet *set = nullptr;
    std::vector<Entry> entries;
    std::vector<qint64> cells;
};

class Matcher final
{
public:
    Matcher(const ResultSet &expected, const ResultSet &actual, double tolerance)
        : m_tolerance(tolerance > 0 ? tolerance : 0)
    {
        m_expected.set = &expected;
        m_actual.set = &actual;
    }

    RowMatcher::Result run(const std::vector<int> &expectedRows, const std::vector<int> &actualRows)
    {
        findApproximateColumns(m_expected, expectedRows);
        findApproximateColumns(m_actual, actualRows);
        build(m_expected, expectedRows);
        build(m_actual, actualRows);

        RowMatcher::Result result;
        const std::vector<Entry> &e = m_expected.entries;
        const std::vector<Entry> &a = m_actual.entries;
        size_t i = 0;
        size_t j = 0;
        while (i < e.size() || j < a.size()) {
            if (j >= a.size() || (i < e.size() && e[i].key < a[j].key)) {
                result.unmatchedExpected.push_back(e[i++].row);
                continue;
            }
            if (i >= e.size() || a[j].key < e[i].key) {
                result.unmatchedActual.push_back(a[j++].row);
                continue;
            }
            size_t i1 = i;
            while (i1 < e.size() && e[i1].key == e[i].key)
                ++i1;
            size_t j1 = j;
            while (j1 < a.size() && a[j1].key == a[j].key)
                ++j1;
            matchBucket(i, i1, j, j1, &result);
            i = i1;
            j = j1;
        }
        std::sort(result.unmatchedExpected.begin(), result.unmatchedExpected.end());
        std::sort(result.unmatchedActual.begin(), result.unmatchedActual.end());
        result.exhaustive = !m_budgetExhausted;
        return result;
    }

private:
    void findApproximateColumns(const Side &side, const std::vector<int> &rows)
    {
        if (m_tolerance <= 0)
            return;
        const int columns = side.set->columnCount();
        if (m_approximate.empty())
            m_approximate.assign(size_t(columns), false);
        for (int c = 0; c < columns; ++c) {
            if (m_approximate[size_t(c)])
                continue;
            for (int r : rows) {
                if (side.set->at(r, c).isApproximateNumber()) {
                    m_approximate[size_t(c)] = true;
                    break;
                }
            }
        }
        m_approximateColumns.clear();
        for (int c = 0; c < columns; ++c) {
            if (m_approximate[size_t(c)])
                m_approximateColumns.push_back(c);
        }
    }

    void build(Side &side, const std::vector<int> &rows)
    {
        const ResultSet &set = *side.set;
        const int columns = set.columnCount();
        const size_t k = m_approximateColumns.size();
        side.entries.reserve(rows.size());
        side.cells.reserve(rows.size() * k);
        for (int r : rows) {
            Entry entry;
            entry.key.reserve(columns * 16);
            entry.row = r;
            entry.cells = int(side.cells.size());
            for (int c = 0; c < columns; ++c) {
                const NormalizedValue &v = set.at(r, c);
                const bool approximate = !m_approximate.empty() && m_approximate[size_t(c)];
                switch (v.type()) {
                case NormalizedValue::Type::Null:
                    entry.key.append('n');
                    break;
                case NormalizedValue::Type::Number:
                    if (approximate)
                        entry.key.append('N');
                    else
                        appendExactNumber(entry.key, v);
                    break;
                case NormalizedValue::Type::Text:
                    appendText(entry.key, 't', v.textValue());
                    break;
                case NormalizedValue::Type::Temporal:
                    appendText(entry.key, 'd', v.textValue());
                    break;
                case NormalizedValue::Type::Blob:
                    appendText(entry.key, 'b', v.textValue());
                    break;
                }
            }
            for (int c : m_approximateColumns) {
                const NormalizedValue &v = set.at(r, c);
                side.cells.push_back(v.isNumber() ? RowMatcher::gridCell(v.realValue(), m_tolerance) : 0);
            }
            side.entries.push_back(std::move(entry));
        }
        const qint64 *cells = side.cells.data();
        std::sort(side.entries.begin(), side.entries.end(), [cells, k](const Entry &x, const Entry &y) {
            if (const int order = x.key.compare(y.key); order != 0)
                return order < 0;
            const qint64 *cx = cells + x.cells;
            const qint64 *cy = cells + y.cells;
            for (size_t c = 0; c < k; ++c) {
                if (cx[c] != cy[c])
                    return cx[c] < cy[c];
            }
            return x.row < y.row;
        });
    }

    const qint64 *cellsOf(const Side &side, const Entry &entry) const { return side.cells.data() + entry.cells; }

    bool sameCells(const qint64 *x, const qint64 *y) const
    {
        return std::equal(x, x + m_approximateColumns.size(), y);
    }

    bool cellsLess(const qint64 *x, const qint64 *y) const
    {
        return std::lexicographical_compare(x, x + m_approximateColumns.size(), y, y + m_approximateColumns.size());
    }

    bool equalRows(int expectedRow, int actualRow) const
    {
        return RowMatcher::rowsEqual(*m_expected.set, expectedRow, *m_actual.set, actualRow, m_tolerance);
    }

    void matchBucket(size_t i0, size_t i1, size_t j0, size_t j1, RowMatcher::Result *result)
    {
        const std::vector<Entry> &e = m_expected.entries;
        const std::vector<Entry> &a = m_actual.entries;
        if (m_approximateColumns.empty()) {
            // Equal keys, no approximate columns: the rows are equal.
            const size_t paired = std::min(i1 - i0, j1 - j0);
            for (size_t x = i0 + paired; x < i1; ++x)
                result->unmatchedExpected.push_back(e[x].row);
            for (size_t y = j0 + paired; y < j1; ++y)
                result->unmatchedActual.push_back(a[y].row);
            return;
        }

        const int n = int(i1 - i0);
        const int m = int(j1 - j0);
        m_matchE.assign(size_t(n), -1);
        m_matchA.assign(size_t(m), -1);
        m_i0 = i0;
        m_j0 = j0;
        m_candidates.clear();
        m_index.clear();

        // a. Identical cells, greedily.
        int x = 0;
        int y = 0;
        std::vector<int> free;
        while (x < n && y < m) {
            const qint64 *cx = cellsOf(m_expected, e[i0 + size_t(x)]);
            const qint64 *cy = cellsOf(m_actual, a[j0 + size_t(y)]);
            if (cellsLess(cx, cy)) {
                ++x;
            } else if (cellsLess(cy, cx)) {
                ++y;
            } else {
                int x1 = x;
                while (x1 < n && sameCells(cellsOf(m_expected, e[i0 + size_t(x1)]), cx))
                    ++x1;
                int y1 = y;
                while (y1 < m && sameCells(cellsOf(m_actual, a[j0 + size_t(y1)]), cy))
                    ++y1;
                free.clear();
                for (int q = y; q < y1; ++q)
                    free.push_back(q);
                for (int p = x; p < x1 && !free.empty(); ++p) {
                    const int scan = std::min<int>(int(free.size()), maxGreedyScan);
                    for (int s = 0; s < scan; ++s) {
                        if (equalRows(e[i0 + size_t(p)].row, a[j0 + size_t(free[size_t(s)])].row)) {
                            pair(p, free[size_t(s)]);
                            free.erase(free.begin() + s);
                            break;
                        }
                    }
                }
                x = x1;
                y = y1;
            }
        }

        // b and c. Rows left over: adjacent cells, then augmenting paths.
        const bool leftOverE = std::find(m_matchE.begin(), m_matchE.end(), -1) != m_matchE.end();
        const bool leftOverA = std::find(m_matchA.begin(), m_matchA.end(), -1) != m_matchA.end();
        if (leftOverE && leftOverA) {
            buildIndex(m);
            for (int p = 0; p < n && m_budget > 0; ++p) {
                if (m_matchE[size_t(p)] >= 0)
                    continue;
                const std::vector<int> &candidates = candidatesOf(p);
                bool done = false;
                for (int q : candidates) {
                    if (m_matchA[size_t(q)] < 0) {
                        pair(p, q);
                        done = true;
                        break;
                    }
                }
                if (!done)
                    augment(p);
            }
            if (m_budget <= 0)
                m_budgetExhausted = true;
        }

        for (int p = 0; p < n; ++p) {
            if (m_matchE[size_t(p)] < 0)
                result->unmatchedExpected.push_back(e[i0 + size_t(p)].row);
        }
        for (int q = 0; q < m; ++q) {
            if (m_matchA[size_t(q)] < 0)
                result->unmatchedActual.push_back(a[j0 + size_t(q)].row);
        }
    }

    void pair(int p, int q)
    {
        m_matchE[size_t(p)] = q;
        m_matchA[size_t(q)] = p;
    }

    QByteArray probeKey(const qint64 *cells, const int *offsets, int count) const
    {
        QByteArray key;
        key.reserve(count * int(sizeof(qint64)));
        for (int c = 0; c < count; ++c) {
            const qint64 cell = cells[c] + (offsets ? offsets[c] : 0);
            appendRaw(key, &cell, sizeof cell);
        }
        return key;
    }

    void buildIndex(int m)
    {
        const int probed = std::min<int>(int(m_approximateColumns.size()), maxProbedColumns);
        for (int q = 0; q < m; ++q) {
            const qint64 *cells = cellsOf(m_actual, m_actual.entries[m_j0 + size_t(q)]);
            m_index[probeKey(cells, nullptr, probed)].push_back(q);
        }
    }

    // Actual rows (bucket-local) equal to expected row p (bucket-local).
    const std::vector<int> &candidatesOf(int p)
    {
        auto found = m_candidates.find(p);
        if (found != m_candidates.end())
            return found->second;
        std::vector<int> &list = m_candidates[p];
        const int probed = std::min<int>(int(m_approximateColumns.size()), maxProbedColumns);
        const Entry &entry = m_expected.entries[m_i0 + size_t(p)];
        const qint64 *cells = cellsOf(m_expected, entry);
        int offsets[maxProbedColumns] = {-1, -1, -1, -1};
        for (;;) {
            const auto hit = m_index.constFind(probeKey(cells, offsets, probed));
            if (hit != m_index.constEnd()) {
                for (int q : *hit) {
                    --m_budget;
                    if (equalRows(entry.row, m_actual.entries[m_j0 + size_t(q)].row))
                        list.push_back(q);
                }
            }
            // Next offset vector in {-1, 0, 1}^probed.
            int c = 0;
            while (c < probed && offsets[c] == 1)
                offsets[c++] = -1;
            if (c == probed)
                break;
            ++offsets[c];
        }
        return list;
    }

    // Kuhn's augmenting path from the unpaired expected row p, iteratively.
    bool augment(int p)
    {
        ++m_stamp;
        if (m_visited.size() < m_matchA.size())
            m_visited.resize(m_matchA.size(), 0);
        struct Frame {
            int p;
            size_t next;
        };
        std::vector<Frame> stack{{p, 0}};
        while (!stack.empty()) {
            if (m_budget <= 0)
                return false;
            const int current = stack.back().p;
            const std::vector<int> &candidates = candidatesOf(current);
            Frame &frame = stack.back();
            if (frame.next >= candidates.size()) {
                stack.pop_back();
                continue;
            }
            const int q = candidates[frame.next++];
            if (m_visited[size_t(q)] == m_stamp)
                continue;
            m_visited[size_t(q)] = m_stamp;
            --m_budget;
            if (m_matchA[size_t(q)] < 0) {
                // Shift every row on the path to the partner found after it.
                int partner = q;
                for (size_t k = stack.size(); k-- > 0;) {
                    const int row = stack[k].p;
                    const int previous = m_matchE[size_t(row)];
                    pair(row, partner);
                    partner = previous;
                }
                return true;
            }
            stack.push_back(Frame{m_matchA[size_t(q)], 0});
        }
        return false;
    }

    double m_tolerance = 0;
    Side m_expected;
    Side m_actual;
    std::vector<bool> m_approximate;
    std::vector<int> m_approximateColumns;
    qint64 m_budget = RowMatcher::searchBudget;
    bool m_budgetExhausted = false;

    // Per bucket.
    size_t m_i0 = 0;
    size_t m_j0 = 0;
    std::vector<int> m_matchE;
    std::vector<int> m_matchA;
    std::unordered_map<int, std::vector<int>> m_candidates;
    QHash<QByteArray, std::vector<int>> m_index;
    std::vector<quint32> m_visited;
    quint32 m_stamp = 0;
};

std::vector<int> allRows(const ResultSet &set)
{
    std::vector<int> rows(size_t(set.rowCount()));
    std::iota(rows.begin(), rows.end(), 0);
    return rows;
}

} // namespace

RowMatcher::Result RowMatcher::match(const ResultSet &expected, const std::vector<int> &expectedRows,
                                     const ResultSet &actual, const std::vector<int> &actualRows, double tolerance)
{
    Q_ASSERT(expected.columnCount() == actual.columnCount());
    Matcher matcher(expected, actual, tolerance);
    return matcher.run(expectedRows, actualRows);
}

RowMatcher::Result RowMatcher::match(const ResultSet &expected, const ResultSet &actual, double tolerance)
{
    return match(expected, allRows(expected), actual, allRows(actual), tolerance);
}

bool RowMatcher::rowsEqual(const ResultSet &a, int rowA, const ResultSet &b, int rowB, double tolerance)
{
    const int columns = a.columnCount();
    for (int c = 0; c < columns; ++c) {
        if (!ValueNormalizer::equal(a.at(rowA, c), b.at(rowB, c), tolerance))
            return false;
    }
    return true;
}

qint64 RowMatcher::gridCell(double value, double tolerance)
{
    if (std::isnan(value))
        return nanCell;
    if (std::isinf(value))
        return value > 0 ? positiveInfinityCell : negativeInfinityCell;
    if (tolerance > 0.25)
        return 0;
    const double width = 2 * std::max(tolerance, 1e-15);
    const double f = std::fabs(value) <= 1 ? value : std::copysign(1 + std::log(std::fabs(value)), value);
    return qint64(std::floor(f / width));
}

} // namespace dblearn

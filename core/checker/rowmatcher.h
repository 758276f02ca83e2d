#pragma once

#include <QtGlobal>

#include <vector>

namespace dblearn {

class ResultSet;

// Pairs the rows of two results as multisets: each expected row with one equal actual row
// (ValueNormalizer::equal on every column, by position), duplicates counted. What stays unpaired is
// missing (expected) or extra (actual).
//
// With a float tolerance "equal" is not transitive (1.0 ~ 1.0+t ~ 1.0+2t, but 1.0 !~ 1.0+2t), so
// hashing or sorting rows and walking both lists in step is not enough: two results are the same
// multiset when a perfect pairing exists, which is a bipartite matching problem. The approach:
//
//  1. Columns holding an approximate number (a real, or a decimal with a fraction) in either result
//     are the approximate columns (none when the tolerance is 0). Every other value goes into a
//     canonical byte key, in which equal values have equal bytes: 3, 3.0 and '3.00' (decimal) all
//     encode as the integer 3; an integral real beyond qint64 as its exact digits; NaN as one value.
//  2. Each approximate number is placed on a grid: cell = floor(f(v) / w), where f(v) = v for
//     |v| <= 1 and sign(v) * (1 + ln |v|) beyond, and w = 2 * tolerance. Because the tolerance is
//     absolute near zero and relative beyond 1, f turns it into a distance of at most t / (1 - t)
//     < w, so two values within tolerance always lie in the same cell or in adjacent cells - but
//     two values in one cell need not be within tolerance, and values near a cell boundary fall into
//     different cells. Tolerances above 0.25 use a single cell.
//  3. Rows are sorted by (key, cells). Rows with different keys never match, so the work splits
//     into buckets of equal keys; without approximate columns every row of a bucket equals every
//     other and pairing is a count. Otherwise, within a bucket:
//     a. rows with identical cells are paired greedily, each with the first equal partner among at
//        most 64 candidates (the common case: the values are identical or nearly so);
//     b. a row left over looks for partners in its own and the adjacent cells (3^k probes over the
//        first k <= 4 approximate columns; all columns are then compared in full) and takes a free one;
//     c. if none is free, an augmenting path (Kuhn's algorithm, iterative) re-pairs earlier rows
//        to make room. a-c together give a maximum matching, so the answer does not depend on the
//        order of the rows.
//  Edge cases: a value exactly on a grid boundary and its neighbour within tolerance land in
//  adjacent cells and are found by step b. Exact integers compare exactly even in approximate
//  columns (1000000000001 != 1000000000000 at any tolerance). Step c is bounded by a budget of
//  work (searchBudget); pathological inputs - long chains of values each within tolerance of the
//  next, in large buckets - could exhaust it, and then the rows not yet paired are reported as
//  missing/extra and Result::exhaustive is false. Sorting costs O(n log n); steps b and c only run
//  for rows left over by step a.
class RowMatcher final
{
public:
    struct Result {
        std::vector<int> unmatchedExpected; // rows of `expected`, ascending
        std::vector<int> unmatchedActual;   // rows of `actual`, ascending
        bool exhaustive = true;             // false: the search budget ran out (see above)
        bool isPerfect() const { return unmatchedExpected.empty() && unmatchedActual.empty(); }
    };

    // Matches the given rows of `expected` against the given rows of `actual` (same column count).
    static Result match(const ResultSet &expected, const std::vector<int> &expectedRows, const ResultSet &actual,
                        const std::vector<int> &actualRows, double tolerance);
    static Result match(const ResultSet &expected, const ResultSet &actual, double tolerance);

    static bool rowsEqual(const ResultSet &a, int rowA, const ResultSet &b, int rowB, double tolerance);

    // The grid of step 2, public for tests.
    static qint64 gridCell(double value, double tolerance);

    static constexpr qint64 searchBudget = 20'000'000;
};

} // namespace dblearn

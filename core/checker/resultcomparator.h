#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace dblearn {

class ResultSet;

struct CompareOptions {
    // Row order matters. Without orderKey every row must be at its expected position. With an
    // orderKey (the 0-based column positions the exercise's ORDER BY sorts on; the checker does not
    // parse SQL, so the exercise states them), rows with equal key values form tie groups, which
    // must come in the expected sequence but may be permuted within a group.
    bool ordered = false;
    QList<int> orderKey;
    // Numbers are equal when |a - b| <= floatTolerance * max(1, |a|, |b|) (see ValueNormalizer).
    double floatTolerance = 1e-9;
    // Compare column names too (case-insensitively), for exercises about naming (AS aliases).
    bool checkColumnNames = false;
    // At most this many missing and this many extra rows are listed in the details.
    int maxShown = 3;
    // How feedback names the learner's side: "Expected 12 rows, <subject> returned 15."
    QString subject = QStringLiteral("your query");
};

struct Comparison {
    enum class Kind {
        Match,
        Error,       // no result to compare (set by callers: an error, a time limit, ...)
        ColumnCount, // different numbers of columns
        ColumnNames, // checkColumnNames: a column is named differently
        RowCount,    // different numbers of rows (details say which rows are missing or extra)
        Values,      // as many rows, but some are missing and others extra
        Order,       // the right rows in the wrong order
    };

    bool match = false;
    Kind kind = Kind::Error;
    QString message;     // one or two sentences for the learner
    QStringList details; // example rows: "missing: (4, 'Ada', NULL)", "extra: (9, 'Bob', 3.5)", ...
    QStringList hints;   // near misses: letter case, spaces, numbers as text, column order
    int missingRows = 0;
    int extraRows = 0;
    int wrongPosition = -1;  // Order: the first row (0-based) that is out of place
    bool exhaustive = true;  // false: the row matcher's search budget ran out (see RowMatcher)
};

// Compares a learner's result with the expected one by the rules of lesson-authoring.md: columns
// by position, shape (column count, column names if asked for, then row count) before content, rows as multisets (duplicates
// count), order only when asked for, with tie groups.
class ResultComparator final
{
public:
    static Comparison compare(const ResultSet &expected, const ResultSet &actual, const CompareOptions &options = {});

    static QString kindName(Comparison::Kind kind); // "match", "row-count", ...
};

} // namespace dblearn

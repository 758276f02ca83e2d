#include "checker/resultcomparator.h"
#include "checker/resultset.h"
#include "checker/rowmatcher.h"
#include "checker/valuenormalizer.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

using namespace dblearn;

namespace {

using V = NormalizedValue;
using Row = std::vector<V>;

V I(qint64 v) { return V::integer(v); }
V R(double v) { return V::real(v); }
V T(const char *s) { return ValueNormalizer::fromText(ValueKind::Text, QString::fromUtf8(s)); }
V D(const char *s) { return ValueNormalizer::fromText(ValueKind::Decimal, QString::fromUtf8(s)); }
V B(bool v) { return V::boolean(v); }
V N() { return V(); }

ResultSet rs(int columns, const std::vector<Row> &rows)
{
    ResultSet set(columns);
    set.reserveRows(int(rows.size()));
    for (const Row &row : rows)
        set.appendRow(row);
    return set;
}

CompareOptions ordered(QList<int> key = {})
{
    CompareOptions options;
    options.ordered = true;
    options.orderKey = key;
    return options;
}

CompareOptions tolerance(double t)
{
    CompareOptions options;
    options.floatTolerance = t;
    return options;
}

} // namespace

class ResultComparatorTest final : public QObject
{
    Q_OBJECT
private slots:
    void identicalResultsMatch()
    {
        const ResultSet a = rs(3, {{I(1), T("Ada"), N()}, {I(2), T("Bob"), R(3.5)}});
        const Comparison c = ResultComparator::compare(a, a);
        QVERIFY(c.match);
        QCOMPARE(c.kind, Comparison::Kind::Match);
    }

    void emptyResultsMatch()
    {
        QVERIFY(ResultComparator::compare(rs(2, {}), rs(2, {})).match);
    }

    void columnCountFirst()
    {
        const Comparison c = ResultComparator::compare(rs(3, {{I(1), I(2), I(3)}}), rs(2, {{I(1), I(2)}, {I(3), I(4)}}));
        QCOMPARE(c.kind, Comparison::Kind::ColumnCount);
        QCOMPARE(c.message, QStringLiteral("Expected 3 columns, your query returned 2."));
        QCOMPARE(ResultComparator::compare(rs(1, {}), rs(2, {})).message,
                 QStringLiteral("Expected 1 column, your query returned 2."));
    }

    void columnNamesOnlyWhenAsked()
    {
        ResultSet expected(ColumnList{Column{QStringLiteral("id"), {}, ValueKind::Integer},
                                      Column{QStringLiteral("total"), {}, ValueKind::Real}});
        expected.appendRow({I(1), R(2.5)});
        ResultSet actual(ColumnList{Column{QStringLiteral("ID"), {}, ValueKind::Integer},
                                    Column{QStringLiteral("sum(price)"), {}, ValueKind::Real}});
        actual.appendRow({I(1), R(2.5)});
        QVERIFY(ResultComparator::compare(expected, actual).match);
        CompareOptions options;
        options.checkColumnNames = true;
        const Comparison c = ResultComparator::compare(expected, actual, options);
        QCOMPARE(c.kind, Comparison::Kind::ColumnNames);
        QCOMPARE(c.message, QStringLiteral("Column 2 should be named \"total\", your query names it \"sum(price)\"."));
    }

    void rowCount()
    {
        std::vector<Row> expected;
        std::vector<Row> actual;
        for (int i = 1; i <= 12; ++i) {
            expected.push_back({I(i)});
            actual.push_back({I(i)});
        }
        for (int i = 13; i <= 15; ++i)
            actual.push_back({I(i)});
        const Comparison c = ResultComparator::compare(rs(1, expected), rs(1, actual));
        QCOMPARE(c.kind, Comparison::Kind::RowCount);
        QCOMPARE(c.message, QStringLiteral("Expected 12 rows, your query returned 15. 3 rows are extra, e.g. (13)."));
        QCOMPARE(c.extraRows, 3);
        QCOMPARE(c.missingRows, 0);
        QCOMPARE(c.details,
                 (QStringList{QStringLiteral("extra: (13)"), QStringLiteral("extra: (14)"), QStringLiteral("extra: (15)")}));

        const Comparison none = ResultComparator::compare(rs(1, {{I(1)}, {I(2)}}), rs(1, {}));
        QCOMPARE(none.message, QStringLiteral("Expected 2 rows, your query returned none."));
        const Comparison noneExpected = ResultComparator::compare(rs(1, {}), rs(1, {{I(1)}}));
        QCOMPARE(noneExpected.message, QStringLiteral("Expected no rows, your query returned 1."));
    }

    void unorderedIgnoresOrder()
    {
        const ResultSet a = rs(2, {{I(1), T("a")}, {I(2), T("b")}, {I(3), T("c")}});
        const ResultSet b = rs(2, {{I(3), T("c")}, {I(1), T("a")}, {I(2), T("b")}});
        QVERIFY(ResultComparator::compare(a, b).match);
    }

    void duplicatesCount()
    {
        const Comparison c = ResultComparator::compare(rs(1, {{I(1)}, {I(1)}, {I(2)}}), rs(1, {{I(1)}, {I(2)}, {I(2)}}));
        QCOMPARE(c.kind, Comparison::Kind::Values);
        QCOMPARE(c.message, QStringLiteral("1 row is missing, e.g. (1); 1 row is extra, e.g. (2)."));
        QCOMPARE(c.details, (QStringList{QStringLiteral("missing: (1)"), QStringLiteral("extra: (2)")}));
        QVERIFY(!ResultComparator::compare(rs(1, {{I(1)}, {I(1)}}), rs(1, {{I(1)}})).match);
    }

    void nulls()
    {
        const ResultSet withNull = rs(2, {{I(1), N()}});
        QVERIFY(ResultComparator::compare(withNull, rs(2, {{I(1), N()}})).match);
        QVERIFY(!ResultComparator::compare(withNull, rs(2, {{I(1), I(0)}})).match);
        QVERIFY(!ResultComparator::compare(withNull, rs(2, {{I(1), T("")}})).match);
        QVERIFY(!ResultComparator::compare(withNull, rs(2, {{I(1), R(0)}}), tolerance(0.5)).match);
    }

    void numbersByValue()
    {
        QVERIFY(ResultComparator::compare(rs(1, {{I(3)}}), rs(1, {{R(3.0)}})).match);
        QVERIFY(ResultComparator::compare(rs(1, {{I(3)}}), rs(1, {{R(3.0)}}), tolerance(0)).match);
        QVERIFY(ResultComparator::compare(rs(2, {{D("12.50"), I(1)}}), rs(2, {{R(12.5), I(1)}})).match);
        QVERIFY(ResultComparator::compare(rs(1, {{D("12.50")}}), rs(1, {{D("12.5")}})).match);
        QVERIFY(ResultComparator::compare(rs(1, {{B(true)}, {B(false)}}), rs(1, {{I(0)}, {I(1)}})).match);
    }

    void floats()
    {
        const ResultSet expected = rs(2, {{I(1), R(0.3)}, {I(2), R(2.0 / 3)}, {I(3), R(1e12)}});
        const ResultSet close = rs(2, {{I(1), R(0.1 + 0.2)}, {I(2), R(0.6666666667)}, {I(3), R(1e12 + 50)}});
        QVERIFY(ResultComparator::compare(expected, close).match);
        QVERIFY(!ResultComparator::compare(expected, close, tolerance(0)).match);
        const ResultSet far = rs(2, {{I(1), R(0.3001)}, {I(2), R(2.0 / 3)}, {I(3), R(1e12)}});
        const Comparison c = ResultComparator::compare(expected, far);
        QCOMPARE(c.kind, Comparison::Kind::Values);
        QCOMPARE(c.message, QStringLiteral("1 row is missing, e.g. (1, 0.3); 1 row is extra, e.g. (1, 0.3001)."));
        QVERIFY(ResultComparator::compare(expected, far, tolerance(1e-3)).match);
    }

    void floatsAcrossTheGridBoundary()
    {
        // Values straddling a cell boundary of the matcher's grid must still pair up, and values just
        // beyond the tolerance must not.
        const double t = 1e-9;
        const double boundary = 1000 * 2 * t; // f(v) = v below 1; cells are 2t wide
        const double below = boundary - 2e-10;
        const double above = boundary + 2e-10;
        QVERIFY(RowMatcher::gridCell(below, t) != RowMatcher::gridCell(above, t));
        QVERIFY(ResultComparator::compare(rs(1, {{R(below)}}), rs(1, {{R(above)}})).match);
        QVERIFY(!ResultComparator::compare(rs(1, {{R(boundary - 6e-10)}}), rs(1, {{R(boundary + 6e-10)}})).match);

        // Above 1 the grid is logarithmic: find a boundary there too.
        const double logBoundary = std::exp(4e9 * 2 * t - 1); // f(v) = 1 + ln v = 4e9 * 2t = 8, v ~ 1097
        const double lo = logBoundary * (1 - 2e-10);
        const double hi = logBoundary * (1 + 2e-10);
        QVERIFY(RowMatcher::gridCell(lo, t) != RowMatcher::gridCell(hi, t));
        QVERIFY(ResultComparator::compare(rs(1, {{R(lo)}}), rs(1, {{R(hi)}})).match);

        // Many rows, two approximate columns straddling at once, shuffled, with duplicates.
        std::vector<Row> expected;
        std::vector<Row> actual;
        for (int i = 0; i < 500; ++i) {
            const double x = (i + 1) * 2 * t * 7; // every 7th boundary
            expected.push_back({T("k"), R(x - 1e-10), R(-x + 1e-10)});
            actual.push_back({T("k"), R(x + 1e-10), R(-x - 1e-10)});
            if (i % 50 == 0) {
                expected.push_back({T("k"), R(x - 1e-10), R(-x + 1e-10)});
                actual.push_back({T("k"), R(x + 3e-10), R(-x)});
            }
        }
        std::shuffle(actual.begin(), actual.end(), std::mt19937(7));
        const Comparison c = ResultComparator::compare(rs(3, expected), rs(3, actual));
        QVERIFY2(c.match, qPrintable(c.message));
    }

    void toleranceNeedsAMatchingNotAGreedyPass()
    {
        // 0.15 ~ 0.08, 0.15 ~ 0.24, 0.0 ~ 0.08 only: pairing 0.15 with 0.08 first leaves 0.0 alone;
        // the matcher must re-pair (0.15, 0.24), (0.0, 0.08).
        const CompareOptions loose = tolerance(0.1);
        QVERIFY(ResultComparator::compare(rs(1, {{R(0.15)}, {R(0.0)}}), rs(1, {{R(0.08)}, {R(0.24)}}), loose).match);
        QVERIFY(ResultComparator::compare(rs(1, {{R(0.0)}, {R(0.15)}}), rs(1, {{R(0.24)}, {R(0.08)}}), loose).match);
        const Comparison c =
            ResultComparator::compare(rs(1, {{R(0.15)}, {R(0.0)}}), rs(1, {{R(0.08)}, {R(0.26)}}), loose);
        QCOMPARE(c.kind, Comparison::Kind::Values);
        QCOMPARE(c.missingRows, 1);
        QCOMPARE(c.extraRows, 1);
    }

    void matchingIsMaximumOnRandomInputs()
    {
        // Against a brute-force maximum matching: with a tolerance, equality is not transitive, and
        // the matcher must still pair as many rows as possible, whatever the order of the rows.
        std::mt19937 random(2024);
        std::uniform_int_distribution<int> size(1, 7);
        std::uniform_int_distribution<int> step(0, 12);
        std::uniform_int_distribution<int> label(0, 1);
        for (int round = 0; round < 3000; ++round) {
            const int columns = round % 3 == 0 ? 2 : 1;
            const double t = round % 4 == 1 ? 0.3 : 0.1; // 0.3: above 0.25, a single grid cell
            auto makeRows = [&](int n) {
                std::vector<Row> rows;
                for (int i = 0; i < n; ++i) {
                    Row row{R(step(random) * 0.045)}; // steps of 0.045 around t = 0.1: chains of neighbours
                    if (columns == 2)
                        row.push_back(label(random) ? T("a") : R(step(random) * 0.045));
                    rows.push_back(row);
                }
                return rows;
            };
            const ResultSet e = rs(columns, makeRows(size(random)));
            const ResultSet a = rs(columns, makeRows(size(random)));
            // Brute force: Kuhn's algorithm on the full graph.
            std::vector<int> partner(size_t(a.rowCount()), -1);
            std::function<bool(int, std::vector<bool> &)> tryRow = [&](int x, std::vector<bool> &seen) {
                for (int y = 0; y < a.rowCount(); ++y) {
                    if (seen[size_t(y)] || !RowMatcher::rowsEqual(e, x, a, y, t))
                        continue;
                    seen[size_t(y)] = true;
                    if (partner[size_t(y)] < 0 || tryRow(partner[size_t(y)], seen)) {
                        partner[size_t(y)] = x;
                        return true;
                    }
                }
                return false;
            };
            int matched = 0;
            for (int x = 0; x < e.rowCount(); ++x) {
                std::vector<bool> seen(size_t(a.rowCount()), false);
                matched += tryRow(x, seen) ? 1 : 0;
            }
            const RowMatcher::Result r = RowMatcher::match(e, a, t);
            QCOMPARE(int(r.unmatchedExpected.size()), e.rowCount() - matched);
            QCOMPARE(int(r.unmatchedActual.size()), a.rowCount() - matched);
            QVERIFY(r.exhaustive);
        }
    }

    void exactIntegersInAnApproximateColumn()
    {
        // The column holds reals, but two integers in it still compare exactly.
        const ResultSet expected = rs(1, {{R(0.5)}, {I(1000000000000)}});
        QVERIFY(!ResultComparator::compare(expected, rs(1, {{R(0.5)}, {I(1000000000001)}})).match);
        QVERIFY(ResultComparator::compare(expected, rs(1, {{R(0.5)}, {R(1000000000001.0)}})).match);
    }

    void dates()
    {
        const ResultSet expected = rs(2, {{I(1), ValueNormalizer::fromText(ValueKind::Date, QStringLiteral("2024-01-05"))},
                                          {I(2), ValueNormalizer::fromText(ValueKind::DateTime,
                                                                           QStringLiteral("2024-01-05 10:00:00+00"))}});
        const ResultSet actual = rs(2, {{I(2), T("2024-01-05T10:00:00.000")}, {I(1), T("2024-01-05")}});
        QVERIFY(ResultComparator::compare(expected, actual).match);
    }

    void orderedStrict()
    {
        const ResultSet expected = rs(2, {{I(1), T("a")}, {I(1), T("b")}, {I(2), T("c")}});
        QVERIFY(ResultComparator::compare(expected, expected, ordered()).match);
        const Comparison c =
            ResultComparator::compare(expected, rs(2, {{I(1), T("b")}, {I(1), T("a")}, {I(2), T("c")}}), ordered());
        QCOMPARE(c.kind, Comparison::Kind::Order);
        QCOMPARE(c.wrongPosition, 0);
        QCOMPARE(c.message, QStringLiteral("The rows are right but in the wrong order: row 1 should be (1, 'a'), "
                                           "your query has (1, 'b') there."));
    }

    void orderedTieGroups()
    {
        // ORDER BY column 1: (1, a) and (1, b) tie and may come in either order.
        const ResultSet expected = rs(2, {{I(1), T("a")}, {I(1), T("b")}, {I(2), T("c")}, {I(3), T("d")}, {I(3), T("e")}});
        const ResultSet permutedWithin = rs(2, {{I(1), T("b")}, {I(1), T("a")}, {I(2), T("c")}, {I(3), T("e")}, {I(3), T("d")}});
        QVERIFY(ResultComparator::compare(expected, permutedWithin, ordered({0})).match);
        QVERIFY(!ResultComparator::compare(expected, permutedWithin, ordered()).match); // strict without a key

        const ResultSet acrossGroups = rs(2, {{I(1), T("a")}, {I(2), T("c")}, {I(1), T("b")}, {I(3), T("d")}, {I(3), T("e")}});
        const Comparison c = ResultComparator::compare(expected, acrossGroups, ordered({0}));
        QCOMPARE(c.kind, Comparison::Kind::Order);
        QCOMPARE(c.wrongPosition, 1);
        QCOMPARE(c.message, QStringLiteral("The rows are right but in the wrong order: row 2 should be (1, 'b') (or "
                                           "another row with the same sort key), your query has (2, 'c') there."));
        QCOMPARE(c.details.value(0), QStringLiteral("Rows are sorted by column 1; rows with equal values there may "
                                                    "come in any order."));

        // Descending order within groups, and a key of two columns.
        const ResultSet twoKeys = rs(3, {{I(1), I(9), T("x")}, {I(1), I(9), T("y")}, {I(1), I(8), T("z")}});
        const ResultSet twoKeysSwapped = rs(3, {{I(1), I(9), T("y")}, {I(1), I(9), T("x")}, {I(1), I(8), T("z")}});
        QVERIFY(ResultComparator::compare(twoKeys, twoKeysSwapped, ordered({0, 1})).match);
        QVERIFY(!ResultComparator::compare(twoKeys, rs(3, {{I(1), I(8), T("z")}, {I(1), I(9), T("x")}, {I(1), I(9), T("y")}}),
                                           ordered({0, 1}))
                     .match);
    }

    void orderedButWrongValuesIsAValuesMismatch()
    {
        const Comparison c = ResultComparator::compare(rs(1, {{I(1)}, {I(2)}}), rs(1, {{I(2)}, {I(3)}}), ordered());
        QCOMPARE(c.kind, Comparison::Kind::Values);
    }

    void feedbackShowsAtMostMaxShownRows()
    {
        std::vector<Row> expected;
        std::vector<Row> actual;
        for (int i = 0; i < 10; ++i) {
            expected.push_back({I(i), T("Ada")});
            actual.push_back({I(i + 100), T("Bob")});
        }
        CompareOptions options;
        options.maxShown = 3;
        const Comparison c = ResultComparator::compare(rs(2, expected), rs(2, actual), options);
        QCOMPARE(c.kind, Comparison::Kind::Values);
        QCOMPARE(c.message, QStringLiteral("10 rows are missing, e.g. (0, 'Ada'); 10 rows are extra, e.g. (100, 'Bob')."));
        QCOMPARE(c.details,
                 (QStringList{QStringLiteral("missing: (0, 'Ada')"), QStringLiteral("missing: (1, 'Ada')"),
                              QStringLiteral("missing: (2, 'Ada')"), QStringLiteral("… 7 more missing"),
                              QStringLiteral("extra: (100, 'Bob')"), QStringLiteral("extra: (101, 'Bob')"),
                              QStringLiteral("extra: (102, 'Bob')"), QStringLiteral("… 7 more extra")}));
    }

    void longValuesAreElided()
    {
        const QString longText(200, QLatin1Char('x'));
        const Comparison c = ResultComparator::compare(rs(1, {{V::text(longText)}}), rs(1, {{T("y")}}));
        QVERIFY(c.message.size() < 150);
        QVERIFY(c.message.contains(QChar(0x2026)));
    }

    void hintsForNearMisses()
    {
        const Comparison caseOnly = ResultComparator::compare(rs(2, {{I(1), T("Ada")}}), rs(2, {{I(1), T("ada")}}));
        QVERIFY2(caseOnly.hints.join(QLatin1Char(' ')).contains(QLatin1String("letter case")),
                 qPrintable(caseOnly.hints.join(QLatin1Char('|'))));
        const Comparison spaces = ResultComparator::compare(rs(2, {{I(1), T("Ada")}}), rs(2, {{I(1), T("Ada  ")}}));
        QVERIFY(spaces.hints.join(QLatin1Char(' ')).contains(QLatin1String("spaces")));
        QVERIFY(!spaces.hints.join(QLatin1Char(' ')).contains(QLatin1String("letter case")));
        const Comparison numberText = ResultComparator::compare(rs(1, {{R(12.5)}}), rs(1, {{T("12.50")}}));
        QVERIFY(numberText.hints.join(QLatin1Char(' ')).contains(QLatin1String("numbers written as text")));
        const Comparison swapped = ResultComparator::compare(rs(2, {{I(1), T("Ada")}, {I(2), T("Bob")}}),
                                                             rs(2, {{T("Bob"), I(2)}, {T("Ada"), I(1)}}));
        QVERIFY2(swapped.hints.join(QLatin1Char(' ')).contains(QLatin1String("your column 2 belongs in position 1")),
                 qPrintable(swapped.hints.join(QLatin1Char('|'))));
        const Comparison unrelated = ResultComparator::compare(rs(1, {{I(1)}}), rs(1, {{I(2)}}));
        QVERIFY(unrelated.hints.isEmpty());
    }

    void largeResultsAreFast()
    {
        std::vector<Row> expected;
        std::vector<Row> actual;
        QRandomGenerator random(99);
        for (int i = 0; i < 100000; ++i) {
            const double x = random.generateDouble() * 1000;
            expected.push_back({I(i % 1000), R(x), T("name")});
            actual.push_back({I(i % 1000), R(x * (1 + 1e-12)), T("name")});
        }
        std::shuffle(actual.begin(), actual.end(), std::mt19937(3));
        const ResultSet e = rs(3, expected);
        const ResultSet a = rs(3, actual);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(ResultComparator::compare(e, a).match);
        qInfo("100,000 shuffled rows compared in %lld ms", timer.elapsed());

        // All different: also fast, and only a few rows are shown.
        std::vector<Row> other;
        for (int i = 0; i < 100000; ++i)
            other.push_back({I(i % 1000), R(random.generateDouble() * 1000 + 2000), T("name")});
        const ResultSet o = rs(3, other);
        timer.restart();
        const Comparison c = ResultComparator::compare(e, o);
        QCOMPARE(c.missingRows, 100000);
        QVERIFY(c.details.size() <= 8);
        qInfo("100,000 different rows compared in %lld ms", timer.elapsed());

        // One float column, one bucket: a single value repeated, shuffled.
        const ResultSet same = rs(1, std::vector<Row>(50000, Row{R(0.1 + 0.2)}));
        const ResultSet sameClose = rs(1, std::vector<Row>(50000, Row{R(0.3)}));
        timer.restart();
        QVERIFY(ResultComparator::compare(same, sameClose).match);
        qInfo("50,000 equal floats compared in %lld ms", timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(ResultComparatorTest)
#include "tst_resultcomparator.moc"

#include "checker/resultcomparator.h"

#include "checker/resultset.h"
#include "checker/rowmatcher.h"
#include "checker/valuenormalizer.h"

#include <QLocale>

#include <algorithm>
#include <numeric>

namespace dblearn {

namespace {

QString number(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString rows(qint64 n)
{
    return number(n) + (n == 1 ? QStringLiteral(" row") : QStringLiteral(" rows"));
}

QString columns(qint64 n)
{
    return number(n) + (n == 1 ? QStringLiteral(" column") : QStringLiteral(" columns"));
}

QString capitalized(const QString &text)
{
    return text.isEmpty() ? text : text.left(1).toUpper() + text.mid(1);
}

// "2 rows are missing, e.g. (…); 1 row is extra, e.g. (…)."
QString differenceSentence(const ResultSet &expected, const std::vector<int> &missing, const ResultSet &actual,
                           const std::vector<int> &extra)
{
    QStringList parts;
    if (!missing.empty()) {
        parts << rows(qint64(missing.size())) + (missing.size() == 1 ? QStringLiteral(" is") : QStringLiteral(" are"))
                + QStringLiteral(" missing, e.g. ") + expected.displayRow(missing.front());
    }
    if (!extra.empty()) {
        parts << rows(qint64(extra.size())) + (extra.size() == 1 ? QStringLiteral(" is") : QStringLiteral(" are"))
                + QStringLiteral(" extra, e.g. ") + actual.displayRow(extra.front());
    }
    return parts.isEmpty() ? QString() : parts.join(QStringLiteral("; ")) + QLatin1Char('.');
}

QStringList exampleRows(const ResultSet &expected, const std::vector<int> &missing, const ResultSet &actual,
                        const std::vector<int> &extra, int maxShown)
{
    QStringList lines;
    auto list = [&](const ResultSet &set, const std::vector<int> &which, const QString &label) {
        const int shown = std::min<int>(int(which.size()), std::max(maxShown, 0));
        for (int i = 0; i < shown; ++i)
            lines << label + QStringLiteral(": ") + set.displayRow(which[size_t(i)]);
        if (int(which.size()) > shown)
            lines << QStringLiteral("… %1 more %2").arg(number(qint64(which.size()) - shown), label);
    };
    list(expected, missing, QStringLiteral("missing"));
    list(actual, extra, QStringLiteral("extra"));
    return lines;
}

ResultSet subset(const ResultSet &set, const std::vector<int> &which, int flags, const std::vector<int> &columnOrder = {})
{
    ResultSet out(set.columns());
    out.reserveRows(int(which.size()));
    std::vector<NormalizedValue> row(size_t(set.columnCount()));
    for (int r : which) {
        for (int c = 0; c < set.columnCount(); ++c) {
            const int source = columnOrder.empty() ? c : columnOrder[size_t(c)];
            row[size_t(c)] = flags ? ValueNormalizer::loosened(set.at(r, source), flags) : set.at(r, source);
        }
        out.appendRow(row);
    }
    return out;
}

std::vector<int> range(int count)
{
    std::vector<int> v(size_t(std::max(count, 0)));
    std::iota(v.begin(), v.end(), 0);
    return v;
}

// A rough fingerprint of a column's values, for the column-order hint.
QStringList columnSignature(const ResultSet &set, int column)
{
    QStringList values;
    values.reserve(set.rowCount());
    for (int r = 0; r < set.rowCount(); ++r) {
        const NormalizedValue &v = set.at(r, column);
        if (v.isNumber())
            values << QStringLiteral("#") + QString::number(v.realValue(), 'g', 12);
        else
            values << QString::number(int(v.type())) + v.textValue();
    }
    values.sort();
    return values;
}

void addHints(const ResultSet &expected, const std::vector<int> &missing, const ResultSet &actual,
              const std::vector<int> &extra, const CompareOptions &options, Comparison *result)
{
    if (missing.empty() || extra.empty())
        return;

    // Rows that would match under looser rules; for large differences, among the first few thousand.
    constexpr size_t sample = 5000;
    const bool sampled = missing.size() > sample || extra.size() > sample;
    const std::vector<int> someMissing(missing.begin(), missing.begin() + qsizetype(std::min(missing.size(), sample)));
    const std::vector<int> someExtra(extra.begin(), extra.begin() + qsizetype(std::min(extra.size(), sample)));
    const struct {
        int flags;
        const char *text;
    } loose[] = {
        {ValueNormalizer::IgnoreCase, "if letter case were ignored (text is compared exactly)"},
        {ValueNormalizer::TrimSpaces, "if spaces at the start or end of text were ignored"},
        {ValueNormalizer::NumbersFromText, "if numbers written as text were read as numbers"},
    };
    for (const auto &mode : loose) {
        const ResultSet e = subset(expected, someMissing, mode.flags);
        const ResultSet a = subset(actual, someExtra, mode.flags);
        const RowMatcher::Result r = RowMatcher::match(e, a, options.floatTolerance);
        const qint64 explained = qint64(someMissing.size()) - qint64(r.unmatchedExpected.size());
        if (explained > 0) {
            result->hints << QStringLiteral("%1%2 of the missing rows would match %3.")
                                 .arg(sampled ? QStringLiteral("At least ") : QString(),
                                      number(explained),
                                      QString::fromLatin1(mode.text));
        }
    }

    // The right values in other columns.
    const int n = expected.columnCount();
    if (n < 2 || n > 16 || expected.rowCount() != actual.rowCount() || expected.rowCount() > 20000)
        return;
    std::vector<QStringList> expectedSignatures;
    std::vector<QStringList> actualSignatures;
    for (int c = 0; c < n; ++c) {
        expectedSignatures.push_back(columnSignature(expected, c));
        actualSignatures.push_back(columnSignature(actual, c));
    }
    std::vector<int> order(size_t(n), -1);
    std::vector<bool> used(size_t(n), false);
    for (int c = 0; c < n; ++c) {
        // Prefer the column in the same position.
        if (!used[size_t(c)] && expectedSignatures[size_t(c)] == actualSignatures[size_t(c)]) {
            order[size_t(c)] = c;
            used[size_t(c)] = true;
        }
    }
    for (int c = 0; c < n; ++c) {
        if (order[size_t(c)] >= 0)
            continue;
        for (int d = 0; d < n; ++d) {
            if (!used[size_t(d)] && expectedSignatures[size_t(c)] == actualSignatures[size_t(d)]) {
                order[size_t(c)] = d;
                used[size_t(d)] = true;
                break;
            }
        }
        if (order[size_t(c)] < 0)
            return;
    }
    const ResultSet permuted = subset(actual, range(actual.rowCount()), 0, order);
    if (!RowMatcher::match(expected, permuted, options.floatTolerance).isPerfect())
        return;
    for (int c = 0; c < n; ++c) {
        if (order[size_t(c)] != c) {
            result->hints << QStringLiteral("The values are right but the columns are in another order (columns are "
                                            "compared by position): your column %1 belongs in position %2.")
                                 .arg(order[size_t(c)] + 1)
                                 .arg(c + 1);
            return;
        }
    }
}

bool sameKey(const ResultSet &set, int a, int b, const QList<int> &key, double tolerance)
{
    for (int c : key) {
        if (!ValueNormalizer::equal(set.at(a, c), set.at(b, c), tolerance))
            return false;
    }
    return true;
}

} // namespace

Comparison ResultComparator::compare(const ResultSet &expected, const ResultSet &actual, const CompareOptions &options)
{
    Comparison result;
    const QString subject = options.subject.isEmpty() ? QStringLiteral("your query") : options.subject;
    if (expected.columnCount() != actual.columnCount()) {
        result.kind = Comparison::Kind::ColumnCount;
        result.message = QStringLiteral("Expected %1, %2 returned %3.")
                             .arg(columns(expected.columnCount()), subject, number(actual.columnCount()));
        return result;
    }

    if (options.checkColumnNames) {
        QStringList wrong;
        for (int c = 0; c < expected.columnCount(); ++c) {
            const QString want = expected.columns().at(c).name;
            const QString have = actual.columns().at(c).name;
            if (want.compare(have, Qt::CaseInsensitive) != 0)
                wrong << QStringLiteral("column %1 should be named \"%2\", %3 names it \"%4\"")
                             .arg(QString::number(c + 1), want, subject, have);
        }
        if (!wrong.isEmpty()) {
            result.kind = Comparison::Kind::ColumnNames;
            result.message = capitalized(wrong.first()) + QLatin1Char('.');
            for (qsizetype i = 1; i < wrong.size() && i <= options.maxShown; ++i)
                result.details << capitalized(wrong.at(i)) + QLatin1Char('.');
            return result;
        }
    }

    const RowMatcher::Result matched = RowMatcher::match(expected, actual, options.floatTolerance);
    const std::vector<int> &missing = matched.unmatchedExpected;
    const std::vector<int> &extra = matched.unmatchedActual;
    result.exhaustive = matched.exhaustive;
    result.missingRows = int(missing.size());
    result.extraRows = int(extra.size());

    if (expected.rowCount() != actual.rowCount()) {
        result.kind = Comparison::Kind::RowCount;
        const QString expectedRows = expected.rowCount() == 0 ? QStringLiteral("no rows") : rows(expected.rowCount());
        const QString actualRows = actual.rowCount() == 0 ? QStringLiteral("none") : number(actual.rowCount());
        result.message = QStringLiteral("Expected %1, %2 returned %3.").arg(expectedRows, subject, actualRows);
        if (actual.rowCount() > 0 && expected.rowCount() > 0)
            result.message += QLatin1Char(' ') + differenceSentence(expected, missing, actual, extra);
        result.details = exampleRows(expected, missing, actual, extra, options.maxShown);
        addHints(expected, missing, actual, extra, options, &result);
        return result;
    }
    if (!missing.empty() || !extra.empty()) {
        result.kind = Comparison::Kind::Values;
        result.message = capitalized(differenceSentence(expected, missing, actual, extra));
        result.details = exampleRows(expected, missing, actual, extra, options.maxShown);
        addHints(expected, missing, actual, extra, options, &result);
        return result;
    }

    if (options.ordered) {
        QList<int> key;
        for (int c : options.orderKey) {
            if (c >= 0 && c < expected.columnCount() && !key.contains(c))
                key << c;
        }
        const double tolerance = options.floatTolerance;
        int wrong = -1;
        int shouldBe = -1;
        bool tied = false; // the wrong row is in a tie group
        for (int start = 0; start < expected.rowCount() && wrong < 0;) {
            int end = start + 1;
            if (!key.isEmpty()) {
                while (end < expected.rowCount() && sameKey(expected, start, end, key, tolerance))
                    ++end;
            }
            if (end - start == 1) {
                if (!RowMatcher::rowsEqual(expected, start, actual, start, tolerance)) {
                    wrong = start;
                    shouldBe = start;
                }
            } else {
                std::vector<int> group(size_t(end - start));
                std::iota(group.begin(), group.end(), start);
                const RowMatcher::Result r = RowMatcher::match(expected, group, actual, group, tolerance);
                if (!r.isPerfect()) {
                    wrong = r.unmatchedActual.front();
                    shouldBe = r.unmatchedExpected.front();
                    tied = true;
                }
            }
            start = end;
        }
        if (wrong >= 0) {
            result.kind = Comparison::Kind::Order;
            result.wrongPosition = wrong;
            result.message = QStringLiteral("The rows are right but in the wrong order: row %1 should be %2%3, %4 has "
                                            "%5 there.")
                                 .arg(number(wrong + 1), expected.displayRow(shouldBe),
                                      tied ? QStringLiteral(" (or another row with the same sort key)") : QString(),
                                      subject, actual.displayRow(wrong));
            if (!key.isEmpty()) {
                QStringList names;
                for (int c : key)
                    names << QString::number(c + 1);
                result.details << QStringLiteral("Rows are sorted by column%1 %2; rows with equal values there may "
                                                 "come in any order.")
                                      .arg(key.size() == 1 ? QString() : QStringLiteral("s"),
                                           names.join(QStringLiteral(", ")));
            }
            return result;
        }
    }

    result.match = true;
    result.kind = Comparison::Kind::Match;
    result.message = QStringLiteral("The result matches.");
    return result;
}

QString ResultComparator::kindName(Comparison::Kind kind)
{
    switch (kind) {
    case Comparison::Kind::Match:
        return QStringLiteral("match");
    case Comparison::Kind::Error:
        return QStringLiteral("error");
    case Comparison::Kind::ColumnCount:
        return QStringLiteral("column-count");
    case Comparison::Kind::ColumnNames:
        return QStringLiteral("column-names");
    case Comparison::Kind::RowCount:
        return QStringLiteral("row-count");
    case Comparison::Kind::Values:
        return QStringLiteral("values");
    case Comparison::Kind::Order:
        return QStringLiteral("order");
    }
    return QString();
}

} // namespace dblearn

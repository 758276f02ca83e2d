#include "backends/rowbatch.h"
#include "checker/rowmatcher.h"
#include "checker/valuenormalizer.h"

#include <QDate>
#include <QDateTime>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QTest>

#include <cmath>
#include <limits>

using namespace dblearn;

namespace {

using V = NormalizedValue;

V text(const char *s)
{
    return ValueNormalizer::fromText(ValueKind::Text, QString::fromUtf8(s));
}

V decimal(const char *s)
{
    return ValueNormalizer::fromText(ValueKind::Decimal, QString::fromUtf8(s));
}

V date(ValueKind kind, const char *s)
{
    return ValueNormalizer::fromText(kind, QString::fromUtf8(s));
}

bool eq(const V &a, const V &b, double tolerance = 1e-9)
{
    // Equality must be symmetric.
    const bool ab = ValueNormalizer::equal(a, b, tolerance);
    const bool ba = ValueNormalizer::equal(b, a, tolerance);
    if (ab != ba)
        qWarning("equal() is not symmetric");
    return ab && ba;
}

} // namespace

class ValueNormalizerTest final : public QObject
{
    Q_OBJECT
private slots:
    void nulls()
    {
        QVERIFY(eq(V(), V()));
        QVERIFY(!eq(V(), V::integer(0)));
        QVERIFY(!eq(V(), V::real(0)));
        QVERIFY(!eq(V(), text("")));
        QVERIFY(!eq(V(), V::boolean(false)));
        QCOMPARE(ValueNormalizer::display(V()), QStringLiteral("NULL"));
    }

    void integersAndReals()
    {
        QVERIFY(eq(V::integer(3), V::real(3.0)));
        QVERIFY(eq(V::integer(3), V::real(3.0), 0));
        QVERIFY(!eq(V::integer(3), V::real(3.5)));
        QVERIFY(eq(V::integer(-7), decimal("-7.000")));
        QVERIFY(eq(V::real(-0.0), V::integer(0), 0));
        // Integers compare exactly, whatever the tolerance.
        QVERIFY(!eq(V::integer(1000000000001), V::integer(1000000000000)));
        QVERIFY(!eq(V::integer(9007199254740993), V::integer(9007199254740992)));
        // Tolerance 0: exact, also between an integer and the nearest double.
        QVERIFY(!eq(V::integer(9007199254740993), V::real(9007199254740992.0), 0));
        QVERIFY(eq(V::integer(9007199254740992), V::real(9007199254740992.0), 0));
        QVERIFY(!eq(V::integer(std::numeric_limits<qint64>::max()), V::real(9223372036854775808.0), 0));
    }

    void bigIntegers()
    {
        const V big = decimal("123456789012345678901234567890");
        QCOMPARE(big.numberForm(), V::NumberForm::BigInteger);
        QVERIFY(eq(big, decimal("123456789012345678901234567890.000")));
        QVERIFY(!eq(big, decimal("123456789012345678901234567891")));
        QVERIFY(!eq(big, decimal("-123456789012345678901234567890")));
        QCOMPARE(ValueNormalizer::display(big), QStringLiteral("123456789012345678901234567890"));
        QCOMPARE(decimal("000042").numberForm(), V::NumberForm::Integer);
        QCOMPARE(decimal("9223372036854775807").numberForm(), V::NumberForm::Integer);
        QCOMPARE(decimal("9223372036854775808").numberForm(), V::NumberForm::BigInteger);
        // An integral double beyond qint64 equals the exact big integer at tolerance 0.
        QVERIFY(eq(decimal("100000000000000000000"), V::real(1e20), 0));
        QVERIFY(!eq(decimal("100000000000000000001"), V::real(1e20), 0));
        QVERIFY(eq(decimal("100000000000000000001"), V::real(1e20))); // within 1e-9 relative
    }

    void floatsWithinTolerance()
    {
        QVERIFY(eq(V::real(0.1 + 0.2), V::real(0.3)));
        QVERIFY(!eq(V::real(0.1 + 0.2), V::real(0.3), 0));
        QVERIFY(eq(V::real(1.0), V::real(1.0 + 5e-10)));
        QVERIFY(!eq(V::real(1.0), V::real(1.0 + 2e-9)));
        QVERIFY(eq(V::real(1.0), V::real(1.0000001), 1e-6));
        // Absolute near zero, relative for large values.
        QVERIFY(eq(V::real(0.0), V::real(1e-10)));
        QVERIFY(!eq(V::real(0.0), V::real(1e-8)));
        QVERIFY(eq(V::real(1e12), V::real(1e12 + 100)));
        QVERIFY(!eq(V::real(1e12), V::real(1e12 + 1e4)));
        QVERIFY(eq(V::real(-1e12), V::real(-1e12 - 100)));
        QVERIFY(eq(V::integer(1000000000000), V::real(1e12 + 100))); // integer against a real
        // Special values.
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QVERIFY(eq(V::real(nan), V::real(nan)));
        QVERIFY(eq(V::real(nan), decimal("NaN")));
        QVERIFY(!eq(V::real(nan), V::real(0)));
        QVERIFY(eq(V::real(inf), V::real(inf)));
        QVERIFY(!eq(V::real(inf), V::real(-inf)));
        QVERIFY(!eq(V::real(inf), V::real(1e308)));
        QVERIFY(eq(V::real(-inf), decimal("-Infinity")));
    }

    void decimals()
    {
        QVERIFY(eq(decimal("12.50"), V::real(12.5)));
        QVERIFY(eq(decimal("12.50"), decimal("12.5")));
        QVERIFY(eq(decimal("12.50"), V::real(12.5), 0));
        QVERIFY(!eq(decimal("12.50"), decimal("12.51")));
        QVERIFY(eq(decimal(" 12.00 "), V::integer(12), 0));
        QVERIFY(eq(decimal("-0.0"), V::integer(0), 0));
        QVERIFY(eq(decimal(".5"), V::real(0.5)));
        QVERIFY(eq(decimal("1.5e3"), V::integer(1500)));
        QVERIFY(eq(decimal("0.1"), V::real(0.1), 0));
        QCOMPARE(decimal("abc").type(), V::Type::Text);
        QCOMPARE(decimal("1.2.3").type(), V::Type::Text);
        // Text that looks like a number stays text: '12.50' is not 12.5 (see hints).
        QVERIFY(!eq(text("12.50"), V::real(12.5)));
    }

    void dates()
    {
        const V d = date(ValueKind::Date, "2024-01-05");
        QCOMPARE(d.type(), V::Type::Temporal);
        QVERIFY(eq(d, text("2024-01-05")));
        QVERIFY(eq(d, date(ValueKind::DateTime, "2024-01-05 00:00:00")));
        QVERIFY(!eq(d, text("2024-01-06")));

        const V ts = date(ValueKind::DateTime, "2024-01-05 10:00:00");
        for (const char *form : {"2024-01-05T10:00:00", "2024-01-05 10:00", "2024-01-05 10:00:00.000",
                                 "2024-01-05 10:00:00+00", "2024-01-05T10:00:00Z", "2024-01-05 12:00:00+02:00",
                                 "2024-01-05 05:00:00-0500", "2024-01-05 10:00:00 +00:00"}) {
            QVERIFY2(eq(ts, text(form)), form);
        }
        QVERIFY(!eq(ts, text("2024-01-05 10:00:01")));
        QVERIFY(eq(text("2024-01-05 01:30:00+02"), text("2024-01-04 23:30:00"))); // across midnight
        QVERIFY(eq(text("2024-01-05 10:00:00.5"), text("2024-01-05 10:00:00.500")));
        QVERIFY(!eq(text("2024-01-05 10:00:00.5"), text("2024-01-05 10:00:00")));
        QVERIFY(eq(date(ValueKind::Time, "10:00"), text("10:00:00")));
        QVERIFY(eq(date(ValueKind::Time, "10:00:00+01"), text("09:00:00")));
        QVERIFY(eq(ValueNormalizer::fromVariant(QDate(2024, 1, 5)), text("2024-01-05")));
        QVERIFY(eq(ValueNormalizer::fromVariant(QDateTime(QDate(2024, 1, 5), QTime(10, 0), QTimeZone::utc())), ts));

        // Not dates: stay text.
        QCOMPARE(text("2024-02-30").type(), V::Type::Text);
        QCOMPARE(text("2024-01-05x").type(), V::Type::Text);
        QCOMPARE(text("2024-01").type(), V::Type::Text);
        QCOMPARE(text("10:30").type(), V::Type::Text); // plain text needs seconds
        QCOMPARE(text("25:00:00").type(), V::Type::Text);
        QCOMPARE(text("Ada").type(), V::Type::Text);
        // An offset that moves the instant out of years 1-9999 (found by fuzz_valuenormalizer:
        // both became the same " 11:59:59" and compared equal).
        QCOMPARE(text("9999-12-31 23:59:59-12:00").type(), V::Type::Text);
        QVERIFY(!eq(text("9999-12-31 23:59:59-12:00"), text("9999-12-31 23:59:59-11:00")));
        QCOMPARE(text("0001-01-01 00:00:00+01:00").type(), V::Type::Text);
        QCOMPARE(ValueNormalizer::display(ts), QStringLiteral("'2024-01-05 10:00:00'"));
    }

    void booleansAcrossEngines()
    {
        RowBatch batch(3);
        batch.addBoolean(true); // PostgreSQL
        batch.addInteger(1);    // SQLite, MariaDB
        batch.addBoolean(false);
        const V pg = ValueNormalizer::fromBatch(batch, 0, 0);
        const V sqlite = ValueNormalizer::fromBatch(batch, 0, 1);
        QVERIFY(eq(pg, sqlite));
        QVERIFY(eq(ValueNormalizer::fromBatch(batch, 0, 2), V::integer(0)));
        QVERIFY(!eq(pg, V::integer(0)));
        QVERIFY(eq(ValueNormalizer::fromText(ValueKind::Boolean, QStringLiteral("t")), V::integer(1)));
        QVERIFY(eq(ValueNormalizer::fromVariant(QVariant(true)), V::real(1.0)));
        QCOMPARE(ValueNormalizer::display(pg), QStringLiteral("true"));
        QCOMPARE(ValueNormalizer::display(sqlite), QStringLiteral("1"));
    }

    void textIsExact()
    {
        QVERIFY(eq(text("Ada"), text("Ada")));
        QVERIFY(!eq(text("Ada"), text("Ada ")));
        QVERIFY(!eq(text("Ada"), text("ada")));
        QVERIFY(!eq(text("3"), V::integer(3)));
        QVERIFY(!eq(text(""), text(" ")));
        using N = ValueNormalizer;
        QVERIFY(eq(N::loosened(text("Ada "), N::TrimSpaces), N::loosened(text("Ada"), N::TrimSpaces)));
        QVERIFY(eq(N::loosened(text("ADA"), N::IgnoreCase), N::loosened(text("ada"), N::IgnoreCase)));
        QVERIFY(eq(N::loosened(text("12.50"), N::NumbersFromText), V::real(12.5)));
    }

    void fromBatchKinds()
    {
        RowBatch batch(6);
        batch.addNull();
        batch.addInteger(42);
        batch.addReal(2.5);
        batch.addText("12.50", 5, ValueKind::Decimal);
        const char blob[] = {'\x00', '\xff'};
        batch.addBlob(blob, 2);
        const QByteArray json("{\"b\": [1, 2], \"a\": null}");
        batch.addText(json.constData(), int(json.size()), ValueKind::Json);
        QVERIFY(ValueNormalizer::fromBatch(batch, 0, 0).isNull());
        QVERIFY(eq(ValueNormalizer::fromBatch(batch, 0, 1), V::integer(42)));
        QVERIFY(eq(ValueNormalizer::fromBatch(batch, 0, 2), V::real(2.5)));
        QVERIFY(eq(ValueNormalizer::fromBatch(batch, 0, 3), V::real(12.5)));
        QVERIFY(eq(ValueNormalizer::fromBatch(batch, 0, 4), V::blob(QByteArray("\x00\xff", 2))));
        QVERIFY(eq(ValueNormalizer::fromBatch(batch, 0, 5),
                   ValueNormalizer::fromText(ValueKind::Json, QStringLiteral("{\"a\":null,\"b\":[1,2]}"))));
        QCOMPARE(ValueNormalizer::display(ValueNormalizer::fromBatch(batch, 0, 4)), QStringLiteral("x'00ff'"));
    }

    void display()
    {
        QCOMPARE(ValueNormalizer::display(V::integer(-4)), QStringLiteral("-4"));
        QCOMPARE(ValueNormalizer::display(V::real(3.0)), QStringLiteral("3.0"));
        QCOMPARE(ValueNormalizer::display(V::real(3.5)), QStringLiteral("3.5"));
        QCOMPARE(ValueNormalizer::display(V::real(0.1 + 0.2)), QStringLiteral("0.30000000000000004"));
        QCOMPARE(ValueNormalizer::display(V::real(1e300)), QStringLiteral("1e+300"));
        QCOMPARE(ValueNormalizer::display(text("O'Brien")), QStringLiteral("'O''Brien'"));
        QCOMPARE(ValueNormalizer::display(text("a\nb")), QStringLiteral("'a\\nb'"));
        const QString longText = ValueNormalizer::display(V::text(QString(100, QLatin1Char('x'))), 10);
        QCOMPARE(longText, QStringLiteral("'xxxxxxxxx…'"));
    }

    void gridKeepsNeighboursAdjacent()
    {
        // Any two values within tolerance must land in the same or adjacent cells, at every
        // magnitude; the row matcher relies on it.
        QRandomGenerator random(12345);
        for (double tolerance : {1e-12, 1e-9, 1e-6, 1e-3, 0.1, 0.25}) {
            for (int i = 0; i < 20000; ++i) {
                const double magnitude = std::pow(10.0, random.bounded(-6.0) + random.bounded(24.0) - 6);
                const double a = (random.bounded(2) ? 1 : -1) * magnitude * random.generateDouble();
                const double scale = std::max({1.0, std::fabs(a)});
                const double b = a + (random.generateDouble() * 2 - 1) * tolerance * scale;
                if (!ValueNormalizer::numbersClose(a, b, tolerance))
                    continue;
                const qint64 ca = RowMatcher::gridCell(a, tolerance);
                const qint64 cb = RowMatcher::gridCell(b, tolerance);
                QVERIFY2(std::abs(ca - cb) <= 1, qPrintable(QStringLiteral("%1 %2 %3").arg(a).arg(b).arg(tolerance)));
            }
        }
        // Cells are ordered like the values.
        QVERIFY(RowMatcher::gridCell(-5, 1e-9) < RowMatcher::gridCell(-0.5, 1e-9));
        QVERIFY(RowMatcher::gridCell(-0.5, 1e-9) < RowMatcher::gridCell(0.5, 1e-9));
        QVERIFY(RowMatcher::gridCell(0.5, 1e-9) < RowMatcher::gridCell(5, 1e-9));
        QVERIFY(RowMatcher::gridCell(5, 1e-9) < RowMatcher::gridCell(1e300, 1e-9));
    }
};

QTEST_GUILESS_MAIN(ValueNormalizerTest)
#include "tst_valuenormalizer.moc"

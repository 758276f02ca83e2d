// libFuzzer target: the exercise checker's value normalisation. The first byte picks the value
// kind an engine would report (byte % 12, ValueKind order), the rest is split at the first NUL
// into two values of that kind. Invariants: equality is reflexive (NaN equals NaN) and symmetric,
// with and without tolerance; exact equality implies equality with tolerance; a decimal or
// temporal text that parses has a canonical form that parses to itself; display never fails.
#include "fuzzcheck.h"

#include "backends/column.h"
#include "checker/normalizedvalue.h"
#include "checker/valuenormalizer.h"

#include <cstddef>
#include <cstdint>

using namespace dblearn;

namespace {

void checkOne(ValueKind kind, const QString &text)
{
    const NormalizedValue v = ValueNormalizer::fromText(kind, text);
    DBLEARN_FUZZ_CHECK(ValueNormalizer::equal(v, v, 0.0), QStringLiteral("'%1' is not equal to itself").arg(text));
    DBLEARN_FUZZ_CHECK(ValueNormalizer::equal(v, v, 1e-9), QStringLiteral("'%1' is not equal to itself with tolerance").arg(text));
    const QString shown = ValueNormalizer::display(v);
    DBLEARN_FUZZ_CHECK(!shown.isEmpty(), QStringLiteral("'%1' displays as nothing").arg(text));
    for (const int flags : {0x1, 0x2, 0x4, 0x7})
        ValueNormalizer::loosened(v, flags);

    QString canonical;
    if (ValueNormalizer::parseTemporal(text, &canonical, true)) {
        QString again;
        DBLEARN_FUZZ_CHECK(ValueNormalizer::parseTemporal(canonical, &again, true) && again == canonical,
                           QStringLiteral("temporal '%1' -> '%2' -> '%3'").arg(text, canonical, again));
    }
    NormalizedValue number;
    if (ValueNormalizer::parseDecimal(text, &number)) {
        DBLEARN_FUZZ_CHECK(ValueNormalizer::equal(number, number, 0.0), QStringLiteral("decimal '%1' is not equal to itself").arg(text));
        const NormalizedValue fromDecimal = ValueNormalizer::fromText(ValueKind::Decimal, text);
        DBLEARN_FUZZ_CHECK(ValueNormalizer::equal(number, fromDecimal, 0.0),
                           QStringLiteral("decimal '%1' parses to %2 but normalises to %3")
                               .arg(text, ValueNormalizer::display(number), ValueNormalizer::display(fromDecimal)));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const auto kind = static_cast<ValueKind>(data[0] % 12);
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype nul = rest.indexOf('\0');
    const QString a = QString::fromUtf8(nul < 0 ? rest : rest.first(nul));
    const QString b = nul < 0 ? QString() : QString::fromUtf8(rest.mid(nul + 1));

    checkOne(kind, a);
    if (nul < 0)
        return 0;
    checkOne(kind, b);
    const NormalizedValue va = ValueNormalizer::fromText(kind, a);
    const NormalizedValue vb = ValueNormalizer::fromText(kind, b);
    for (const double tolerance : {0.0, 1e-9, 0.01}) {
        const bool ab = ValueNormalizer::equal(va, vb, tolerance);
        DBLEARN_FUZZ_CHECK(ab == ValueNormalizer::equal(vb, va, tolerance),
                           QStringLiteral("'%1' vs '%2' is not symmetric at tolerance %3").arg(a, b).arg(tolerance));
        if (tolerance == 0.0 && ab) {
            DBLEARN_FUZZ_CHECK(ValueNormalizer::equal(va, vb, 0.01), QStringLiteral("'%1' == '%2' exactly but not with tolerance").arg(a, b));
        }
    }
    return 0;
}

#include "datasets/vectormath.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace dblearn {

namespace {

constexpr int maxDimensions = 16000; // as pgvector

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

double fail(bool *ok, QString *error, const QString &message)
{
    if (ok)
        *ok = false;
    setError(error, message);
    return std::numeric_limits<double>::quiet_NaN();
}

// Parses both arguments; on success *ok is true and the sizes match.
bool parsePair(QByteArrayView a, QByteArrayView b, Vector *x, Vector *y, bool *ok, QString *error)
{
    if (!parseVector(a, x, error) || !parseVector(b, y, error)) {
        if (ok)
            *ok = false;
        return false;
    }
    if (x->size() != y->size()) {
        fail(ok, error, QStringLiteral("different vector dimensions %1 and %2").arg(x->size()).arg(y->size()));
        return false;
    }
    if (ok)
        *ok = true;
    return true;
}

} // namespace

bool parseVector(QByteArrayView text, Vector *out, QString *error)
{
    out->clear();
    const char *p = text.data();
    const char *end = p + text.size();
    while (p < end && isSpace(*p))
        ++p;
    if (p == end || *p != '[')
        return setError(error, QStringLiteral("not a vector: expected a JSON array of numbers such as [0.5,1,-2]"));
    ++p;
    while (p < end && isSpace(*p))
        ++p;
    if (p < end && *p == ']') {
        ++p;
    } else {
        for (;;) {
            while (p < end && isSpace(*p))
                ++p;
            double value = 0;
            const std::from_chars_result r = std::from_chars(p, end, value);
            if (r.ec != std::errc() || !std::isfinite(value))
                return setError(error, QStringLiteral("not a vector: element %1 is not a finite number").arg(out->size() + 1));
            if (out->size() >= maxDimensions)
                return setError(error, QStringLiteral("vector has more than %1 dimensions").arg(maxDimensions));
            out->append(value);
            p = r.ptr;
            while (p < end && isSpace(*p))
                ++p;
            if (p < end && *p == ',') {
                ++p;
                continue;
            }
            if (p < end && *p == ']') {
                ++p;
                break;
            }
            return setError(error, QStringLiteral("not a vector: expected , or ] after element %1").arg(out->size()));
        }
    }
    while (p < end && isSpace(*p))
        ++p;
    if (p != end)
        return setError(error, QStringLiteral("not a vector: unexpected text after ]"));
    return true;
}

double innerProduct(const Vector &a, const Vector &b)
{
    double sum = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        sum += a[i] * b[i];
    return sum;
}

double l2Distance(const Vector &a, const Vector &b)
{
    double sum = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const double d = a[i] - b[i];
        sum += d * d;
    }
    return std::sqrt(sum);
}

double cosineDistance(const Vector &a, const Vector &b)
{
    double dot = 0, na = 0, nb = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
    }
    if (na == 0 || nb == 0)
        return std::numeric_limits<double>::quiet_NaN();
    double similarity = dot / (std::sqrt(na) * std::sqrt(nb));
    similarity = similarity > 1 ? 1 : similarity < -1 ? -1 : similarity;
    return 1 - similarity;
}

double cosineDistance(QByteArrayView a, QByteArrayView b, bool *ok, QString *error)
{
    Vector x, y;
    if (!parsePair(a, b, &x, &y, ok, error))
        return std::numeric_limits<double>::quiet_NaN();
    const double d = cosineDistance(x, y);
    if (std::isnan(d))
        return fail(ok, error, QStringLiteral("cosine distance is undefined for a zero vector"));
    return d;
}

double l2Distance(QByteArrayView a, QByteArrayView b, bool *ok, QString *error)
{
    Vector x, y;
    if (!parsePair(a, b, &x, &y, ok, error))
        return std::numeric_limits<double>::quiet_NaN();
    return l2Distance(x, y);
}

double innerProduct(QByteArrayView a, QByteArrayView b, bool *ok, QString *error)
{
    Vector x, y;
    if (!parsePair(a, b, &x, &y, ok, error))
        return std::numeric_limits<double>::quiet_NaN();
    return innerProduct(x, y);
}

int vectorDimensions(QByteArrayView a, bool *ok, QString *error)
{
    Vector x;
    const bool parsed = parseVector(a, &x, error);
    if (ok)
        *ok = parsed;
    return parsed ? int(x.size()) : -1;
}

} // namespace dblearn

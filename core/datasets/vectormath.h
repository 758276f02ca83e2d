#pragma once

#include <QByteArrayView>
#include <QString>
#include <QVarLengthArray>

namespace dblearn {

// Distance functions over vectors stored as JSON arrays of numbers ("[0.12,-0.5,1e-3]", the text
// form the docs dataset uses and that pgvector also accepts). The SQLite backend registers them as
// SQL functions cosine_distance(a, b), l2_distance(a, b) and inner_product(a, b), so similarity
// search runs in the embedded engine too; they match pgvector's functions of the same names
// (cosine_distance = 1 - cosine similarity; inner_product is the plain dot product, so order by it
// descending, or by its negation as pgvector's <#> operator does).
//
// Each returns NaN and sets *ok to false (and *error, if given) when an argument is not an array
// of finite numbers, the dimensions differ, or (cosine) a vector has zero length.

using Vector = QVarLengthArray<double, 32>;

// Parses without allocating for up to 32 dimensions; accepts spaces and any JSON number form.
bool parseVector(QByteArrayView text, Vector *out, QString *error = nullptr);

double cosineDistance(QByteArrayView a, QByteArrayView b, bool *ok = nullptr, QString *error = nullptr);
double l2Distance(QByteArrayView a, QByteArrayView b, bool *ok = nullptr, QString *error = nullptr);
double innerProduct(QByteArrayView a, QByteArrayView b, bool *ok = nullptr, QString *error = nullptr);
// The number of elements, or -1 (with *ok false) when `a` is not a vector.
int vectorDimensions(QByteArrayView a, bool *ok = nullptr, QString *error = nullptr);

// The same on parsed vectors (equal sizes assumed).
double cosineDistance(const Vector &a, const Vector &b);
double l2Distance(const Vector &a, const Vector &b);
double innerProduct(const Vector &a, const Vector &b);

} // namespace dblearn

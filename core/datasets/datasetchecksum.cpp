#include "datasets/datasetchecksum.h"

#include "backends/databasebackend.h"
#include "datasets/datasetgenerator.h"
#include "datasets/datasetrandom.h"
#include "datasets/sqldialect.h"
#include "datasets/valuetext.h"

#include <cctype>
#include <cmath>

namespace dblearn {

namespace {

QByteArray canonicalNumber(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', 15);
}

QByteArray canonicalDateTime(QByteArray text)
{
    if (text.size() > 10 && text.at(10) == 'T')
        text[10] = ' ';
    const qsizetype dot = text.indexOf('.', 10);
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < text.size() && text.at(end) == '0')
            ++end;
        if (end == text.size() || !std::isdigit(static_cast<unsigned char>(text.at(end))))
            text.remove(dot, end - dot);
    }
    return text;
}

void hashBytes(quint64 *h, const char *data, qsizetype size)
{
    for (qsizetype i = 0; i < size; ++i) {
        *h ^= quint64(quint8(data[i]));
        *h *= 0x100000001b3ULL;
    }
}

} // namespace

QByteArray DatasetChecksum::normalizedValue(const RowBatch &batch, int row, int column)
{
    switch (batch.kindAt(row, column)) {
    case ValueKind::Null:
        return QByteArrayLiteral("\\N");
    case ValueKind::Integer:
    case ValueKind::Boolean:
        return QByteArray::number(batch.integerAt(row, column));
    case ValueKind::Real:
        return canonicalNumber(batch.realAt(row, column));
    case ValueKind::Decimal: {
        bool ok = false;
        const QByteArray text = batch.bytesAt(row, column);
        const double value = text.trimmed().toDouble(&ok);
        return ok ? canonicalNumber(value) : text;
    }
    case ValueKind::Date:
    case ValueKind::Time:
    case ValueKind::DateTime:
        return canonicalDateTime(batch.bytesAt(row, column));
    case ValueKind::Blob:
        return QByteArrayLiteral("x'") + batch.bytesAt(row, column).toHex() + '\'';
    case ValueKind::Text:
    case ValueKind::Json:
    case ValueKind::Other:
        break;
    }
    return batch.bytesAt(row, column);
}

DatasetChecksum DatasetChecksum::compute(DatabaseConnection &connection, const DatasetGenerator &generator,
                                         QString *error)
{
    DatasetChecksum result;
    const SqlDialect quoting; // plain identifiers need no quoting in any engine
    RowBatch batch;
    for (const TableSpec &table : generator.tables()) {
        QStringList columns;
        for (const ColumnSpec &c : table.columns)
            columns << quoting.identifier(c.name);
        const QString sql = QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")) + QStringLiteral(" FROM ")
            + quoting.identifier(table.name);
        const StatementStatus status = connection.execute(sql);
        if (!status.ok || !status.hasRows) {
            connection.finish();
            if (error) {
                *error = QStringLiteral("Could not read table %1 of dataset \"%2\": %3")
                             .arg(table.name, generator.name(),
                                  status.ok ? QStringLiteral("the query returned no result") : status.error.message);
            }
            return DatasetChecksum();
        }
        TableChecksum sum;
        sum.table = table.name;
        const int columnCount = int(table.columns.size());
        bool atEnd = false;
        QueryError fetchError;
        while (!atEnd) {
            batch.reset(columnCount);
            if (!connection.fetch(batch, 4096, &atEnd, &fetchError)) {
                connection.finish();
                if (error) {
                    *error = QStringLiteral("Could not read table %1 of dataset \"%2\": %3")
                                 .arg(table.name, generator.name(), fetchError.message);
                }
                return DatasetChecksum();
            }
            for (int r = 0; r < batch.rowCount(); ++r) {
                quint64 h = 0xcbf29ce484222325ULL;
                for (int c = 0; c < columnCount; ++c) {
                    const ValueKind kind = batch.kindAt(r, c);
                    if (kind == ValueKind::Integer || kind == ValueKind::Boolean) { // the common case, without allocating
                        char buffer[32];
                        hashBytes(&h, buffer, ValueText::integer(batch.integerAt(r, c), buffer));
                    } else {
                        const QByteArray value = normalizedValue(batch, r, c);
                        hashBytes(&h, value.constData(), value.size());
                    }
                    hashBytes(&h, "\x1f", 1);
                }
                sum.hash += DatasetRandom::mix(h);
                ++sum.rows;
            }
        }
        connection.finish();
        result.m_tables << sum;
    }
    result.m_valid = true;
    return result;
}

qint64 DatasetChecksum::rowCount(const QString &table) const
{
    for (const TableChecksum &t : m_tables) {
        if (t.table == table)
            return t.rows;
    }
    return -1;
}

quint64 DatasetChecksum::value() const
{
    quint64 h = 0xcbf29ce484222325ULL;
    for (const TableChecksum &t : m_tables) {
        const QByteArray line = t.table.toUtf8() + ':' + QByteArray::number(t.rows) + ':' + QByteArray::number(t.hash)
            + '\n';
        hashBytes(&h, line.constData(), line.size());
    }
    return DatasetRandom::mix(h);
}

QString DatasetChecksum::toString() const
{
    return QStringLiteral("%1").arg(value(), 16, 16, QLatin1Char('0'));
}

} // namespace dblearn

#include "backends/multirowinsert.h"

#include <cmath>

namespace dblearn {

namespace {

// Whether `text` is a plain decimal number such as -19.99 or 1.5e-3, which may go unquoted.
bool isNumericLiteral(QByteArrayView text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    const auto digits = [&] {
        const qsizetype start = i;
        while (i < n && text[i] >= '0' && text[i] <= '9')
            ++i;
        return i - start;
    };
    if (i < n && (text[i] == '-' || text[i] == '+'))
        ++i;
    qsizetype mantissa = digits();
    if (i < n && text[i] == '.') {
        ++i;
        mantissa += digits();
    }
    if (mantissa == 0)
        return false;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '-' || text[i] == '+'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == n;
}

} // namespace

MultiRowInsert::MultiRowInsert(Engine engine, bool backslashEscapes, const QString &table, const QStringList &columns)
    : m_engine(engine), m_backslashEscapes(backslashEscapes), m_columnCount(int(columns.size()))
{
    m_prefix = QByteArrayLiteral("INSERT INTO ");
    appendName(m_prefix, table);
    m_prefix += " (";
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i)
            m_prefix += ", ";
        appendName(m_prefix, columns.at(i));
    }
    m_prefix += ") VALUES ";
}

void MultiRowInsert::appendName(QByteArray &out, const QString &name) const
{
    const char quote = m_engine == Engine::MySql ? '`' : '"';
    out += quote;
    for (const char c : name.toUtf8()) {
        out += c;
        if (c == quote)
            out += quote;
    }
    out += quote;
}

void MultiRowInsert::appendString(QByteArray &out, QByteArrayView utf8) const
{
    out += '\'';
    qsizetype start = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (c == '\'' || (m_backslashEscapes && c == '\\')) {
            out.append(utf8.sliced(start, i - start + 1));
            out += c; // '' and \\ both double the character
            start = i + 1;
        }
    }
    out.append(utf8.sliced(start));
    out += '\'';
}

bool MultiRowInsert::appendValue(QByteArray &out, const RowBatch &rows, int row, int column) const
{
    switch (rows.kindAt(row, column)) {
    case ValueKind::Null:
        out += "NULL";
        return true;
    case ValueKind::Integer:
        out += QByteArray::number(rows.integerAt(row, column));
        return true;
    case ValueKind::Boolean:
        out += rows.integerAt(row, column) ? "TRUE" : "FALSE";
        return true;
    case ValueKind::Real: {
        const double value = rows.realAt(row, column);
        if (!std::isfinite(value))
            return false;
        out += QByteArray::number(value, 'g', 17);
        return true;
    }
    case ValueKind::Decimal: {
        const QByteArrayView text = rows.storedBytesAt(row, column);
        if (isNumericLiteral(text))
            out.append(text);
        else
            appendString(out, text); // not a plain number: the engine parses (or refuses) the string
        return true;
    }
    case ValueKind::Blob: {
        const QByteArray hex = rows.storedBytesAt(row, column).toByteArray().toHex();
        if (m_engine == Engine::MySql) {
            out += "X'" + hex + '\'';
        } else {
            appendString(out, QByteArray("\\x" + hex)); // bytea's hex input format
        }
        return true;
    }
    default: // Text, Date, Time, DateTime, Json, Other
        appendString(out, rows.storedBytesAt(row, column));
        return true;
    }
}

QList<QByteArray> MultiRowInsert::statements(const RowBatch &rows, QString *error) const
{
    QList<QByteArray> result;
    if (rows.columnCount() != m_columnCount || m_columnCount == 0) {
        *error = QStringLiteral("%1 column names for rows of %2 columns").arg(m_columnCount).arg(rows.columnCount());
        return {};
    }
    QByteArray sql;
    for (int row = 0; row < rows.rowCount(); ++row) {
        if (sql.isEmpty()) {
            sql.reserve(qMin(maxStatementBytes + 64 * 1024, qsizetype(rows.memoryUsed()) * 2 + m_prefix.size()));
            sql = m_prefix;
        } else {
            sql += ',';
        }
        sql += '(';
        for (int column = 0; column < m_columnCount; ++column) {
            if (column)
                sql += ',';
            if (!appendValue(sql, rows, row, column)) {
                *error = QStringLiteral("row %1, column %2: %3 has no SQL literal")
                             .arg(row + 1)
                             .arg(column + 1)
                             .arg(rows.realAt(row, column));
                return {};
            }
        }
        sql += ')';
        if (sql.size() >= maxStatementBytes) {
            result << sql;
            sql.clear();
        }
    }
    if (!sql.isEmpty())
        result << sql;
    return result;
}

StatementStatus MultiRowInsert::run(DatabaseConnection &connection, const RowBatch &rows) const
{
    StatementStatus total;
    QString error;
    const QList<QByteArray> sqls = statements(rows, &error);
    if (!error.isEmpty()) {
        total.error = QueryError::make(QueryError::Kind::Internal, error);
        return total;
    }
    total.rowsAffected = 0;
    for (const QByteArray &sql : sqls) {
        const StatementStatus status = connection.execute(QString::fromUtf8(sql));
        connection.finish();
        total.messages += status.messages;
        if (!status.ok) {
            total.error = status.error;
            total.rowsAffected = -1;
            return total;
        }
        total.rowsAffected += qMax<qint64>(status.rowsAffected, 0);
    }
    total.ok = true;
    return total;
}

} // namespace dblearn

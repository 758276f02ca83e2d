#include "resultprinter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <cmath>

namespace dblearn::cli {

namespace {

constexpr int maxTableWidth = 60;

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
        && !value.contains(QLatin1Char('\r')))
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString jsonString(const QString &value)
{
    // QJsonDocument escapes correctly; wrap the string in an array and strip the brackets.
    const QByteArray doc = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(doc.mid(1, doc.size() - 2));
}

QString tableCell(const RowBatch &rows, int row, int column)
{
    if (rows.isNull(row, column))
        return QStringLiteral("NULL");
    QString text = rows.textAt(row, column);
    text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    if (text.size() > maxTableWidth)
        text = text.left(maxTableWidth - 1) + QChar(0x2026);
    return text;
}

} // namespace

ResultPrinter::ResultPrinter(QTextStream &out, Format format) : m_out(out), m_format(format) {}

bool ResultPrinter::parseFormat(const QString &name, Format *format)
{
    if (name == QLatin1String("table"))
        *format = Format::Table;
    else if (name == QLatin1String("csv"))
        *format = Format::Csv;
    else if (name == QLatin1String("json"))
        *format = Format::Json;
    else
        return false;
    return true;
}

void ResultPrinter::begin()
{
    if (m_format == Format::Json)
        m_out << "{\"statements\": [";
}

void ResultPrinter::separateJsonStatement()
{
    if (m_statements++ > 0)
        m_out << ",";
    m_out << "\n  ";
}

void ResultPrinter::beginResult(const ColumnList &columns)
{
    m_columns = columns;
    m_firstBatch = true;
    m_firstJsonRow = true;
    switch (m_format) {
    case Format::Table:
        if (m_statements++ > 0)
            m_out << '\n';
        m_widths.clear();
        for (const Column &c : columns)
            m_widths << int(qMin(c.name.size(), qsizetype(maxTableWidth)));
        break;
    case Format::Csv: {
        if (m_statements++ > 0)
            m_out << '\n';
        QStringList names;
        for (const Column &c : columns)
            names << csvField(c.name);
        m_out << names.join(QLatin1Char(',')) << "\r\n";
        break;
    }
    case Format::Json: {
        separateJsonStatement();
        m_out << "{\"columns\": [";
        for (int i = 0; i < columns.size(); ++i) {
            m_out << (i ? ", " : "") << "{\"name\": " << jsonString(columns[i].name) << ", \"type\": "
                  << jsonString(columns[i].declaredType) << "}";
        }
        m_out << "], \"rows\": [";
        break;
    }
    }
}

void ResultPrinter::writeTableRow(const QStringList &cells)
{
    QString line;
    for (int i = 0; i < cells.size(); ++i) {
        if (i)
            line += QLatin1String(" | ");
        const bool numeric = i < m_columns.size()
                             && (m_columns[i].kind == ValueKind::Integer || m_columns[i].kind == ValueKind::Real);
        line += numeric ? cells[i].rightJustified(m_widths[i]) : cells[i].leftJustified(m_widths[i]);
    }
    while (line.endsWith(QLatin1Char(' ')))
        line.chop(1);
    m_out << line << '\n';
}

void ResultPrinter::addRows(const RowBatch &rows)
{
    switch (m_format) {
    case Format::Table: {
        if (m_firstBatch) {
            for (int r = 0; r < rows.rowCount(); ++r) {
                for (int c = 0; c < rows.columnCount(); ++c)
                    m_widths[c] = qMax(m_widths[c], int(tableCell(rows, r, c).size()));
            }
            QStringList header;
            QStringList rule;
            for (int c = 0; c < m_columns.size(); ++c) {
                header << m_columns[c].name;
                rule << QString(m_widths[c], QLatin1Char('-'));
            }
            writeTableRow(header);
            m_out << rule.join(QLatin1String("-+-")) << '\n';
        }
        for (int r = 0; r < rows.rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < rows.columnCount(); ++c)
                cells << tableCell(rows, r, c);
            writeTableRow(cells);
        }
        break;
    }
    case Format::Csv:
        for (int r = 0; r < rows.rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < rows.columnCount(); ++c)
                cells << (rows.isNull(r, c) ? QString() : csvField(rows.textAt(r, c)));
            m_out << cells.join(QLatin1Char(',')) << "\r\n";
        }
        break;
    case Format::Json:
        for (int r = 0; r < rows.rowCount(); ++r) {
            m_out << (m_firstJsonRow ? "\n    [" : ",\n    [");
            m_firstJsonRow = false;
            for (int c = 0; c < rows.columnCount(); ++c)
                m_out << (c ? ", " : "") << jsonValue(rows, r, c);
            m_out << ']';
        }
        break;
    }
    m_firstBatch = false;
}

QString ResultPrinter::jsonValue(const RowBatch &rows, int row, int column) const
{
    switch (rows.kindAt(row, column)) {
    case ValueKind::Null:
        return QStringLiteral("null");
    case ValueKind::Integer:
        return QString::number(rows.integerAt(row, column));
    case ValueKind::Boolean:
        return rows.integerAt(row, column) ? QStringLiteral("true") : QStringLiteral("false");
    case ValueKind::Real: {
        const double d = rows.realAt(row, column);
        if (!std::isfinite(d))
            return jsonString(QString::number(d));
        return QString::number(d, 'g', 17);
    }
    default:
        return jsonString(rows.textAt(row, column));
    }
}

void ResultPrinter::endResult(qint64 rowCount, bool truncated)
{
    switch (m_format) {
    case Format::Table:
        if (m_firstBatch) { // no rows: still show the header
            RowBatch empty(int(m_columns.size()));
            addRows(empty);
        }
        m_out << '(' << rowCount << (rowCount == 1 ? " row" : " rows") << (truncated ? ", truncated" : "") << ")\n";
        break;
    case Format::Csv:
        break;
    case Format::Json:
        m_out << (m_firstJsonRow ? "]" : "\n  ]") << ", \"rowCount\": " << rowCount
              << ", \"truncated\": " << (truncated ? "true" : "false") << "}";
        break;
    }
    m_out.flush();
}

void ResultPrinter::statementDone(qint64 rowsAffected)
{
    switch (m_format) {
    case Format::Json:
        separateJsonStatement();
        m_out << "{\"rowsAffected\": " << rowsAffected << "}";
        break;
    case Format::Table:
    case Format::Csv:
        break; // reported on stderr by the caller, so the output stays parseable
    }
}

void ResultPrinter::end()
{
    if (m_format == Format::Json)
        m_out << "\n]}\n";
    m_out.flush();
}

} // namespace dblearn::cli

#include "console/resultformatter.h"

#include "console/resultspool.h"

#include <QIODevice>
#include <QLocale>
#include <QRegularExpression>
#include <QThread>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace dblearn {

namespace {

bool needsCsvQuotes(const QByteArray &text)
{
    for (const char c : text) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r')
            return true;
    }
    return text.isEmpty();
}

void appendCsvQuoted(QByteArray &out, const QByteArray &text)
{
    out.append('"');
    for (const char c : text) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

void appendJsonString(QByteArray &out, const QByteArray &utf8)
{
    out.append('"');
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
            if (c < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out.append(buffer);
            } else {
                out.append(ch);
            }
        }
    }
    out.append('"');
}

QByteArray sqlQuoted(const QByteArray &utf8)
{
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('\'');
    for (const char c : utf8) {
        if (c == '\'')
            out.append('\'');
        out.append(c);
    }
    out.append('\'');
    return out;
}

} // namespace

ResultFormatter::ResultFormatter(Format format, const ColumnList &columns, const QList<int> &selectedColumns,
                                 const QString &tableName)
    : m_format(format), m_columns(columns), m_selected(selectedColumns), m_table(tableName)
{
    if (m_selected.isEmpty()) {
        for (int i = 0; i < columns.size(); ++i)
            m_selected.append(i);
    }
}

int ResultFormatter::formatReal(double value, char *buffer, int size)
{
    if (value == 0) { // and -0
        buffer[0] = '0';
        return 1;
    }
    const double magnitude = std::fabs(value);
    const bool plain = magnitude >= 1e-5 && magnitude < 1e16;
    const auto r = std::to_chars(buffer, buffer + size, value, plain ? std::chars_format::fixed : std::chars_format::scientific);
    return int(r.ptr - buffer);
}

QString ResultFormatter::realText(double value)
{
    char buffer[64];
    return QString::fromLatin1(buffer, formatReal(value, buffer, sizeof buffer));
}

QString ResultFormatter::quoteIdentifier(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (plain.match(name).hasMatch())
        return name;
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray ResultFormatter::header() const
{
    QByteArray out;
    switch (m_format) {
    case Format::Tsv:
    case Format::Csv: {
        const char sep = m_format == Format::Tsv ? '\t' : ',';
        for (int i = 0; i < m_selected.size(); ++i) {
            if (i)
                out.append(sep);
            const QByteArray name = m_columns[m_selected[i]].name.toUtf8();
            if (m_format == Format::Csv && needsCsvQuotes(name))
                appendCsvQuoted(out, name);
            else
                out.append(name);
        }
        out.append('\n');
        break;
    }
    case Format::Markdown: {
        out.append('|');
        for (int c : m_selected)
            out.append(' ').append(m_columns[c].name.toUtf8().replace('|', "\\|")).append(" |");
        out.append("\n|");
        for (int c : m_selected) {
            const ValueKind k = m_columns[c].kind;
            out.append(k == ValueKind::Integer || k == ValueKind::Real || k == ValueKind::Decimal ? " ---: |" : " --- |");
        }
        out.append('\n');
        break;
    }
    case Format::Json:
        out.append('[');
        break;
    case Format::SqlInsert:
        break;
    }
    return out;
}

QByteArray ResultFormatter::footer() const
{
    return m_format == Format::Json ? QByteArray(m_firstJsonRow ? "]\n" : "\n]\n") : QByteArray();
}

void ResultFormatter::appendValue(QByteArray &out, const RowBatch &rows, int row, int column) const
{
    const ValueKind kind = rows.kindAt(row, column);
    QByteArray text;
    switch (kind) {
    case ValueKind::Null:
        break;
    case ValueKind::Integer:
        out.append(QByteArray::number(rows.integerAt(row, column)));
        return;
    case ValueKind::Real: {
        char number[64];
        out.append(number, formatReal(rows.realAt(row, column), number, sizeof number));
        return;
    }
    case ValueKind::Boolean:
        out.append(rows.integerAt(row, column) ? (m_format == Format::SqlInsert ? "TRUE" : "true")
                                               : (m_format == Format::SqlInsert ? "FALSE" : "false"));
        return;
    case ValueKind::Blob:
        text = rows.bytesAt(row, column).toHex();
        break;
    default:
        text = rows.bytesAt(row, column);
        break;
    }
    switch (m_format) {
    case Format::Tsv:
        if (kind != ValueKind::Null)
            out.append(text.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n").replace('\r', "\\r"));
        break;
    case Format::Csv:
        if (kind == ValueKind::Null)
            break;
        if (needsCsvQuotes(text))
            appendCsvQuoted(out, text);
        else
            out.append(text);
        break;
    case Format::Markdown:
        out.append(kind == ValueKind::Null ? QByteArray("NULL")
                                           : text.replace('|', "\\|").replace("\r\n", "<br>").replace('\n', "<br>"));
        break;
    case Format::SqlInsert:
        if (kind == ValueKind::Null)
            out.append("NULL");
        else if (kind == ValueKind::Blob)
            out.append("X'").append(text).append('\'');
        else if (kind == ValueKind::Decimal)
            out.append(text);
        else
            out.append(sqlQuoted(text));
        break;
    case Format::Json:
        if (kind == ValueKind::Null)
            out.append("null");
        else if (kind == ValueKind::Json)
            out.append(text); // already JSON
        else
            appendJsonString(out, text);
        break;
    }
}

void ResultFormatter::appendRows(QByteArray &out, const RowBatch &rows, int first, int last)
{
    QByteArray insertHead;
    if (m_format == Format::SqlInsert) {
        insertHead = "INSERT INTO " + quoteIdentifier(m_table).toUtf8() + " (";
        for (int i = 0; i < m_selected.size(); ++i)
            insertHead.append(i ? ", " : "").append(quoteIdentifier(m_columns[m_selected[i]].name).toUtf8());
        insertHead.append(") VALUES (");
    }
    for (int r = first; r <= last; ++r) {
        switch (m_format) {
        case Format::Tsv:
        case Format::Csv: {
            const char sep = m_format == Format::Tsv ? '\t' : ',';
            for (int i = 0; i < m_selected.size(); ++i) {
                if (i)
                    out.append(sep);
                appendValue(out, rows, r, m_selected[i]);
            }
            out.append('\n');
            break;
        }
        case Format::Markdown:
            out.append('|');
            for (int c : m_selected) {
                out.append(' ');
                appendValue(out, rows, r, c);
                out.append(" |");
            }
            out.append('\n');
            break;
        case Format::SqlInsert:
            out.append(insertHead);
            for (int i = 0; i < m_selected.size(); ++i) {
                if (i)
                    out.append(", ");
                appendValue(out, rows, r, m_selected[i]);
            }
            out.append(");\n");
            break;
        case Format::Json:
            out.append(m_firstJsonRow ? "\n{" : ",\n{");
            m_firstJsonRow = false;
            for (int i = 0; i < m_selected.size(); ++i) {
                if (i)
                    out.append(", ");
                appendJsonString(out, m_columns[m_selected[i]].name.toUtf8());
                out.append(": ");
                appendValue(out, rows, r, m_selected[i]);
            }
            out.append('}');
            break;
        }
    }
}

bool ResultFormatter::appendCsvFromEncoded(QByteArray &out, const QByteArray &block, int columnCount, int rows)
{
    const char *p = block.constData();
    const char *end = p + block.size();
    char number[64];
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columnCount; ++c) {
            if (c)
                out.append(',');
            if (p >= end)
                return false;
            const auto kind = ValueKind(quint8(*p++));
            switch (kind) {
            case ValueKind::Null:
                break;
            case ValueKind::Integer:
            case ValueKind::Boolean: {
                qint64 v = 0;
                if (end - p < 8)
                    return false;
                std::memcpy(&v, p, 8);
                p += 8;
                if (kind == ValueKind::Boolean) {
                    out.append(v ? "true" : "false");
                } else {
                    const auto r = std::to_chars(number, number + sizeof number, v);
                    out.append(number, r.ptr - number);
                }
                break;
            }
            case ValueKind::Real: {
                double v = 0;
                if (end - p < 8)
                    return false;
                std::memcpy(&v, p, 8);
                p += 8;
                out.append(number, formatReal(v, number, sizeof number));
                break;
            }
            default: {
                quint32 size = 0;
                if (end - p < 4)
                    return false;
                std::memcpy(&size, p, 4);
                p += 4;
                if (end - p < qsizetype(size))
                    return false;
                const QByteArray text = QByteArray::fromRawData(p, qsizetype(size));
                p += size;
                if (kind == ValueKind::Blob)
                    out.append(text.toHex());
                else if (needsCsvQuotes(text))
                    appendCsvQuoted(out, text);
                else
                    out.append(text);
                break;
            }
            }
        }
        out.append('\n');
    }
    return p == end;
}

bool ResultFormatter::exportSpool(const ResultSpool &spool, Format format, QIODevice *device,
                                  const std::atomic<bool> &cancel, const std::function<void(qint64)> &progress,
                                  QString *error)
{
    ResultFormatter formatter(format, spool.columns());
    QByteArray buffer = formatter.header();
    buffer.reserve(1 << 20);
    qint64 written = 0;
    int block = 0;
    auto flush = [&] {
        if (device->write(buffer) != buffer.size()) {
            *error = QStringLiteral("cannot write the export: %1").arg(device->errorString());
            return false;
        }
        buffer.truncate(0); // keeps the capacity for the next chunk
        return true;
    };
    for (;;) {
        if (cancel.load()) {
            *error = QStringLiteral("export cancelled");
            return false;
        }
        if (block >= spool.blockCount()) {
            if (spool.isFinished() && block >= spool.blockCount())
                break;
            QThread::msleep(20); // rows still arriving
            continue;
        }
        QString readError;
        if (format == Format::Csv) {
            int rows = 0;
            const QByteArray bytes = spool.readBlockBytes(block, &rows, &readError);
            if (readError.isEmpty() && !appendCsvFromEncoded(buffer, bytes, int(spool.columns().size()), rows))
                readError = QStringLiteral("the stored result is damaged (block %1)").arg(block);
            if (!readError.isEmpty()) {
                *error = readError;
                return false;
            }
            written += rows;
        } else {
            const RowBatch rows = spool.readBlock(block, &readError);
            if (!readError.isEmpty()) {
                *error = readError;
                return false;
            }
            formatter.appendRows(buffer, rows, 0, rows.rowCount() - 1);
            written += rows.rowCount();
        }
        ++block;
        if (buffer.size() >= (1 << 20) && !flush())
            return false;
        if (progress)
            progress(written);
    }
    buffer.append(formatter.footer());
    return flush();
}

} // namespace dblearn

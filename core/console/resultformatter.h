#pragma once

#include "backends/column.h"
#include "backends/rowbatch.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

class QIODevice;

namespace dblearn {

class ResultSpool;

// Writes result rows as text: the grid's "Copy as" formats and the whole-result exports.
//   Tsv       tab-separated, a header line; NULL empty, tabs and newlines as \t \n
//   Csv       RFC 4180 with a header; NULL is an empty field, an empty string is ""
//   Markdown  a GitHub table; NULL shown as NULL, | and newlines escaped
//   SqlInsert one INSERT INTO <table> (...) VALUES (...); per row
//   Json      an array of objects; NULL is null, BLOBs hex strings, decimals strings (exact)
class ResultFormatter final
{
public:
    enum class Format { Tsv, Csv, Markdown, SqlInsert, Json };

    ResultFormatter(Format format, const ColumnList &columns, const QList<int> &selectedColumns = {},
                    const QString &tableName = QStringLiteral("result"));

    QByteArray header() const;
    // Appends rows [first, last] of `rows`.
    void appendRows(QByteArray &out, const RowBatch &rows, int first, int last);
    QByteArray footer() const;

    // Writes every row of `spool` (waiting for rows still arriving) to `device`. `progress` is
    // called after each block with the rows written so far; export stops when `cancel` is set.
    static bool exportSpool(const ResultSpool &spool, Format format, QIODevice *device, const std::atomic<bool> &cancel,
                            const std::function<void(qint64 written)> &progress, QString *error);

    // The shortest form that reads back the same: plain digits from 1e-5 to 1e16, else 1.5e+20.
    static QString realText(double value);
    static int formatReal(double value, char *buffer, int size); // the same, as Latin-1 bytes
    static QString quoteIdentifier(const QString &name);

    // CSV straight from a stored block (ResultSpool::encode's form), without building a RowBatch:
    // the export's fast path. False when the block is damaged.
    static bool appendCsvFromEncoded(QByteArray &out, const QByteArray &block, int columnCount, int rows);

private:
    void appendValue(QByteArray &out, const RowBatch &rows, int row, int column) const;

    Format m_format;
    ColumnList m_columns;
    QList<int> m_selected;
    QString m_table;
    bool m_firstJsonRow = true;
};

} // namespace dblearn

#pragma once

#include "backends/column.h"
#include "backends/rowbatch.h"

#include <QTextStream>

namespace dblearn::cli {

// Writes query results as an aligned text table, CSV (RFC 4180) or JSON, streaming: rows are
// written as they arrive, never collected whole (the table format measures column widths on the
// first batch only).
class ResultPrinter final
{
public:
    enum class Format { Table, Csv, Json };

    ResultPrinter(QTextStream &out, Format format);

    void begin();                                     // before the first statement
    void beginResult(const ColumnList &columns);      // a statement with rows
    void addRows(const RowBatch &rows);
    void endResult(qint64 rowCount, bool truncated);
    void statementDone(qint64 rowsAffected);          // a statement without rows
    void end();                                       // after the last statement

    static bool parseFormat(const QString &name, Format *format);

private:
    void writeTableRow(const QStringList &cells);
    QString jsonValue(const RowBatch &rows, int row, int column) const;
    void separateJsonStatement();

    QTextStream &m_out;
    Format m_format;
    ColumnList m_columns;
    QList<int> m_widths;
    bool m_firstBatch = true;
    bool m_firstJsonRow = true;
    int m_statements = 0;
};

} // namespace dblearn::cli

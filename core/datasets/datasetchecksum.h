#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace dblearn {

class DatabaseConnection;
class DatasetGenerator;
class RowBatch;

struct TableChecksum {
    QString table;
    qint64 rows = 0;
    quint64 hash = 0; // order-independent: the sum of the rows' hashes
};

// Row counts and an order-independent checksum of a dataset's tables as a database holds them,
// for comparing engines and runs. Values are normalised first so that engines agree: numbers by
// value (20, 20.0 and DECIMAL '20.00' are equal), booleans as 0/1, timestamps as
// 'YYYY-MM-DD HH:MM:SS' (no 'T', no zero fraction).
class DatasetChecksum final
{
public:
    // Reads every row of every table of `generator` (SELECT of the declared columns).
    // Returns an invalid checksum and fills *error when a table cannot be read.
    static DatasetChecksum compute(DatabaseConnection &connection, const DatasetGenerator &generator, QString *error);

    bool isValid() const { return m_valid; }
    const QList<TableChecksum> &tables() const { return m_tables; }
    qint64 rowCount(const QString &table) const; // -1 when not a table of the dataset
    quint64 value() const;                        // all tables combined
    QString toString() const;                     // value() as 16 hex digits

    // The canonical text of one value (exposed for tests).
    static QByteArray normalizedValue(const RowBatch &batch, int row, int column);

    bool operator==(const DatasetChecksum &other) const { return value() == other.value(); }
    bool operator!=(const DatasetChecksum &other) const { return !(*this == other); }

private:
    bool m_valid = false;
    QList<TableChecksum> m_tables;
};

} // namespace dblearn

#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace dblearn {

struct HistoryEntry {
    QDateTime when;
    QString connection; // what it ran on, as shown to the learner (no password)
    QString sql;
    qint64 durationMs = 0;
    bool ok = false;
    QString outcome;    // "42 rows", "3 rows affected", or the error message
};

// The statements the console ran, newest last, kept in a JSON-lines file (one entry a line, so
// appending is cheap and a damaged line loses only itself). At most maxEntries are kept.
class HistoryStore final
{
public:
    explicit HistoryStore(const QString &filePath, int maxEntries = 5000);

    static QString defaultFilePath();

    bool load(QString *error = nullptr);
    bool append(const HistoryEntry &entry, QString *error = nullptr);
    bool clear(QString *error = nullptr);

    const QList<HistoryEntry> &entries() const { return m_entries; }
    // Entries whose SQL or outcome contains every word of `query` (case-insensitive), newest first.
    QList<HistoryEntry> search(const QString &query, int limit = 500) const;

private:
    bool rewrite(QString *error);

    QString m_filePath;
    int m_maxEntries = 5000;
    QList<HistoryEntry> m_entries;
};

} // namespace dblearn

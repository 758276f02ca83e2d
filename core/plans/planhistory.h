#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace dblearn {

// One EXPLAIN of a statement, as the engine returned it.
struct PlanRun {
    QDateTime when;
    QString title;   // "PostgreSQL · EXPLAIN ANALYZE · 14:02:11"
    QByteArray text; // the plan text, parsed again when opened
};

// The plans explained for each query in a session, so "add an index and explain again" can be
// compared with the run before. Queries are told apart by their text with whitespace collapsed
// and a trailing semicolon dropped. Keeps the last `maxRunsPerQuery` runs of each query.
class PlanHistory final
{
public:
    static constexpr int maxRunsPerQuery = 20;

    static QString key(const QString &sql);
    void record(const QString &sql, const PlanRun &run);
    // Oldest first.
    QList<PlanRun> runs(const QString &sql) const { return m_runs.value(key(sql)); }
    int queryCount() const { return int(m_runs.size()); }

private:
    QHash<QString, QList<PlanRun>> m_runs;
};

} // namespace dblearn

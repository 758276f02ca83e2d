#include "console/historystore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace dblearn {

namespace {

QByteArray toLine(const HistoryEntry &e)
{
    const QJsonObject o{{QStringLiteral("when"), e.when.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("connection"), e.connection},
                        {QStringLiteral("sql"), e.sql},
                        {QStringLiteral("ms"), double(e.durationMs)},
                        {QStringLiteral("ok"), e.ok},
                        {QStringLiteral("outcome"), e.outcome}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

HistoryStore::HistoryStore(const QString &filePath, int maxEntries) : m_filePath(filePath), m_maxEntries(maxEntries) {}

QString HistoryStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/console-history.jsonl");
}

bool HistoryStore::load(QString *error)
{
    m_entries.clear();
    QFile file(m_filePath);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (!o.contains(QStringLiteral("sql")))
            continue; // a damaged line (a crash mid-write) costs only itself
        HistoryEntry e;
        e.when = QDateTime::fromString(o.value(QStringLiteral("when")).toString(), Qt::ISODateWithMs);
        e.connection = o.value(QStringLiteral("connection")).toString();
        e.sql = o.value(QStringLiteral("sql")).toString();
        e.durationMs = qint64(o.value(QStringLiteral("ms")).toDouble());
        e.ok = o.value(QStringLiteral("ok")).toBool();
        e.outcome = o.value(QStringLiteral("outcome")).toString();
        m_entries.append(e);
    }
    if (m_entries.size() > m_maxEntries)
        m_entries = m_entries.mid(m_entries.size() - m_maxEntries);
    return true;
}

bool HistoryStore::append(const HistoryEntry &entry, QString *error)
{
    m_entries.append(entry);
    if (m_entries.size() > m_maxEntries + m_maxEntries / 10) { // trim now and then, not every time
        m_entries = m_entries.mid(m_entries.size() - m_maxEntries);
        return rewrite(error);
    }
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QFile file(m_filePath);
    if (!file.open(QIODevice::Append) || file.write(toLine(entry)) < 0) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    return true;
}

bool HistoryStore::clear(QString *error)
{
    m_entries.clear();
    return rewrite(error);
}

bool HistoryStore::rewrite(QString *error)
{
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (file.open(QIODevice::WriteOnly)) {
        for (const HistoryEntry &e : std::as_const(m_entries))
            file.write(toLine(e));
        if (file.commit())
            return true;
    }
    if (error)
        *error = QStringLiteral("cannot write %1: %2").arg(m_filePath, file.errorString());
    return false;
}

QList<HistoryEntry> HistoryStore::search(const QString &query, int limit) const
{
    const QStringList words = query.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<HistoryEntry> found;
    for (auto it = m_entries.crbegin(); it != m_entries.crend() && found.size() < limit; ++it) {
        bool all = true;
        for (const QString &w : words) {
            if (!it->sql.contains(w, Qt::CaseInsensitive) && !it->outcome.contains(w, Qt::CaseInsensitive)) {
                all = false;
                break;
            }
        }
        if (all)
            found.append(*it);
    }
    return found;
}

} // namespace dblearn

#include "cost/worksheetautosave.h"

#include "cost/worksheetfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace dblearn {

namespace {
bool validId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]+$"));
    return pattern.match(id).hasMatch();
}
} // namespace

WorksheetAutosave::WorksheetAutosave(const QString &directory)
    : m_directory(directory.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/worksheet-autosave")
                      : directory)
{
}

bool WorksheetAutosave::write(const QString &id, const Worksheet &worksheet, const QString &originalPath,
                              QString *error) const
{
    if (!validId(id)) {
        *error = QStringLiteral("invalid autosave id");
        return false;
    }
    QDir().mkpath(m_directory);
    QJsonObject root = WorksheetFile::toJson(worksheet);
    root.insert(QStringLiteral("autosave"),
                QJsonObject{{QStringLiteral("originalPath"), originalPath},
                            {QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    QSaveFile file(m_directory + QLatin1Char('/') + id + QStringLiteral(".json"));
    const QByteArray data = QJsonDocument(root).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void WorksheetAutosave::remove(const QString &id) const
{
    if (validId(id))
        QFile::remove(m_directory + QLatin1Char('/') + id + QStringLiteral(".json"));
}

QList<WorksheetAutosave::Pending> WorksheetAutosave::pending() const
{
    QList<Pending> list;
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Time)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject autosave = root.value(QLatin1String("autosave")).toObject();
        Pending p;
        p.id = name.chopped(5);
        p.file = dir.filePath(name);
        p.originalPath = autosave.value(QLatin1String("originalPath")).toString();
        p.title = root.value(QLatin1String("title")).toString();
        p.savedAt = QDateTime::fromString(autosave.value(QLatin1String("savedAt")).toString(), Qt::ISODate);
        list << p;
    }
    return list;
}

bool WorksheetAutosave::recover(const Pending &pending, Worksheet *out, QString *error) const
{
    return WorksheetFile::load(pending.file, out, error);
}

} // namespace dblearn

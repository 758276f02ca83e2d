#include "curriculum/curriculum.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace dblearn {

bool Curriculum::load(const QString &filePath, QString *error)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the curriculum %1: %2").arg(filePath, file.errorString());
        return false;
    }
    if (!loadFromJson(file.readAll(), error)) {
        *error = filePath + QLatin1String(": ") + *error;
        return false;
    }
    return true;
}

bool Curriculum::loadFromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("invalid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("dblearn-curriculum")) {
        *error = QStringLiteral("not a curriculum file (\"format\" must be \"dblearn-curriculum\")");
        return false;
    }
    QList<CurriculumLevel> levels;
    QList<LessonEntry> lessons;
    QSet<QString> paths;
    const QJsonArray levelArray = root.value(QLatin1String("levels")).toArray();
    for (const QJsonValue &lv : levelArray) {
        const QJsonObject lo = lv.toObject();
        CurriculumLevel level;
        level.number = lo.value(QLatin1String("number")).toInt();
        level.title = lo.value(QLatin1String("title")).toString();
        const QJsonArray sectionArray = lo.value(QLatin1String("sections")).toArray();
        for (const QJsonValue &sv : sectionArray) {
            const QJsonObject so = sv.toObject();
            CurriculumSection section;
            section.title = so.value(QLatin1String("title")).toString();
            const QJsonArray lessonArray = so.value(QLatin1String("lessons")).toArray();
            for (const QJsonValue &ev : lessonArray) {
                const QJsonObject eo = ev.toObject();
                LessonEntry entry;
                entry.path = eo.value(QLatin1String("path")).toString();
                entry.title = eo.value(QLatin1String("title")).toString();
                entry.description = eo.value(QLatin1String("description")).toString();
                entry.level = int(levels.size());
                entry.section = int(level.sections.size());
                if (entry.path.isEmpty() || entry.title.isEmpty() || entry.path.contains(QLatin1String(".."))
                    || entry.path.startsWith(QLatin1Char('/'))) {
                    *error = QStringLiteral("lesson %1 of section \"%2\" has a missing or unsafe path or title")
                                 .arg(section.lessons.size() + 1)
                                 .arg(section.title);
                    return false;
                }
                if (paths.contains(entry.path)) {
                    *error = QStringLiteral("lesson path %1 is listed twice").arg(entry.path);
                    return false;
                }
                paths.insert(entry.path);
                section.lessons << int(lessons.size());
                lessons << entry;
            }
            level.sections << section;
        }
        levels << level;
    }
    if (lessons.isEmpty()) {
        *error = QStringLiteral("the curriculum lists no lessons");
        return false;
    }
    m_levels = levels;
    m_lessons = lessons;
    return true;
}

int Curriculum::indexOf(const QString &path) const
{
    for (int i = 0; i < m_lessons.size(); ++i) {
        if (m_lessons[i].path == path)
            return i;
    }
    return -1;
}

const LessonEntry *Curriculum::find(const QString &path) const
{
    const int i = indexOf(path);
    return i < 0 ? nullptr : &m_lessons[i];
}

} // namespace dblearn

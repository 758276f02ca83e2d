#pragma once

#include <QList>
#include <QString>

namespace dblearn {

struct LessonEntry {
    QString path; // relative to content/, the lesson's identity ("01_foundations/01_acid_properties.md")
    QString title;
    QString description;
    int level = 0;   // index into Curriculum::levels()
    int section = 0; // index into Level::sections
};

struct CurriculumSection {
    QString title;
    QList<int> lessons; // indexes into Curriculum::lessons()
};

struct CurriculumLevel {
    int number = 0;
    QString title;
    QList<CurriculumSection> sections;
};

// The learning path: levels, their sections and the lessons in order, read from
// content/curriculum.json.
class Curriculum final
{
public:
    bool load(const QString &filePath, QString *error);
    bool loadFromJson(const QByteArray &json, QString *error);

    const QList<CurriculumLevel> &levels() const { return m_levels; }
    const QList<LessonEntry> &lessons() const { return m_lessons; }
    int indexOf(const QString &path) const; // -1 when unknown
    const LessonEntry *find(const QString &path) const;

private:
    QList<CurriculumLevel> m_levels;
    QList<LessonEntry> m_lessons;
};

} // namespace dblearn

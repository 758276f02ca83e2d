#pragma once

#include <QStandardItemModel>

namespace dblearn {

class Curriculum;
class LessonLibrary;

// Levels → sections → lessons, as the curriculum lists them. Lessons whose file does not exist
// yet are shown greyed out as "not written yet".
class CurriculumModel final : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role { LessonPathRole = Qt::UserRole + 1, WrittenRole, KindRole };
    enum Kind { LevelItem, SectionItem, LessonItem };

    explicit CurriculumModel(QObject *parent = nullptr);

    void setCurriculum(const Curriculum &curriculum, const LessonLibrary &library);
    QModelIndex indexForLesson(const QString &lessonPath) const;
    int writtenCount() const { return m_written; }
    int lessonCount() const { return m_lessons; }

private:
    int m_written = 0;
    int m_lessons = 0;
};

} // namespace dblearn

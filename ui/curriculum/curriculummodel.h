#pragma once

#include <QStandardItemModel>

namespace dblearn {

class Curriculum;
class LessonLibrary;
struct LessonProgress;

// Levels → sections → lessons, as the curriculum lists them. Lessons whose file does not exist
// yet are shown greyed out as "not written yet".
class CurriculumModel final : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role { LessonPathRole = Qt::UserRole + 1, WrittenRole, KindRole, TitleRole, StateRole };
    enum LessonState { Unread, Read, Practised };
    enum Kind { LevelItem, SectionItem, LessonItem };

    explicit CurriculumModel(QObject *parent = nullptr);

    void setCurriculum(const Curriculum &curriculum, const LessonLibrary &library);
    // Marks each lesson unread, read or practised (an exercise passed), and each section and
    // level with the share of its written lessons read.
    void setProgress(const QList<LessonProgress> &progress);
    QModelIndex indexForLesson(const QString &lessonPath) const;
    int writtenCount() const { return m_written; }
    int lessonCount() const { return m_lessons; }

private:
    int m_written = 0;
    int m_lessons = 0;
};

} // namespace dblearn

#include "curriculummodel.h"

#include "curriculum/curriculum.h"
#include "lessons/lessonlibrary.h"

#include <QApplication>
#include <QPalette>

namespace dblearn {

CurriculumModel::CurriculumModel(QObject *parent) : QStandardItemModel(parent) {}

void CurriculumModel::setCurriculum(const Curriculum &curriculum, const LessonLibrary &library)
{
    clear();
    m_written = 0;
    m_lessons = 0;
    const QColor muted = QApplication::palette().color(QPalette::Disabled, QPalette::Text);
    for (const CurriculumLevel &level : curriculum.levels()) {
        auto *levelItem = new QStandardItem(tr("Level %1: %2").arg(level.number).arg(level.title));
        levelItem->setData(LevelItem, KindRole);
        levelItem->setEditable(false);
        for (const CurriculumSection &section : level.sections) {
            auto *sectionItem = new QStandardItem(section.title);
            sectionItem->setData(SectionItem, KindRole);
            sectionItem->setEditable(false);
            for (int index : section.lessons) {
                const LessonEntry &lesson = curriculum.lessons()[index];
                const bool written = library.exists(lesson.path);
                auto *item = new QStandardItem(lesson.title);
                item->setEditable(false);
                item->setData(LessonItem, KindRole);
                item->setData(lesson.path, LessonPathRole);
                item->setData(written, WrittenRole);
                QString tip = lesson.description + QLatin1String("\n") + lesson.path;
                if (!written) {
                    item->setForeground(muted);
                    tip += QLatin1Char('\n') + tr("Not written yet");
                    item->setText(tr("%1 (not written yet)").arg(lesson.title));
                }
                item->setToolTip(tip);
                sectionItem->appendRow(item);
                ++m_lessons;
                m_written += written ? 1 : 0;
            }
            levelItem->appendRow(sectionItem);
        }
        appendRow(levelItem);
    }
}

QModelIndex CurriculumModel::indexForLesson(const QString &lessonPath) const
{
    const QModelIndexList found =
        match(index(0, 0), LessonPathRole, lessonPath, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

} // namespace dblearn

#include "curriculummodel.h"

#include "curriculum/curriculum.h"
#include "lessons/lessonlibrary.h"
#include "progress/progressstore.h"

#include <QHash>
#include <QPainter>

#include <QApplication>
#include <QPalette>

namespace dblearn {

namespace {

QIcon stateIcon(int state)
{
    static QIcon icons[3];
    if (icons[state].isNull()) {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor colour = state == CurriculumModel::Practised ? QColor(0x2e, 0x9e, 0x4f)
                              : state == CurriculumModel::Read    ? QColor(0x3b, 0x7d, 0xd8)
                                                                  : QColor(0x9a, 0x9a, 0x9a);
        painter.setPen(QPen(colour, 1.6));
        painter.setBrush(state == CurriculumModel::Unread ? QBrush(Qt::NoBrush) : QBrush(colour));
        painter.drawEllipse(QRectF(3, 3, 10, 10));
        if (state == CurriculumModel::Practised) {
            painter.setPen(QPen(Qt::white, 1.8));
            painter.drawPolyline(QPolygonF({QPointF(5.5, 8), QPointF(7.5, 10), QPointF(10.5, 6)}));
        }
        icons[state] = QIcon(pixmap);
    }
    return icons[state];
}

} // namespace

CurriculumModel::CurriculumModel(QObject *parent) : QStandardItemModel(parent) {}

void CurriculumModel::setProgress(const QList<LessonProgress> &progress)
{
    QHash<QString, int> states;
    for (const LessonProgress &p : progress)
        states.insert(p.lessonPath, p.exercisesPassed > 0 ? Practised : (p.read ? Read : Unread));
    auto percent = [](int done, int total) { return total ? (100 * done + total / 2) / total : 0; };
    for (int l = 0; l < rowCount(); ++l) {
        QStandardItem *levelItem = item(l);
        int levelDone = 0;
        int levelWritten = 0;
        for (int s = 0; s < levelItem->rowCount(); ++s) {
            QStandardItem *sectionItem = levelItem->child(s);
            int done = 0;
            int written = 0;
            for (int i = 0; i < sectionItem->rowCount(); ++i) {
                QStandardItem *lesson = sectionItem->child(i);
                if (!lesson->data(WrittenRole).toBool())
                    continue;
                const int state = states.value(lesson->data(LessonPathRole).toString(), Unread);
                if (lesson->data(StateRole).toInt() != state) {
                    lesson->setData(state, StateRole);
                    lesson->setIcon(stateIcon(state));
                }
                ++written;
                done += state != Unread ? 1 : 0;
            }
            sectionItem->setText(written ? tr("%1 — %2%").arg(sectionItem->data(TitleRole).toString()).arg(percent(done, written))
                                         : sectionItem->data(TitleRole).toString());
            levelDone += done;
            levelWritten += written;
        }
        levelItem->setText(levelWritten ? tr("%1 — %2%").arg(levelItem->data(TitleRole).toString()).arg(percent(levelDone, levelWritten))
                                        : levelItem->data(TitleRole).toString());
    }
}

void CurriculumModel::setCurriculum(const Curriculum &curriculum, const LessonLibrary &library)
{
    clear();
    m_written = 0;
    m_lessons = 0;
    const QColor muted = QApplication::palette().color(QPalette::Disabled, QPalette::Text);
    for (const CurriculumLevel &level : curriculum.levels()) {
        const QString levelTitle = tr("Level %1: %2").arg(level.number).arg(level.title);
        auto *levelItem = new QStandardItem(levelTitle);
        levelItem->setData(levelTitle, TitleRole);
        levelItem->setData(LevelItem, KindRole);
        levelItem->setEditable(false);
        for (const CurriculumSection &section : level.sections) {
            auto *sectionItem = new QStandardItem(section.title);
            sectionItem->setData(section.title, TitleRole);
            sectionItem->setData(SectionItem, KindRole);
            sectionItem->setEditable(false);
            for (int index : section.lessons) {
                const LessonEntry &lesson = curriculum.lessons()[index];
                const bool written = library.exists(lesson.path);
                auto *item = new QStandardItem(lesson.title);
                item->setData(lesson.title, TitleRole);
                item->setData(Unread, StateRole);
                if (written)
                    item->setIcon(stateIcon(Unread));
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

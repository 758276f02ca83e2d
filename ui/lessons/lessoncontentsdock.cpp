#include "lessoncontentsdock.h"

#include "lessons/renderedlesson.h"

#include <QListWidget>

namespace dblearn {

LessonContentsDock::LessonContentsDock(QWidget *parent) : QDockWidget(tr("Contents"), parent)
{
    setObjectName(QStringLiteral("LessonContentsDock"));
    m_list = new QListWidget(this);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    setWidget(m_list);
    auto activate = [this](QListWidgetItem *item) { emit headingActivated(item->data(Qt::UserRole).toString()); };
    connect(m_list, &QListWidget::itemActivated, this, activate);
    connect(m_list, &QListWidget::itemClicked, this, activate);
}

void LessonContentsDock::setHeadings(const QList<Heading> &headings)
{
    m_list->clear();
    for (const Heading &heading : headings) {
        if (heading.level > 3)
            continue; // the contents stay short: levels 1 to 3
        auto *item = new QListWidgetItem(QString(2 * qMax(0, heading.level - 1), QLatin1Char(' ')) + heading.text, m_list);
        item->setData(Qt::UserRole, heading.anchor);
        if (heading.level == 1) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    }
}

} // namespace dblearn

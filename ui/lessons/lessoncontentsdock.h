#pragma once

#include <QDockWidget>

class QListWidget;

namespace dblearn {

struct Heading;

// The open lesson's headings; a click scrolls the page to one.
class LessonContentsDock final : public QDockWidget
{
    Q_OBJECT
public:
    explicit LessonContentsDock(QWidget *parent = nullptr);

    void setHeadings(const QList<Heading> &headings);

signals:
    void headingActivated(const QString &anchor);

private:
    QListWidget *m_list;
};

} // namespace dblearn

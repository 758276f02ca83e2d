#pragma once

#include <QDockWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace dblearn {

class CurriculumModel;

// The learning path as a tree, with a filter box. Enter or a click opens a lesson.
class CurriculumDock final : public QDockWidget
{
    Q_OBJECT
public:
    explicit CurriculumDock(CurriculumModel *model, QWidget *parent = nullptr);

    void selectLesson(const QString &lessonPath);
    void focusFilter();

signals:
    void lessonActivated(const QString &lessonPath);

private:
    void activate(const QModelIndex &proxyIndex);

    CurriculumModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_tree;
};

} // namespace dblearn

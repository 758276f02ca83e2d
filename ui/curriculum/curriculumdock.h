#pragma once

#include <QDockWidget>

class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QTreeView;

namespace dblearn {

class CurriculumModel;
class LessonSearchIndex;

// The learning path as a tree, with a search box: typing filters the tree by title and, with a
// search index, lists matching sections of every lesson with a snippet (search as you type).
// Enter or a click opens a lesson (at the matching heading).
class CurriculumDock final : public QDockWidget
{
    Q_OBJECT
public:
    explicit CurriculumDock(CurriculumModel *model, QWidget *parent = nullptr);

    void setSearchIndex(const LessonSearchIndex *index);

    void selectLesson(const QString &lessonPath);
    void focusFilter();

signals:
    void lessonActivated(const QString &lessonPath, const QString &anchor = {});

private:
    void activate(const QModelIndex &proxyIndex);
    void updateSearch(const QString &text);

    CurriculumModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    QListWidget *m_hits;
    const LessonSearchIndex *m_index = nullptr;
};

} // namespace dblearn

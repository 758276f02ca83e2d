#include "curriculumdock.h"

#include "curriculummodel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace dblearn {

CurriculumDock::CurriculumDock(CurriculumModel *model, QWidget *parent)
    : QDockWidget(tr("Curriculum"), parent), m_model(model)
{
    setObjectName(QStringLiteral("CurriculumDock"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);

    m_filter = new QLineEdit(content);
    m_filter->setPlaceholderText(tr("Filter lessons"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterRole(Qt::DisplayRole);

    m_tree = new QTreeView(content);
    m_tree->setModel(m_proxy);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_tree);
    setWidget(content);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });
    connect(m_tree, &QTreeView::activated, this, &CurriculumDock::activate);
    connect(m_tree, &QTreeView::clicked, this, &CurriculumDock::activate);
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        // Enter in the filter opens the first matching lesson.
        QModelIndex index = m_proxy->index(0, 0);
        while (index.isValid() && m_proxy->hasChildren(index))
            index = m_proxy->index(0, 0, index);
        if (index.isValid()) {
            m_tree->setCurrentIndex(index);
            activate(index);
        }
    });
}

void CurriculumDock::activate(const QModelIndex &proxyIndex)
{
    const QString path = proxyIndex.data(CurriculumModel::LessonPathRole).toString();
    if (!path.isEmpty())
        emit lessonActivated(path);
}

void CurriculumDock::selectLesson(const QString &lessonPath)
{
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->indexForLesson(lessonPath));
    if (!proxyIndex.isValid())
        return;
    m_tree->setCurrentIndex(proxyIndex);
    m_tree->scrollTo(proxyIndex);
}

void CurriculumDock::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

} // namespace dblearn

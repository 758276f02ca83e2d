#include "curriculumdock.h"

#include "curriculummodel.h"

#include "search/lessonsearchindex.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
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
    m_filter->setPlaceholderText(tr("Search lessons (Ctrl+K)"));
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
    layout->addWidget(m_tree, 3);

    m_hits = new QListWidget(content);
    m_hits->setWordWrap(true);
    m_hits->setUniformItemSizes(false);
    m_hits->setTextElideMode(Qt::ElideRight);
    m_hits->hide();
    layout->addWidget(m_hits, 2);
    setWidget(content);
    connect(m_hits, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit lessonActivated(item->data(Qt::UserRole).toString(), item->data(Qt::UserRole + 1).toString());
    });
    connect(m_hits, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        emit lessonActivated(item->data(Qt::UserRole).toString(), item->data(Qt::UserRole + 1).toString());
    });

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_tree->expandAll();
        updateSearch(text);
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

void CurriculumDock::setSearchIndex(const LessonSearchIndex *index)
{
    m_index = index;
    updateSearch(m_filter->text());
}

void CurriculumDock::updateSearch(const QString &text)
{
    m_hits->clear();
    if (!m_index || text.trimmed().size() < 2) {
        m_hits->hide();
        m_tree->show();
        return;
    }
    const QList<SearchHit> hits = m_index->search(text, 50);
    for (const SearchHit &hit : hits) {
        QString snippet = hit.snippet;
        snippet.replace(QLatin1String("[["), QString()).replace(QLatin1String("]]"), QString());
        const QString where = hit.heading.isEmpty() ? hit.lessonTitle : hit.lessonTitle + QStringLiteral(" › ") + hit.heading;
        auto *item = new QListWidgetItem(where + QLatin1Char('\n') + snippet, m_hits);
        item->setToolTip(snippet);
        item->setData(Qt::UserRole, hit.lessonPath);
        item->setData(Qt::UserRole + 1, hit.anchor);
    }
    if (hits.isEmpty())
        new QListWidgetItem(tr("No section of a written lesson matches."), m_hits);
    m_hits->show();
    m_tree->setVisible(m_proxy->rowCount() > 0); // no title matches: give the room to the sections
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

#include "historydock.h"

#include "console/historystore.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dblearn {

namespace {
const QString keySnippets = QStringLiteral("console/snippets");
constexpr int SqlRole = Qt::UserRole + 1;
} // namespace

HistoryDock::HistoryDock(HistoryStore *history, QWidget *parent)
    : QDockWidget(tr("History"), parent), m_history(history), m_search(new QLineEdit(this)),
      m_tree(new QTreeWidget(this)), m_snippets(new QListWidget(this))
{
    setObjectName(QStringLiteral("HistoryDock"));
    m_search->setPlaceholderText(tr("Search the history"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &HistoryDock::reload);
    m_tree->setHeaderLabels({tr("Statement"), tr("When"), tr("Time"), tr("Outcome")});
    m_tree->setRootIsDecorated(false);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem *item) { emit insertRequested(item->data(0, SqlRole).toString()); });

    auto *historyPage = new QWidget(this);
    auto *hl = new QVBoxLayout(historyPage);
    hl->setContentsMargins(2, 2, 2, 2);
    hl->addWidget(m_search);
    hl->addWidget(m_tree);

    auto *snippetPage = new QWidget(this);
    auto *sl = new QVBoxLayout(snippetPage);
    sl->setContentsMargins(2, 2, 2, 2);
    auto *save = new QPushButton(tr("Save Selection as Snippet…"), snippetPage);
    connect(save, &QPushButton::clicked, this, &HistoryDock::saveSnippetRequested);
    sl->addWidget(save);
    sl->addWidget(m_snippets);
    m_snippets->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_snippets, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem *item) { emit insertRequested(item->data(SqlRole).toString()); });
    connect(m_snippets, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const int row = m_snippets->row(m_snippets->itemAt(pos));
        if (row < 0)
            return;
        QMenu menu(this);
        menu.addAction(tr("Delete Snippet"), this, [this, row] { removeSnippet(row); });
        menu.exec(m_snippets->viewport()->mapToGlobal(pos));
    });

    auto *tabs = new QTabWidget(this);
    tabs->setDocumentMode(true);
    tabs->addTab(historyPage, tr("History"));
    tabs->addTab(snippetPage, tr("Snippets"));
    setWidget(tabs);
    loadSnippets();
    reload();
}

void HistoryDock::reload()
{
    m_tree->clear();
    if (!m_history)
        return;
    const QList<HistoryEntry> found = m_history->search(m_search->text(), 500);
    for (const HistoryEntry &e : found) {
        auto *item = new QTreeWidgetItem(m_tree, {e.sql.simplified().left(200), e.when.toString(QStringLiteral("d MMM HH:mm")),
                                                  QStringLiteral("%1 ms").arg(e.durationMs), e.outcome});
        item->setData(0, SqlRole, e.sql);
        item->setToolTip(0, e.sql.left(2000));
        item->setToolTip(3, e.connection);
        if (!e.ok)
            item->setForeground(3, QColor(0xc6, 0x28, 0x28));
    }
}

void HistoryDock::addSnippet(const QString &name, const QString &sql)
{
    auto *item = new QListWidgetItem(name, m_snippets);
    item->setData(SqlRole, sql);
    item->setToolTip(sql.left(2000));
    saveSnippets();
}

void HistoryDock::removeSnippet(int row)
{
    delete m_snippets->takeItem(row);
    saveSnippets();
}

void HistoryDock::loadSnippets()
{
    const QVariantList list = QSettings().value(keySnippets).toList();
    for (const QVariant &v : list) {
        const QVariantMap m = v.toMap();
        auto *item = new QListWidgetItem(m.value(QStringLiteral("name")).toString(), m_snippets);
        item->setData(SqlRole, m.value(QStringLiteral("sql")).toString());
        item->setToolTip(m.value(QStringLiteral("sql")).toString().left(2000));
    }
}

void HistoryDock::saveSnippets()
{
    QVariantList list;
    for (int i = 0; i < m_snippets->count(); ++i) {
        list << QVariantMap{{QStringLiteral("name"), m_snippets->item(i)->text()},
                            {QStringLiteral("sql"), m_snippets->item(i)->data(SqlRole).toString()}};
    }
    QSettings().setValue(keySnippets, list);
}

} // namespace dblearn

#include "schemadock.h"

#include "console/resultformatter.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dblearn {

namespace {
constexpr int TableIndexRole = Qt::UserRole + 1; // index into SchemaInfo::tables
constexpr int NameRole = Qt::UserRole + 2;       // what double-click inserts

QString qualified(const SchemaTable &t)
{
    const bool plainSchema = t.schema.isEmpty() || t.schema == QLatin1String("main") || t.schema == QLatin1String("public");
    return plainSchema ? ResultFormatter::quoteIdentifier(t.name)
                       : ResultFormatter::quoteIdentifier(t.schema) + QLatin1Char('.') + ResultFormatter::quoteIdentifier(t.name);
}
} // namespace

SchemaDock::SchemaDock(QWidget *parent)
    : QDockWidget(tr("Schema"), parent), m_tree(new QTreeWidget(this)), m_filter(new QLineEdit(this))
{
    setObjectName(QStringLiteral("SchemaDock"));
    m_tree->setHeaderLabels({tr("Name"), tr("Type / rows")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_filter->setPlaceholderText(tr("Filter tables and columns"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &SchemaDock::applyFilter);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const QString name = item->data(0, NameRole).toString();
        if (!name.isEmpty())
            emit insertRequested(name);
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &SchemaDock::showMenu);
    auto *refresh = new QToolButton(this);
    refresh->setText(tr("↻"));
    refresh->setToolTip(tr("Read the schema again"));
    connect(refresh, &QToolButton::clicked, this, &SchemaDock::refreshRequested);
    auto *top = new QHBoxLayout;
    top->addWidget(m_filter);
    top->addWidget(refresh);
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_tree);
    setWidget(body);
}

void SchemaDock::setSchema(const SchemaInfo &schema, const QString &connectionLabel)
{
    m_schema = schema;
    m_tree->clear();
    setWindowTitle(connectionLabel.isEmpty() ? tr("Schema") : tr("Schema — %1").arg(connectionLabel));
    QHash<QString, QTreeWidgetItem *> schemas;
    const QLocale locale;
    for (int i = 0; i < schema.tables.size(); ++i) {
        const SchemaTable &t = schema.tables[i];
        QTreeWidgetItem *&schemaItem = schemas[t.schema];
        if (!schemaItem) {
            schemaItem = new QTreeWidgetItem(m_tree, {t.schema.isEmpty() ? tr("(default)") : t.schema, tr("schema")});
            schemaItem->setData(0, NameRole, t.schema);
            schemaItem->setExpanded(true);
        }
        const bool view = t.kind == SchemaTable::Kind::View || t.kind == SchemaTable::Kind::MaterializedView;
        QString detail = view ? tr("view") : tr("table");
        if (t.rowEstimate >= 0)
            detail += tr(", ~%1 rows").arg(locale.toString(t.rowEstimate));
        auto *tableItem = new QTreeWidgetItem(schemaItem, {t.name, detail});
        tableItem->setData(0, TableIndexRole, i);
        tableItem->setData(0, NameRole, qualified(t));
        for (const SchemaColumn &c : t.columns) {
            QString type = c.type;
            if (c.primaryKey)
                type += tr(" · PK");
            if (c.notNull && !c.primaryKey)
                type += tr(" · NOT NULL");
            auto *columnItem = new QTreeWidgetItem(tableItem, {c.name, type});
            columnItem->setData(0, TableIndexRole, i);
            columnItem->setData(0, NameRole, ResultFormatter::quoteIdentifier(c.name));
        }
        if (!t.indexes.isEmpty()) {
            auto *indexes = new QTreeWidgetItem(tableItem, {tr("Indexes"), QString::number(t.indexes.size())});
            indexes->setData(0, TableIndexRole, i);
            for (const SchemaIndex &x : t.indexes) {
                auto *item = new QTreeWidgetItem(indexes, {x.name, (x.unique ? tr("unique: ") : QString()) + x.columns.join(QStringLiteral(", "))});
                item->setToolTip(0, x.definition);
                item->setData(0, TableIndexRole, i);
                item->setData(0, NameRole, x.name);
            }
        }
        if (!t.constraints.isEmpty()) {
            auto *constraints = new QTreeWidgetItem(tableItem, {tr("Keys and constraints"), QString::number(t.constraints.size())});
            constraints->setData(0, TableIndexRole, i);
            for (const SchemaConstraint &k : t.constraints) {
                auto *item = new QTreeWidgetItem(constraints, {k.name.isEmpty() ? k.type : k.name, k.definition});
                item->setToolTip(1, k.definition);
                item->setData(0, TableIndexRole, i);
            }
        }
    }
    applyFilter(m_filter->text());
}

void SchemaDock::applyFilter(const QString &text)
{
    for (int s = 0; s < m_tree->topLevelItemCount(); ++s) {
        QTreeWidgetItem *schema = m_tree->topLevelItem(s);
        for (int t = 0; t < schema->childCount(); ++t) {
            QTreeWidgetItem *table = schema->child(t);
            bool match = text.isEmpty() || table->text(0).contains(text, Qt::CaseInsensitive);
            for (int c = 0; !match && c < table->childCount(); ++c)
                match = table->child(c)->text(0).contains(text, Qt::CaseInsensitive);
            table->setHidden(!match);
        }
    }
}

const SchemaTable *SchemaDock::tableOf(QTreeWidgetItem *item) const
{
    if (!item)
        return nullptr;
    const QVariant index = item->data(0, TableIndexRole);
    if (!index.isValid() || index.toInt() < 0 || index.toInt() >= m_schema.tables.size())
        return nullptr;
    return &m_schema.tables[index.toInt()];
}

QString SchemaDock::ddlFor(const SchemaTable &t)
{
    QStringList lines;
    QStringList keys;
    for (const SchemaColumn &c : t.columns) {
        QString line = QStringLiteral("    ") + ResultFormatter::quoteIdentifier(c.name);
        if (!c.type.isEmpty())
            line += QLatin1Char(' ') + c.type;
        if (c.notNull)
            line += QStringLiteral(" NOT NULL");
        if (!c.defaultValue.isEmpty())
            line += QStringLiteral(" DEFAULT ") + c.defaultValue;
        if (c.primaryKey)
            keys << ResultFormatter::quoteIdentifier(c.name);
        lines << line;
    }
    bool hasPrimaryConstraint = false;
    for (const SchemaConstraint &k : t.constraints) {
        hasPrimaryConstraint = hasPrimaryConstraint || k.type == QLatin1String("PRIMARY KEY");
        lines << QStringLiteral("    ") + (k.name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT %1 ").arg(k.name))
                + k.definition;
    }
    if (!keys.isEmpty() && !hasPrimaryConstraint)
        lines << QStringLiteral("    PRIMARY KEY (%1)").arg(keys.join(QStringLiteral(", ")));
    QString ddl = QStringLiteral("CREATE %1 %2 (\n%3\n);\n")
                      .arg(t.kind == SchemaTable::Kind::View ? QStringLiteral("VIEW") : QStringLiteral("TABLE"),
                           qualified(t), lines.join(QStringLiteral(",\n")));
    for (const SchemaIndex &x : t.indexes) {
        if (!x.definition.isEmpty())
            ddl += x.definition + (x.definition.endsWith(QLatin1Char(';')) ? QString() : QStringLiteral(";")) + QLatin1Char('\n');
    }
    return ddl;
}

void SchemaDock::showMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_tree->itemAt(pos);
    const SchemaTable *table = tableOf(item);
    QMenu menu(this);
    if (item && !item->data(0, NameRole).toString().isEmpty())
        menu.addAction(tr("Insert Name"), this, [this, item] { emit insertRequested(item->data(0, NameRole).toString()); });
    if (table) {
        const QString name = qualified(*table);
        menu.addAction(tr("Select Top 100"), this,
                       [this, name] { emit runRequested(QStringLiteral("SELECT * FROM %1 LIMIT 100;").arg(name)); });
        menu.addAction(tr("Show DDL"), this, [this, t = *table] { emit showTextRequested(tr("DDL of %1").arg(t.name), ddlFor(t)); });
        menu.addAction(tr("Explain a Query on It"), this,
                       [this, name] { emit explainRequested(QStringLiteral("SELECT * FROM %1").arg(name)); });
    }
    menu.addSeparator();
    menu.addAction(tr("Refresh"), this, &SchemaDock::refreshRequested);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace dblearn

#pragma once

#include "backends/schemainfo.h"

#include <QDockWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace dblearn {

// The current console's catalog: schemas, tables and views with row estimates, their columns
// with types and keys, indexes and constraints. Double-click inserts a name; the context menu
// selects the first 100 rows, shows the DDL, or explains a query on the table.
class SchemaDock final : public QDockWidget
{
    Q_OBJECT
public:
    explicit SchemaDock(QWidget *parent = nullptr);

    void setSchema(const SchemaInfo &schema, const QString &connectionLabel);
    QTreeWidget *tree() const { return m_tree; }
    // CREATE TABLE text rebuilt from the catalog (engines differ in how they store DDL).
    static QString ddlFor(const SchemaTable &table);

signals:
    void insertRequested(const QString &text);
    void runRequested(const QString &sql);
    void explainRequested(const QString &sql);
    void showTextRequested(const QString &title, const QString &text);
    void refreshRequested();

private:
    void applyFilter(const QString &text);
    void showMenu(const QPoint &pos);
    const SchemaTable *tableOf(QTreeWidgetItem *item) const;

    SchemaInfo m_schema;
    QTreeWidget *m_tree = nullptr;
    QLineEdit *m_filter = nullptr;
};

} // namespace dblearn

#pragma once

#include "cost/validationissue.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace dblearn {

class NumberField;
class WorksheetDocument;
struct Scenario;

// The inputs of one scenario, grouped by component: each parameter with its unit, its one-line
// explanation and its validation mark. Built for the document's current structure; edits go
// straight to the document.
class ScenarioEditor final : public QWidget
{
    Q_OBJECT
public:
    ScenarioEditor(WorksheetDocument *document, int scenario, QWidget *parent = nullptr);

    int scenarioIndex() const { return m_scenario; }
    // Marks the fields that have an issue, and clears the others.
    void applyIssues(const QList<ValidationIssue> &issues);
    // Highlights the values that differ from `reference` (same component position and kind).
    void applyDifferences(const Scenario *reference);
    // The field of component `component`'s parameter `key` ("growth.rate" for the growth rate).
    NumberField *field(int component, const QString &key) const;

signals:
    void removeRequested(int scenario);
    void duplicateRequested(int scenario);

private:
    void build();
    void updateRelevance(int component);
    static QString fieldKey(int component, const QString &key);

    WorksheetDocument *m_document = nullptr;
    int m_scenario = -1;
    QHash<QString, NumberField *> m_fields;
    // Widgets of rows shown only for some commitments: component -> key -> widgets.
    QHash<int, QHash<QString, QList<QWidget *>>> m_rows;
};

} // namespace dblearn

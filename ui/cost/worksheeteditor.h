#pragma once

#include <QHash>
#include <QList>
#include <QWidget>

class QGridLayout;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;

namespace dblearn {

class NumberField;
class ScenarioEditor;
class WorksheetDocument;

// The worksheet's inputs: its settings (horizon, currency, discount rate, inflation, cases,
// sensitivity) and the scenarios side by side, values that differ from the first scenario
// highlighted; every field that is not accepted is marked, and the list below says why.
class WorksheetEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit WorksheetEditor(WorksheetDocument *document, QWidget *parent = nullptr);

    QList<ScenarioEditor *> scenarioEditors() const { return m_scenarioEditors; }
    NumberField *settingField(const QString &key) const { return m_settings.value(key); }
    QListWidget *issueList() const { return m_issues; }
    QComboBox *baselineBox() const { return m_baseline; }

private:
    void buildSettings(QWidget *box);
    void rebuildScenarios();
    void refreshSettings();
    void refreshMarks();
    NumberField *addSetting(QGridLayout *grid, int row, int column, const QString &key, const QString &label,
                            const QString &unit, const QString &explanation);

    WorksheetDocument *m_document = nullptr;
    QHash<QString, NumberField *> m_settings;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_currencyCode = nullptr;
    QLineEdit *m_rateDate = nullptr;
    QComboBox *m_baseline = nullptr;
    QWidget *m_scenarioHost = nullptr;
    QHBoxLayout *m_scenarioLayout = nullptr;
    QList<ScenarioEditor *> m_scenarioEditors;
    QListWidget *m_issues = nullptr;
    QLabel *m_issueSummary = nullptr;
};

} // namespace dblearn

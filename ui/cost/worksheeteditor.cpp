#include "worksheeteditor.h"

#include "numberfield.h"
#include "scenarioeditor.h"
#include "worksheetdocument.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollArea>
#include <QSet>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace dblearn {

WorksheetEditor::WorksheetEditor(WorksheetDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *settings = new QGroupBox(tr("Worksheet"));
    buildSettings(settings);
    layout->addWidget(settings);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    m_scenarioHost = new QWidget;
    m_scenarioLayout = new QHBoxLayout(m_scenarioHost);
    m_scenarioLayout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(m_scenarioHost);
    layout->addWidget(scroll, 1);

    // Below the scenarios: a line saying whether everything is accepted and, when not, what is wrong.
    m_issueSummary = new QLabel;
    m_issueSummary->setWordWrap(true);
    m_issues = new QListWidget;
    m_issues->setObjectName(QStringLiteral("issues"));
    m_issues->setMaximumHeight(110);
    layout->addWidget(m_issueSummary);
    layout->addWidget(m_issues);

    connect(m_document, &WorksheetDocument::structureChanged, this, [this] {
        refreshSettings();
        rebuildScenarios();
    });
    connect(m_document, &WorksheetDocument::resultsChanged, this, &WorksheetEditor::refreshMarks);
    refreshSettings();
    rebuildScenarios();
}

NumberField *WorksheetEditor::addSetting(QGridLayout *grid, int row, int column, const QString &key,
                                         const QString &label, const QString &unit, const QString &explanation)
{
    auto *field = new NumberField(explanation);
    field->setObjectName(QStringLiteral("setting_") + key);
    auto *l = new QLabel(label);
    l->setToolTip(explanation);
    grid->addWidget(l, row, column);
    grid->addWidget(field, row, column + 1);
    grid->addWidget(new QLabel(unit), row, column + 2);
    m_settings.insert(key, field);
    connect(field, &NumberField::valueEdited, this, [this, key](double value, bool present) {
        Worksheet &w = m_document->mutableWorksheet();
        const double v = present ? value : std::numeric_limits<double>::quiet_NaN();
        if (key == QLatin1String("horizonMonths"))
            w.horizonMonths = std::isfinite(v) && v == std::floor(v) && std::abs(v) < 1e6 ? int(v) : -1;
        else if (key == QLatin1String("discountRate"))
            w.discountRate = v;
        else if (key == QLatin1String("inflation"))
            w.inflation = v;
        else if (key == QLatin1String("sensitivityPercent"))
            w.sensitivityPercent = v;
        else if (key == QLatin1String("currency.perUsd"))
            w.currency.perUsd = v;
        else if (key == QLatin1String("cases.pessimistic.price"))
            w.pessimistic.price = v;
        else if (key == QLatin1String("cases.pessimistic.usage"))
            w.pessimistic.usage = v;
        else if (key == QLatin1String("cases.optimistic.price"))
            w.optimistic.price = v;
        else if (key == QLatin1String("cases.optimistic.usage"))
            w.optimistic.usage = v;
        m_document->edited(false);
    });
    return field;
}

void WorksheetEditor::buildSettings(QWidget *box)
{
    auto *grid = new QGridLayout(box);
    m_title = new QLineEdit;
    connect(m_title, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_document->mutableWorksheet().title = text;
        m_document->edited(false);
    });
    grid->addWidget(new QLabel(tr("Title")), 0, 0);
    grid->addWidget(m_title, 0, 1, 1, 8);
    addSetting(grid, 1, 0, QStringLiteral("horizonMonths"), tr("Horizon"), tr("months"), tr("How far ahead to compute: 1 to 120 months."));
    addSetting(grid, 1, 3, QStringLiteral("discountRate"), tr("Discount rate"), tr("/year"),
               tr("For present values and NPV, as a fraction (0.08 = 8% a year)."));
    addSetting(grid, 1, 6, QStringLiteral("inflation"), tr("Inflation"), tr("/year"),
               tr("Recurring prices rise by this fraction each year (commitments stay fixed)."));
    m_currencyCode = new QLineEdit;
    m_currencyCode->setMaxLength(3);
    m_currencyCode->setToolTip(tr("Results are shown in this currency (ISO code)."));
    connect(m_currencyCode, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_document->mutableWorksheet().currency.code = text.toUpper();
        m_document->edited(false);
    });
    grid->addWidget(new QLabel(tr("Currency")), 2, 0);
    grid->addWidget(m_currencyCode, 2, 1);
    addSetting(grid, 2, 3, QStringLiteral("currency.perUsd"), tr("Exchange rate"), tr("per USD"),
               tr("Units of the currency for one USD (catalog prices are in USD)."));
    m_rateDate = new QLineEdit;
    m_rateDate->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
    m_rateDate->setToolTip(tr("The day the exchange rate was observed."));
    connect(m_rateDate, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_document->mutableWorksheet().currency.rateDate = text;
        m_document->edited(false);
    });
    grid->addWidget(new QLabel(tr("Rate date")), 2, 6);
    grid->addWidget(m_rateDate, 2, 7);
    addSetting(grid, 3, 0, QStringLiteral("sensitivityPercent"), tr("Sensitivity ±"), QStringLiteral("%"),
               tr("Each input is moved by this much, one at a time, for the tornado."));
    addSetting(grid, 3, 3, QStringLiteral("cases.pessimistic.price"), tr("Pessimistic prices ×"), QString(),
               tr("The pessimistic case multiplies every price by this factor."));
    addSetting(grid, 3, 6, QStringLiteral("cases.pessimistic.usage"), tr("usage ×"), QString(),
               tr("The pessimistic case multiplies every usage quantity (GB, requests, IOPS, transfer) by this."));
    m_baseline = new QComboBox;
    m_baseline->setToolTip(tr("ROI, payback, NPV and break-even compare every other scenario with this one."));
    connect(m_baseline, &QComboBox::activated, this, [this] {
        const QString id = m_baseline->currentData().toString();
        if (id.isEmpty())
            return; // "as in the file"
        Worksheet &w = m_document->mutableWorksheet();
        w.comparisons.clear();
        for (const Scenario &s : std::as_const(w.scenarios))
            if (s.id != id)
                w.comparisons.append({id, s.id});
        m_document->edited(false);
    });
    grid->addWidget(new QLabel(tr("Baseline")), 4, 0);
    grid->addWidget(m_baseline, 4, 1, 1, 2);
    addSetting(grid, 4, 3, QStringLiteral("cases.optimistic.price"), tr("Optimistic prices ×"), QString(),
               tr("The optimistic case multiplies every price by this factor."));
    addSetting(grid, 4, 6, QStringLiteral("cases.optimistic.usage"), tr("usage ×"), QString(),
               tr("The optimistic case multiplies every usage quantity by this."));
}

void WorksheetEditor::refreshSettings()
{
    const Worksheet &w = m_document->worksheet();
    m_title->setText(w.title);
    m_currencyCode->setText(w.currency.code);
    m_rateDate->setText(w.currency.rateDate);
    m_settings.value(QStringLiteral("horizonMonths"))->setValue(w.horizonMonths, w.horizonMonths >= 0);
    m_settings.value(QStringLiteral("discountRate"))->setValue(w.discountRate, true);
    m_settings.value(QStringLiteral("inflation"))->setValue(w.inflation, true);
    m_settings.value(QStringLiteral("sensitivityPercent"))->setValue(w.sensitivityPercent, true);
    m_settings.value(QStringLiteral("currency.perUsd"))->setValue(w.currency.perUsd, true);
    m_settings.value(QStringLiteral("cases.pessimistic.price"))->setValue(w.pessimistic.price, true);
    m_settings.value(QStringLiteral("cases.pessimistic.usage"))->setValue(w.pessimistic.usage, true);
    m_settings.value(QStringLiteral("cases.optimistic.price"))->setValue(w.optimistic.price, true);
    m_settings.value(QStringLiteral("cases.optimistic.usage"))->setValue(w.optimistic.usage, true);
}

void WorksheetEditor::rebuildScenarios()
{
    // The baseline: the one every comparison starts from, or "as in the file" when they differ.
    const Worksheet &w = m_document->worksheet();
    QSet<QString> baselines;
    for (const ScenarioComparison &c : w.effectiveComparisons())
        baselines.insert(c.baseline);
    m_baseline->clear();
    if (baselines.size() > 1)
        m_baseline->addItem(tr("as in the file"), QString());
    for (const Scenario &s : w.scenarios)
        m_baseline->addItem(s.name, s.id);
    if (baselines.size() == 1)
        m_baseline->setCurrentIndex(m_baseline->findData(*baselines.cbegin()));

    // The request to rebuild may come from inside one of these editors: delete them later.
    for (ScenarioEditor *old : std::as_const(m_scenarioEditors)) {
        old->hide();
        m_scenarioLayout->removeWidget(old);
        old->deleteLater();
    }
    m_scenarioEditors.clear();
    for (int s = 0; s < m_document->worksheet().scenarios.size(); ++s) {
        auto *editor = new ScenarioEditor(m_document, s);
        editor->setMinimumWidth(360);
        connect(editor, &ScenarioEditor::removeRequested, this, [this](int scenario) {
            Worksheet &w = m_document->mutableWorksheet();
            const QString id = w.scenarios[scenario].id;
            w.scenarios.removeAt(scenario);
            w.comparisons.removeIf([&id](const ScenarioComparison &c) { return c.baseline == id || c.candidate == id; });
            m_document->edited(true);
        });
        connect(editor, &ScenarioEditor::duplicateRequested, this, [this](int scenario) {
            Worksheet &w = m_document->mutableWorksheet();
            Scenario copy = w.scenarios[scenario];
            int n = 2;
            while (w.scenarioIndex(copy.id + QStringLiteral("-%1").arg(n)) >= 0)
                ++n;
            copy.id += QStringLiteral("-%1").arg(n);
            copy.name += tr(" (copy)");
            w.scenarios.insert(scenario + 1, copy);
            m_document->edited(true);
        });
        m_scenarioLayout->addWidget(editor, 1);
        m_scenarioEditors << editor;
    }
    refreshMarks();
}

void WorksheetEditor::refreshMarks()
{
    const QList<ValidationIssue> &issues = m_document->results().issues();
    const Worksheet &w = m_document->worksheet();
    const Scenario *reference = w.scenarios.isEmpty() ? nullptr : &w.scenarios.first();
    for (ScenarioEditor *editor : std::as_const(m_scenarioEditors)) {
        if (editor->scenarioIndex() >= w.scenarios.size())
            continue; // a rebuild is on its way
        editor->applyIssues(issues);
        editor->applyDifferences(reference);
    }
    QHash<QString, QString> settingIssues;
    for (const ValidationIssue &issue : issues)
        if (issue.scenario < 0)
            settingIssues.insert(issue.key, issue.message);
    for (auto it = m_settings.cbegin(); it != m_settings.cend(); ++it)
        it.value()->setIssue(settingIssues.value(it.key()));
    m_currencyCode->setStyleSheet(settingIssues.contains(QStringLiteral("currency.code"))
                                      ? QStringLiteral("border: 2px solid #c62828;") : QString());
    m_rateDate->setStyleSheet(settingIssues.contains(QStringLiteral("currency.rateDate"))
                                  ? QStringLiteral("border: 2px solid #c62828;") : QString());

    m_issues->clear();
    for (const ValidationIssue &issue : issues)
        m_issues->addItem(issue.text());
    m_issues->setVisible(!issues.isEmpty());
    m_issueSummary->setText(issues.isEmpty()
                                ? tr("All inputs accepted. Highlighted values differ from the first scenario.")
                                : tr("%n input(s) not accepted — the results wait until they are fixed:", nullptr, int(issues.size())));
    m_issueSummary->setStyleSheet(issues.isEmpty() ? QString() : QStringLiteral("color: #c62828; font-weight: bold;"));
}

} // namespace dblearn

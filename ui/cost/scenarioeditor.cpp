#include "scenarioeditor.h"

#include "numberfield.h"
#include "worksheetdocument.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace dblearn {

namespace {

QLabel *explanationLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    label->setFont(font);
    label->setStyleSheet(QStringLiteral("color: palette(mid);"));
    return label;
}

QString tiersText(const QList<PriceTier> &tiers)
{
    QStringList parts;
    double from = 0;
    for (const PriceTier &t : tiers) {
        parts << (std::isinf(t.upToGb) ? QStringLiteral("above %1 GB: %2").arg(from).arg(t.pricePerGb)
                                       : QStringLiteral("%1–%2 GB: %3").arg(from).arg(t.upToGb).arg(t.pricePerGb));
        from = t.upToGb;
    }
    return QStringLiteral("Tiers (USD/GB): ") + parts.join(QStringLiteral("; "));
}

} // namespace

ScenarioEditor::ScenarioEditor(WorksheetDocument *document, int scenario, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_scenario(scenario)
{
    build();
}

QString ScenarioEditor::fieldKey(int component, const QString &key)
{
    return QString::number(component) + QLatin1Char('/') + key;
}

NumberField *ScenarioEditor::field(int component, const QString &key) const
{
    return m_fields.value(fieldKey(component, key));
}

void ScenarioEditor::build()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    const Scenario &scenario = m_document->worksheet().scenarios[m_scenario];

    auto *header = new QHBoxLayout;
    auto *name = new QLineEdit(scenario.name);
    name->setToolTip(tr("The scenario's name"));
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    connect(name, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_document->mutableWorksheet().scenarios[m_scenario].name = text;
        m_document->edited(false);
    });
    header->addWidget(name, 1);
    auto *menuButton = new QToolButton;
    menuButton->setText(tr("Scenario"));
    menuButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(menuButton);
    QMenu *add = menu->addMenu(tr("Add component"));
    for (ComponentKind kind : ComponentSpecs::allKinds()) {
        add->addAction(ComponentSpecs::kindLabel(kind), this, [this, kind] {
            CostComponent c = CostComponent::make(kind);
            if (ComponentSpecs::hasTiers(kind))
                c.tiers = {{std::numeric_limits<double>::infinity(), 0}};
            m_document->mutableWorksheet().scenarios[m_scenario].components << c;
            m_document->edited(true);
        });
    }
    menu->addAction(tr("Duplicate scenario"), this, [this] { emit duplicateRequested(m_scenario); });
    menu->addAction(tr("Remove scenario"), this, [this] { emit removeRequested(m_scenario); });
    menuButton->setMenu(menu);
    header->addWidget(menuButton);
    layout->addLayout(header);
    if (!scenario.notes.isEmpty())
        layout->addWidget(explanationLabel(scenario.notes));

    for (int c = 0; c < scenario.components.size(); ++c) {
        const CostComponent &component = scenario.components[c];
        auto *box = new QGroupBox(component.name + QStringLiteral(" — ") + ComponentSpecs::kindLabel(component.kind));
        box->setToolTip(component.note);
        auto *grid = new QGridLayout(box);
        grid->setColumnStretch(1, 1);
        int row = 0;
        if (!component.note.isEmpty())
            grid->addWidget(explanationLabel(component.note), row++, 0, 1, 3);
        if (component.kind == ComponentKind::Compute) {
            auto *commitment = new QComboBox;
            commitment->addItem(tr("On demand"), int(Commitment::OnDemand));
            commitment->addItem(tr("Reserved"), int(Commitment::Reserved));
            commitment->addItem(tr("Savings plan"), int(Commitment::SavingsPlan));
            commitment->setCurrentIndex(commitment->findData(int(component.commitment)));
            commitment->setToolTip(tr("How the instances are paid for: by the hour, reserved for a term, or a savings plan."));
            connect(commitment, &QComboBox::activated, this, [this, c, commitment] {
                m_document->mutableWorksheet().scenarios[m_scenario].components[c].commitment =
                    Commitment(commitment->currentData().toInt());
                updateRelevance(c);
                m_document->edited(false);
            });
            grid->addWidget(new QLabel(tr("Commitment")), row, 0);
            grid->addWidget(commitment, row++, 1, 1, 2);
        }
        const QList<ParameterSpec> &specs = ComponentSpecs::parameters(component.kind);
        for (int i = 0; i < specs.size(); ++i) {
            const ParameterSpec &spec = specs[i];
            auto *label = new QLabel(spec.label);
            auto *field = new NumberField(spec.explanation);
            field->setObjectName(QStringLiteral("field_%1_%2_%3").arg(m_scenario).arg(c).arg(spec.key));
            field->setValue(component.values[size_t(i)], component.present[size_t(i)]);
            auto *unit = new QLabel(spec.unit);
            auto *explanation = explanationLabel(spec.explanation);
            const QString ref = component.priceRefs.value(spec.key);
            if (!ref.isEmpty()) {
                const PriceEntry *entry = m_document->catalog().find(ref);
                explanation->setText(spec.explanation + QStringLiteral(" Catalog: ")
                                     + (entry ? entry->sourceText() + (PriceCatalog::isStale(*entry) ? tr(" (stale)") : QString())
                                              : ref + tr(" (not in the catalog)")));
            }
            connect(field, &NumberField::valueEdited, this, [this, c, i](double value, bool present) {
                CostComponent &target = m_document->mutableWorksheet().scenarios[m_scenario].components[c];
                target.values[size_t(i)] = value;
                target.present[size_t(i)] = present;
                m_document->edited(false);
            });
            grid->addWidget(label, row, 0);
            grid->addWidget(field, row, 1);
            grid->addWidget(unit, row++, 2);
            grid->addWidget(explanation, row++, 0, 1, 3);
            m_fields.insert(fieldKey(c, spec.key), field);
            m_rows[c][spec.key] = {label, field, unit, explanation};
        }
        if (ComponentSpecs::hasGrowth(component.kind)) {
            auto *model = new QComboBox;
            model->addItem(tr("Fixed"), int(GrowthModel::Type::Fixed));
            model->addItem(tr("Linear (units per month)"), int(GrowthModel::Type::Linear));
            model->addItem(tr("Compound (rate per year)"), int(GrowthModel::Type::Compound));
            model->setCurrentIndex(model->findData(int(component.growth.type)));
            auto *rate = new NumberField(tr("Linear: units added each month. Compound: the yearly rate as a fraction "
                                            "(0.3 = +30% a year), applied monthly."));
            rate->setObjectName(QStringLiteral("field_%1_%2_growth.rate").arg(m_scenario).arg(c));
            rate->setValue(component.growth.rate, true);
            rate->setEnabled(component.growth.type != GrowthModel::Type::Fixed);
            connect(model, &QComboBox::activated, this, [this, c, model, rate] {
                const auto type = GrowthModel::Type(model->currentData().toInt());
                m_document->mutableWorksheet().scenarios[m_scenario].components[c].growth.type = type;
                rate->setEnabled(type != GrowthModel::Type::Fixed);
                m_document->edited(false);
            });
            connect(rate, &NumberField::valueEdited, this, [this, c](double value, bool present) {
                m_document->mutableWorksheet().scenarios[m_scenario].components[c].growth.rate =
                    present ? value : std::numeric_limits<double>::quiet_NaN();
                m_document->edited(false);
            });
            grid->addWidget(new QLabel(tr("Growth")), row, 0);
            grid->addWidget(model, row++, 1, 1, 2);
            grid->addWidget(new QLabel(tr("Growth rate")), row, 0);
            grid->addWidget(rate, row++, 1, 1, 2);
            m_fields.insert(fieldKey(c, QStringLiteral("growth.rate")), rate);
        }
        if (ComponentSpecs::hasTiers(component.kind))
            grid->addWidget(explanationLabel(tiersText(component.tiers)), row++, 0, 1, 3);
        auto *remove = new QToolButton;
        remove->setText(tr("Remove"));
        remove->setToolTip(tr("Remove this component"));
        connect(remove, &QToolButton::clicked, this, [this, c] {
            m_document->mutableWorksheet().scenarios[m_scenario].components.removeAt(c);
            m_document->edited(true);
        });
        grid->addWidget(remove, row++, 2, Qt::AlignRight);
        layout->addWidget(box);
        updateRelevance(c);
    }
    layout->addStretch(1);
}

void ScenarioEditor::updateRelevance(int component)
{
    const CostComponent &c = m_document->worksheet().scenarios[m_scenario].components[component];
    const auto rows = m_rows.value(component);
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        const bool relevant = ComponentSpecs::isRelevant(c.kind, it.key(), c.commitment);
        for (QWidget *w : it.value())
            w->setVisible(relevant);
    }
}

void ScenarioEditor::applyIssues(const QList<ValidationIssue> &issues)
{
    QHash<QString, QString> messages;
    for (const ValidationIssue &issue : issues)
        if (issue.scenario == m_scenario && issue.component >= 0)
            messages.insert(fieldKey(issue.component, issue.key), issue.message);
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        it.value()->setIssue(messages.value(it.key()));
}

void ScenarioEditor::applyDifferences(const Scenario *reference)
{
    const Scenario &scenario = m_document->worksheet().scenarios[m_scenario];
    for (int c = 0; c < scenario.components.size(); ++c) {
        const CostComponent &mine = scenario.components[c];
        const CostComponent *theirs = nullptr;
        if (reference && reference != &scenario && c < reference->components.size()
            && reference->components[c].kind == mine.kind)
            theirs = &reference->components[c];
        const QList<ParameterSpec> &specs = ComponentSpecs::parameters(mine.kind);
        for (int i = 0; i < specs.size(); ++i) {
            if (NumberField *f = field(c, specs[i].key)) {
                // A component with no counterpart differs as a whole; the first scenario never differs.
                const bool differs = reference && reference != &scenario
                                     && (!theirs || theirs->values[size_t(i)] != mine.values[size_t(i)]);
                f->setDiffers(differs);
            }
        }
        if (NumberField *f = field(c, QStringLiteral("growth.rate")))
            f->setDiffers(reference && reference != &scenario
                          && (!theirs || theirs->growth.type != mine.growth.type || theirs->growth.rate != mine.growth.rate));
    }
}

} // namespace dblearn

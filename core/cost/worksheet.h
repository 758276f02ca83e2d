#pragma once

#include "cost/scenario.h"

#include <QList>
#include <QString>

namespace dblearn {

// The worksheet's currency: prices are in USD, results in `code` at `perUsd` units per USD.
struct CurrencySettings {
    QString code = QStringLiteral("USD");
    double perUsd = 1.0;
    QString rateDate; // when the exchange rate was observed (ISO date)
};

// What a case multiplies: every price-role and every usage-role parameter.
struct CaseFactors {
    double price = 1.0;
    double usage = 1.0;
};

enum class CostCase { Base, Pessimistic, Optimistic };

// A pair the finance results compare: ROI, payback and NPV of moving from baseline to candidate.
struct ScenarioComparison {
    QString baseline;
    QString candidate;
};

// A cost worksheet: scenarios over a horizon, with the finance settings. Plain data; see
// CostEngine for the arithmetic and WorksheetValidator for what is accepted.
class Worksheet final
{
public:
    QString id; // the template id, or empty
    QString title;
    QString description;
    int horizonMonths = 36;
    CurrencySettings currency;
    double discountRate = 0.0; // annual, as a fraction
    double inflation = 0.0;    // annual, as a fraction; prices step up once a year
    double sensitivityPercent = 10.0;
    CaseFactors pessimistic{1.10, 1.20};
    CaseFactors optimistic{0.95, 0.85};
    QList<Scenario> scenarios;
    QList<ScenarioComparison> comparisons;

    int scenarioIndex(const QString &scenarioId) const;
    CaseFactors factors(CostCase costCase) const;
    // The comparisons given, or else the first scenario against each of the others.
    QList<ScenarioComparison> effectiveComparisons() const;

    static QString caseName(CostCase costCase); // "base", "pessimistic", "optimistic"
};

} // namespace dblearn

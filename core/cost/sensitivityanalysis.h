#pragma once

#include "cost/tornadobar.h"
#include "cost/worksheet.h"

#include <QList>

namespace dblearn {

// ±X% on each input, one at a time, ranked by how far the scenario's total over the horizon moves
// (a tornado). Inputs are the perturbable parameters of every component (ParameterSpec::perturbable),
// each growth rate that is not fixed, the inflation and, in another currency than USD, the exchange
// rate. A perturbed value is kept within the parameter's valid range.
class SensitivityAnalysis final
{
public:
    // One scenario; `percent` < 0 means the worksheet's sensitivityPercent.
    static QList<TornadoBar> tornado(const Worksheet &worksheet, int scenario, double percent = -1);
    // Every scenario's inputs, each ranked within its scenario, scenarios in order.
    static QList<TornadoBar> tornadoAll(const Worksheet &worksheet, double percent = -1);
};

} // namespace dblearn

#pragma once

#include "cost/costcomponent.h"

#include <QList>
#include <QString>

namespace dblearn {

// One way of running the workload: a named list of components.
struct Scenario {
    QString id; // unique in the worksheet; comparisons refer to it
    QString name;
    QString notes;
    QList<CostComponent> components;
};

} // namespace dblearn

#include "plans/plannode.h"

namespace dblearn {

bool PlanBuffers::isKnown() const
{
    for (double value : {sharedHit, sharedRead, sharedDirtied, sharedWritten, localHit, localRead, localDirtied,
                         localWritten, tempRead, tempWritten, ioReadMs, ioWriteMs}) {
        if (planKnown(value))
            return true;
    }
    return false;
}

QString PlanNode::label() const
{
    QString table = relation.isEmpty() ? cteName : relation;
    if (!alias.isEmpty() && alias != table)
        table = table.isEmpty() ? alias : table + QLatin1Char(' ') + alias;
    if (index.isEmpty())
        return table;
    return table.isEmpty() ? index : index + QStringLiteral(" on ") + table;
}

QString PlanNode::headline() const
{
    if (!detail.isEmpty()) // SQLite and MySQL describe a step in one line of their own
        return detail;
    const QString what = label();
    QString text = title.isEmpty() ? type : title;
    if (!what.isEmpty())
        text += (index.isEmpty() || relation.isEmpty() ? QStringLiteral(" on ") : QStringLiteral(" using ")) + what;
    return text;
}

bool PlanNode::isSubplanChild() const
{
    return relationship == QLatin1String("InitPlan") || relationship == QLatin1String("SubPlan");
}

QString PlanNode::directionName(Direction direction)
{
    switch (direction) {
    case Direction::Under:
        return QStringLiteral("under");
    case Direction::Over:
        return QStringLiteral("over");
    case Direction::None:
        break;
    }
    return {};
}

} // namespace dblearn

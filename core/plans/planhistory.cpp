#include "planhistory.h"

namespace dblearn {

QString PlanHistory::key(const QString &sql)
{
    QString text = sql.simplified();
    while (text.endsWith(QLatin1Char(';')))
        text = text.chopped(1).trimmed();
    return text;
}

void PlanHistory::record(const QString &sql, const PlanRun &run)
{
    QList<PlanRun> &list = m_runs[key(sql)];
    list.append(run);
    while (list.size() > maxRunsPerQuery)
        list.removeFirst();
}

} // namespace dblearn

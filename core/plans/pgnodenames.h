#pragma once

#include <QJsonObject>
#include <QString>

namespace dblearn {

struct PlanNode;

// PostgreSQL names one operation two ways: JSON splits it ("Node Type": "Aggregate",
// "Strategy": "Hashed", "Partial Mode": "Partial") and text joins it ("Partial HashAggregate").
// The model keeps the JSON node type as `type` and the text name as `title`, whichever was read.
class PgNodeNames final
{
public:
    // The text name of a JSON node: "Parallel Seq Scan", "Hash Left Join", "Finalize GroupAggregate".
    static QString titleOf(const QJsonObject &node);
    // Fills type, title, relation, alias, index, flags and the matching JSON properties from a text
    // node line's name part ("Index Only Scan Backward using i on orders o").
    static void fromText(const QString &name, PlanNode *node);
};

} // namespace dblearn

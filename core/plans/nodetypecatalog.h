#pragma once

#include "plans/planformat.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace dblearn {

// A plain-language card for one kind of plan node: what it does, when the planner picks it,
// what its particular fields mean, and the lesson that teaches it.
struct NodeTypeCard {
    QString type;
    QString title;
    QString what;
    QString when;
    QString lesson; // content path, e.g. "01_foundations/04_indexing_fundamentals.md"
    QList<QPair<QString, QString>> fields;
};

// The cards for every PostgreSQL node type, SQLite plan detail kind and MariaDB/MySQL access type
// and operation, read from resources/plans/node-types.json (compiled into the core library).
class NodeTypeCatalog final
{
public:
    static const NodeTypeCatalog &instance();
    // Loads a catalog from JSON; returns false with `error` set when it is malformed.
    bool load(const QByteArray &json, QString *error);

    const NodeTypeCard *find(PlanEngine engine, const QString &type) const;
    QList<NodeTypeCard> cards(PlanEngine engine) const;
    // The fields every node of the engine has (cost, rows, loops ...), with their meaning.
    QList<QPair<QString, QString>> commonFields(PlanEngine engine) const;

private:
    QHash<QString, QHash<QString, NodeTypeCard>> m_cards; // engine name -> type -> card
    QHash<QString, QList<QPair<QString, QString>>> m_fields;
};

} // namespace dblearn

#include "plans/pgnodenames.h"

#include "plans/plannode.h"

#include <QRegularExpression>

namespace dblearn {

namespace {

QString aggregateName(const QString &strategy)
{
    if (strategy == QLatin1String("Hashed"))
        return QStringLiteral("HashAggregate");
    if (strategy == QLatin1String("Sorted"))
        return QStringLiteral("GroupAggregate");
    if (strategy == QLatin1String("Mixed"))
        return QStringLiteral("MixedAggregate");
    return QStringLiteral("Aggregate");
}

void setProperty(PlanNode *node, const char *key, const QJsonValue &value)
{
    node->properties.insert(QLatin1String(key), value);
}

} // namespace

QString PgNodeNames::titleOf(const QJsonObject &node)
{
    const QString type = node.value(QLatin1String("Node Type")).toString();
    QString name = type;
    if (type == QLatin1String("Aggregate")) {
        name = aggregateName(node.value(QLatin1String("Strategy")).toString());
    } else if (type == QLatin1String("SetOp")) {
        const QString command = node.value(QLatin1String("Command")).toString();
        name = (node.value(QLatin1String("Strategy")).toString() == QLatin1String("Hashed") ? QStringLiteral("HashSetOp")
                                                                                           : QStringLiteral("SetOp"));
        if (!command.isEmpty())
            name += QLatin1Char(' ') + command;
    } else if (type == QLatin1String("ModifyTable")) {
        const QString operation = node.value(QLatin1String("Operation")).toString();
        if (!operation.isEmpty())
            name = operation;
    } else if (type == QLatin1String("Hash Join") || type == QLatin1String("Merge Join")
               || type == QLatin1String("Nested Loop")) {
        const QString join = node.value(QLatin1String("Join Type")).toString();
        if (!join.isEmpty() && join != QLatin1String("Inner")) {
            name = type == QLatin1String("Nested Loop") ? type + QLatin1Char(' ') + join + QStringLiteral(" Join")
                                                        : type.left(type.size() - 5) + QLatin1Char(' ') + join
                                                              + QStringLiteral(" Join");
        }
    } else if ((type == QLatin1String("Index Scan") || type == QLatin1String("Index Only Scan"))
               && node.value(QLatin1String("Scan Direction")).toString() == QLatin1String("Backward")) {
        name += QStringLiteral(" Backward");
    }
    const QString partial = node.value(QLatin1String("Partial Mode")).toString();
    if (!partial.isEmpty() && partial != QLatin1String("Simple"))
        name = partial + QLatin1Char(' ') + name;
    if (node.value(QLatin1String("Parallel Aware")).toBool())
        name = QStringLiteral("Parallel ") + name;
    return name;
}

void PgNodeNames::fromText(const QString &fullName, PlanNode *node)
{
    QString name = fullName.trimmed();
    // "Index Scan using i on orders o", "Seq Scan on orders o", "Bitmap Index Scan on i", "Insert on t".
    static const QRegularExpression usingOn(QStringLiteral("^(.*?) using (\\S+) on (\\S+)(?: (\\S+))?$"));
    static const QRegularExpression on(QStringLiteral("^(.*?) on (\\S+)(?: (\\S+))?$"));
    if (const auto m = usingOn.match(name); m.hasMatch()) {
        name = m.captured(1);
        node->index = m.captured(2);
        node->relation = m.captured(3);
        node->alias = m.captured(4);
    } else if (const auto m = on.match(name); m.hasMatch()) {
        name = m.captured(1);
        if (name == QLatin1String("Bitmap Index Scan"))
            node->index = m.captured(2);
        else
            node->relation = m.captured(2);
        node->alias = m.captured(3);
    }
    node->title = name;
    if (name.startsWith(QLatin1String("Parallel "))) {
        node->parallelAware = true;
        name.remove(0, 9);
    }
    setProperty(node, "Parallel Aware", node->parallelAware);
    for (const char *mode : {"Partial ", "Finalize "}) {
        if (name.startsWith(QLatin1String(mode))) {
            const QString word = QString::fromLatin1(mode).trimmed();
            setProperty(node, "Partial Mode", word);
            name.remove(0, word.size() + 1);
        }
    }
    static const QRegularExpression join(
        QStringLiteral("^(Hash|Merge|Nested Loop)(?: (Left|Right|Full|Semi|Anti|Right Anti|Right Semi))? Join$"));
    if (const auto m = join.match(name); m.hasMatch()) {
        node->type = m.captured(1) == QLatin1String("Nested Loop") ? m.captured(1) : m.captured(1) + QStringLiteral(" Join");
        setProperty(node, "Join Type", m.captured(2).isEmpty() ? QStringLiteral("Inner") : m.captured(2));
        return;
    }
    if (name == QLatin1String("Nested Loop")) {
        node->type = name;
        setProperty(node, "Join Type", QStringLiteral("Inner"));
        return;
    }
    static const QRegularExpression aggregate(QStringLiteral("^(Hash|Group|Mixed)?Aggregate$"));
    if (const auto m = aggregate.match(name); m.hasMatch()) {
        node->type = QStringLiteral("Aggregate");
        const QString kind = m.captured(1);
        setProperty(node, "Strategy",
                    kind == QLatin1String("Hash")    ? QStringLiteral("Hashed")
                    : kind == QLatin1String("Group") ? QStringLiteral("Sorted")
                    : kind == QLatin1String("Mixed") ? QStringLiteral("Mixed")
                                                     : QStringLiteral("Plain"));
        return;
    }
    static const QRegularExpression setOp(QStringLiteral("^(Hash)?SetOp (Intersect|Intersect All|Except|Except All)$"));
    if (const auto m = setOp.match(name); m.hasMatch()) {
        node->type = QStringLiteral("SetOp");
        setProperty(node, "Strategy", m.captured(1).isEmpty() ? QStringLiteral("Sorted") : QStringLiteral("Hashed"));
        setProperty(node, "Command", m.captured(2));
        return;
    }
    for (const char *operation : {"Insert", "Update", "Delete", "Merge"}) {
        if (name == QLatin1String(operation)) {
            node->type = QStringLiteral("ModifyTable");
            setProperty(node, "Operation", name);
            return;
        }
    }
    if (name.endsWith(QLatin1String(" Backward"))) {
        name.chop(9);
        setProperty(node, "Scan Direction", QStringLiteral("Backward"));
    }
    node->type = name;
}

} // namespace dblearn

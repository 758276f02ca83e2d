#include "lessons/yamlnode.h"

namespace dblearn {

const YamlNode *YamlNode::find(QLatin1String key) const
{
    for (size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] == key)
            return &values[i];
    }
    return nullptr;
}

QVariant YamlNode::toVariant() const
{
    switch (kind) {
    case Kind::Null:
        return {};
    case Kind::Scalar:
        return scalar;
    case Kind::List: {
        QVariantList list;
        list.reserve(qsizetype(items.size()));
        for (const YamlNode &item : items)
            list.append(item.toVariant());
        return list;
    }
    case Kind::Map: {
        QVariantMap map;
        for (size_t i = 0; i < keys.size(); ++i)
            map.insert(keys[i], values[i].toVariant());
        return map;
    }
    }
    return {};
}

} // namespace dblearn

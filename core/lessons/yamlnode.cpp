#include "lessons/yamlnode.h"

#include <QLocale>

namespace dblearn {

const YamlNode *YamlNode::find(QLatin1String key) const
{
    const QByteArrayView k(key.data(), key.size());
    for (const YamlNode &value : values) {
        if (value.key == k)
            return &value;
    }
    return nullptr;
}

QString YamlNode::toString() const
{
    if (kind != Kind::Scalar)
        return {};
    switch (type) {
    case Type::String: return QString::fromUtf8(text);
    case Type::Bool: return boolean ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Integer: return QString::number(integer);
    case Type::Double: return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    return {};
}

QVariant YamlNode::toVariant() const
{
    switch (kind) {
    case Kind::Null:
        return {};
    case Kind::Scalar:
        switch (type) {
        case Type::String: return QString::fromUtf8(text);
        case Type::Bool: return boolean;
        case Type::Integer: return integer;
        case Type::Double: return number;
        }
        return {};
    case Kind::List: {
        QVariantList list;
        list.reserve(qsizetype(items.size()));
        for (const YamlNode &item : items)
            list.append(item.toVariant());
        return list;
    }
    case Kind::Map: {
        QVariantMap map;
        for (const YamlNode &value : values)
            map.insert(QString::fromLatin1(value.key), value.toVariant());
        return map;
    }
    }
    return {};
}

} // namespace dblearn

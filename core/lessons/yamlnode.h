#pragma once

#include <QString>
#include <QVariant>

#include <vector>

namespace dblearn {

// One value of the small YAML subset lessons use (see MiniYaml and docs/lesson-format.md), with
// the source line it came from so checks can point at it.
struct YamlNode {
    enum class Kind { Null, Scalar, List, Map };

    Kind kind = Kind::Null;
    QVariant scalar;              // Scalar: QString, bool, qlonglong or double
    bool quoted = false;          // Scalar written in quotes or as a '|' block (always a string)
    bool literalBlock = false;    // Scalar written as a '|' block: its text starts on line + 1
    std::vector<YamlNode> items;  // List
    std::vector<QString> keys;    // Map, in source order
    std::vector<YamlNode> values; // Map, parallel to keys
    int line = 0;                 // 1-based line in the file

    bool isNull() const { return kind == Kind::Null; }
    bool isScalar() const { return kind == Kind::Scalar; }
    bool isList() const { return kind == Kind::List; }
    bool isMap() const { return kind == Kind::Map; }
    bool isString() const { return kind == Kind::Scalar && scalar.typeId() == QMetaType::QString; }
    bool isBool() const { return kind == Kind::Scalar && scalar.typeId() == QMetaType::Bool; }
    bool isInteger() const { return kind == Kind::Scalar && scalar.typeId() == QMetaType::LongLong; }
    bool isNumber() const { return isInteger() || (kind == Kind::Scalar && scalar.typeId() == QMetaType::Double); }

    // The map entry for key, or nullptr.
    const YamlNode *find(QLatin1String key) const;
    // Null → invalid QVariant, Scalar → its value, List → QVariantList, Map → QVariantMap.
    QVariant toVariant() const;
};

} // namespace dblearn

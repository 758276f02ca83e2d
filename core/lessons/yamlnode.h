#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVariant>

#include <vector>

namespace dblearn {

// One value of the small YAML subset lessons use (see MiniYaml and docs/lesson-format.md), with
// the source line it came from so checks can point at it.
//
// Keys and plain scalars are views into the text MiniYaml parsed: keep that text alive while the
// nodes are used. Text that had to be rebuilt (escapes, '|' blocks) is owned by its node.
struct YamlNode {
    enum class Kind : quint8 { Null, Scalar, List, Map };
    enum class Type : quint8 { String, Bool, Integer, Double }; // of a Scalar

    Kind kind = Kind::Null;
    Type type = Type::String;
    bool quoted = false;          // Scalar written in quotes or as a '|' block (always a string)
    bool literalBlock = false;    // Scalar written as a '|' block: its text starts on line + 1
    int line = 0;                 // 1-based line in the file
    QByteArrayView text;          // Scalar: its UTF-8 text, as written for a number or boolean
    QByteArray owned;             // the bytes text points into when they are not the parsed text's
    union {                       // the value of a Scalar, by type (read only the one of its type)
        qlonglong integer = 0;    // Type::Integer
        bool boolean;             // Type::Bool
        double number;            // Type::Double
    };
    QByteArrayView key;           // an entry of a Map: its key (ASCII)
    std::vector<YamlNode> items;  // List
    std::vector<YamlNode> values; // Map: its entries in source order, each with its key

    bool isNull() const { return kind == Kind::Null; }
    bool isScalar() const { return kind == Kind::Scalar; }
    bool isList() const { return kind == Kind::List; }
    bool isMap() const { return kind == Kind::Map; }
    bool isString() const { return kind == Kind::Scalar && type == Type::String; }
    bool isBool() const { return kind == Kind::Scalar && type == Type::Bool; }
    bool isInteger() const { return kind == Kind::Scalar && type == Type::Integer; }
    bool isNumber() const { return kind == Kind::Scalar && (type == Type::Integer || type == Type::Double); }

    // The map entry for key, or nullptr.
    const YamlNode *find(QLatin1String key) const;
    // A scalar as text: a string as is, a boolean as true/false, a number as QVariant writes it.
    // Empty for anything else.
    QString toString() const;
    double toDouble() const { return type == Type::Double ? number : type == Type::Integer ? double(integer) : 0.0; }
    // Null → invalid QVariant, Scalar → QString, bool, qlonglong or double, List → QVariantList,
    // Map → QVariantMap.
    QVariant toVariant() const;
};

} // namespace dblearn

#include "lessons/frontmatter.h"

#include "lessons/miniyaml.h"

#include <cstring>

namespace dblearn {

namespace {

// A line that is `---` (or `...` when closing), allowing trailing spaces and a CR.
bool isFenceLine(QByteArrayView line, bool closing)
{
    while (!line.isEmpty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.chop(1);
    return line == "---" || (closing && line == "...");
}

// [a-z0-9][a-z0-9_-]{0,63}
bool isSlug(const QString &s)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || (i > 0 && (c == u'-' || c == u'_'))))
            return false;
    }
    return true;
}

QString describe(const YamlNode &node)
{
    switch (node.kind) {
    case YamlNode::Kind::Null: return QStringLiteral("empty");
    case YamlNode::Kind::List: return QStringLiteral("a list");
    case YamlNode::Kind::Map: return QStringLiteral("a map");
    case YamlNode::Kind::Scalar: break;
    }
    if (node.isBool())
        return QStringLiteral("true/false");
    if (node.isNumber())
        return QStringLiteral("a number");
    return QStringLiteral("text");
}

} // namespace

bool FrontMatter::parse(QByteArrayView fileContents)
{
    m_root = YamlNode();
    m_root.kind = YamlNode::Kind::Map;
    m_yaml.clear();
    m_error.clear();
    m_present = false;
    m_bodyFirstLine = 1;

    qsizetype start = 0;
    if (fileContents.startsWith("\xEF\xBB\xBF"))
        start = 3;
    m_bodyOffset = start;

    const char *data = fileContents.data();
    const qsizetype size = fileContents.size();
    auto lineEnd = [&](qsizetype from) {
        const void *nl = from < size ? std::memchr(data + from, '\n', size_t(size - from)) : nullptr;
        return nl ? static_cast<const char *>(nl) - data : size;
    };

    qsizetype end = lineEnd(start);
    if (!isFenceLine(fileContents.sliced(start, end - start), false))
        return true; // no front matter
    m_present = true;

    const qsizetype yamlStart = qMin(end + 1, size);
    qsizetype pos = yamlStart;
    int lineNo = 2;
    while (pos < size) {
        end = lineEnd(pos);
        if (isFenceLine(fileContents.sliced(pos, end - pos), true)) {
            // The nodes view the text they were parsed from: the front matter keeps its own copy.
            m_yaml = fileContents.sliced(yamlStart, pos - yamlStart).toByteArray();
            m_bodyOffset = qMin(end + 1, size);
            m_bodyFirstLine = lineNo + 1;
            if (!MiniYaml::parse(m_yaml, 2, QStringLiteral("front matter"), &m_root, &m_error)) {
                m_root.kind = YamlNode::Kind::Map;
                return false;
            }
            return true;
        }
        pos = end + 1;
        ++lineNo;
    }
    m_error = QStringLiteral("front matter line 1: the '---' block is not closed (add a '---' line after the last field)");
    return false;
}

int FrontMatter::line(QLatin1String key) const
{
    const YamlNode *node = m_root.find(key);
    return node ? node->line : 0;
}

void FrontMatter::check(QStringList *errors, QStringList *warnings) const
{
    if (!m_present) {
        errors->append(QStringLiteral("line 1: the lesson has no front matter ('---' block with id, title, level, ...)"));
        return;
    }
    const int topLine = m_root.line > 0 ? m_root.line : 1;
    auto err = [&](int line, const QString &message) {
        errors->append(QStringLiteral("front matter line %1: %2").arg(line > 0 ? line : topLine).arg(message));
    };

    enum class Type { Slug, Text, PositiveInt, Minutes, PathList, NameList };
    struct Field {
        const char *name;
        Type type;
    };
    static const Field fields[] = {
        {"id", Type::Slug},           {"title", Type::Text},
        {"level", Type::PositiveInt}, {"section", Type::Text},
        {"description", Type::Text},  {"minutes_read", Type::Minutes},
        {"minutes_practice", Type::Minutes}, {"prerequisites", Type::PathList},
        {"tags", Type::NameList},     {"engines", Type::NameList},
        {"datasets", Type::NameList},
    };

    for (const Field &f : fields) {
        const QLatin1String name(f.name);
        const YamlNode *node = m_root.find(name);
        if (!node) {
            err(0, QStringLiteral("'%1' is missing").arg(name));
            continue;
        }
        const int line = node->line;
        switch (f.type) {
        case Type::Slug:
            if (!node->isScalar() || node->isBool() || !isSlug(node->toString()))
                err(line, QStringLiteral("'%1' must be lower-case letters, digits, '-' or '_' (at most 64)").arg(name));
            break;
        case Type::Text:
            if (!node->isString() || node->toString().trimmed().isEmpty())
                err(line, QStringLiteral("'%1' must be non-empty text, not %2").arg(name, describe(*node)));
            break;
        case Type::PositiveInt:
            if (!node->isInteger() || node->integer < 1)
                err(line, QStringLiteral("'%1' must be an integer of at least 1, not %2").arg(name, describe(*node)));
            break;
        case Type::Minutes:
            if (!node->isInteger() || node->integer < 0 || node->integer > 1000)
                err(line, QStringLiteral("'%1' must be a whole number of minutes (0-1000), not %2").arg(name, describe(*node)));
            break;
        case Type::PathList:
        case Type::NameList:
            if (!node->isList()) {
                err(line, QStringLiteral("'%1' must be a list ([] when empty), not %2").arg(name, describe(*node)));
                break;
            }
            for (const YamlNode &item : node->items) {
                const QString value = item.toString();
                if (!item.isString() || value.isEmpty()) {
                    err(item.line, QStringLiteral("'%1' items must be text").arg(name));
                } else if (f.type == Type::PathList) {
                    if (!value.endsWith(QLatin1String(".md")) || value.startsWith(QLatin1Char('/'))
                        || value.contains(QLatin1String("..")) || value.contains(QLatin1Char('\\')))
                        err(item.line, QStringLiteral("prerequisite '%1' must be a lesson path relative to the content folder, "
                                                      "such as 01_foundations/01_acid_properties.md").arg(value));
                } else if (!isSlug(value)) {
                    err(item.line, QStringLiteral("'%1' item '%2' must be lower-case letters, digits, '-' or '_'").arg(name, value));
                }
            }
            break;
        }
    }

    static const char *const optional[] = {"questions", "authors", "updated"};
    for (const YamlNode &value : m_root.values) {
        const QByteArrayView key = value.key;
        bool known = false;
        for (const Field &f : fields)
            known = known || key == f.name;
        for (const char *o : optional)
            known = known || key == o;
        if (!known)
            warnings->append(QStringLiteral("front matter line %1: unknown key '%2'")
                                 .arg(value.line)
                                 .arg(QString::fromLatin1(key)));
    }
}

} // namespace dblearn

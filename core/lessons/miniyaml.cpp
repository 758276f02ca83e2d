#include "lessons/miniyaml.h"

#include "lessons/byteset.h"

#include <QVarLengthArray>

#include <cstring>

namespace dblearn {

namespace {

struct Line {
    QByteArrayView text; // without the line break
    int number = 0;
    int indent = 0;      // leading spaces
    bool blank = false;  // empty, only whitespace, or a comment
};

// Like the strchr tests they replace, these sets hold '\0' too.
constexpr ByteSet kMaybeNotString = ByteSet("+-.~nNtTfF0123456789").plusNul(); // may be a number, boolean or null
constexpr ByteSet kQuoteFirst = ByteSet("&*!%@`]}").plusNul(); // a plain value cannot start with these
constexpr ByteSet kQuoteFirstInList = ByteSet("&*!%@`'\"").plusNul();
constexpr ByteSet kKeyStart("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_");
constexpr ByteSet kKeyByte = kKeyStart.plus("0123456789-");

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmed(QByteArrayView v)
{
    qsizetype b = 0;
    qsizetype e = v.size();
    while (b < e && isSpace(v[b]))
        ++b;
    while (e > b && isSpace(v[e - 1]))
        --e;
    return v.sliced(b, e - b);
}

// Length of a key at the start of t ([A-Za-z_][A-Za-z0-9_-]*), 0 when there is none.
qsizetype keyLength(QByteArrayView t)
{
    if (t.isEmpty() || !kKeyStart.contains(t[0]))
        return 0;
    qsizetype i = 1;
    while (i < t.size() && kKeyByte.contains(t[i]))
        ++i;
    return i;
}

bool isEntry(QByteArrayView t)
{
    const qsizetype k = keyLength(t);
    return k > 0 && k < t.size() && t[k] == ':' && (k + 1 == t.size() || isSpace(t[k + 1]));
}

bool isDash(QByteArrayView t)
{
    return !t.isEmpty() && t[0] == '-' && (t.size() == 1 || isSpace(t[1]));
}

bool isDigits(QByteArrayView v, qsizetype from, qsizetype to)
{
    if (from >= to)
        return false;
    for (qsizetype i = from; i < to; ++i) {
        if (v[i] < '0' || v[i] > '9')
            return false;
    }
    return true;
}

// YAML 1.2 core schema resolution of a plain scalar.
void resolvePlain(QByteArrayView v, YamlNode *out)
{
    out->kind = YamlNode::Kind::Scalar;
    out->type = YamlNode::Type::String;
    out->quoted = false;
    out->text = v;
    const char first = v.isEmpty() ? ' ' : v[0];
    if (!kMaybeNotString.contains(first))
        return; // cannot be a number, boolean or null
    if (v == "null" || v == "Null" || v == "NULL" || v == "~") {
        out->kind = YamlNode::Kind::Null;
        out->text = {};
        return;
    }
    if (v == "true" || v == "True" || v == "TRUE" || v == "false" || v == "False" || v == "FALSE") {
        out->type = YamlNode::Type::Bool;
        out->boolean = v[0] == 't' || v[0] == 'T';
        return;
    }
    const qsizetype sign = (!v.isEmpty() && (v[0] == '-' || v[0] == '+')) ? 1 : 0;
    if (isDigits(v, sign, v.size())) {
        bool ok = false;
        const qlonglong n = v.toLongLong(&ok);
        if (ok) {
            out->type = YamlNode::Type::Integer;
            out->integer = n;
            return;
        }
    }
    // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
    qsizetype i = sign;
    qsizetype intStart = i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9')
        ++i;
    bool mantissa = i > intStart;
    if (i < v.size() && v[i] == '.') {
        ++i;
        const qsizetype fracStart = i;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9')
            ++i;
        mantissa = mantissa || i > fracStart;
    }
    if (mantissa && i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
        ++i;
        if (i < v.size() && (v[i] == '-' || v[i] == '+'))
            ++i;
        const qsizetype expStart = i;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9')
            ++i;
        if (i == expStart)
            mantissa = false;
    }
    if (mantissa && i == v.size()) {
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (ok) {
            out->type = YamlNode::Type::Double;
            out->number = d;
        }
    }
}

class Parser
{
public:
    Parser(QByteArrayView text, int firstLine, const QString &context) : m_context(context)
    {
        qsizetype start = 0;
        int number = firstLine;
        while (start <= text.size()) {
            const char *nl = start < text.size()
                ? static_cast<const char *>(std::memchr(text.data() + start, '\n', size_t(text.size() - start)))
                : nullptr;
            const qsizetype end = nl ? nl - text.data() : text.size();
            QByteArrayView t = text.sliced(start, end - start);
            if (!t.isEmpty() && t.back() == '\r')
                t.chop(1);
            Line line;
            line.text = t;
            line.number = number++;
            while (line.indent < t.size() && t[line.indent] == ' ')
                ++line.indent;
            qsizetype first = line.indent;
            while (first < t.size() && isSpace(t[first]))
                ++first;
            line.blank = first == t.size() || t[first] == '#';
            m_lines.push_back(line);
            if (!nl)
                break;
            start = end + 1;
        }
    }

    bool run(YamlNode *root)
    {
        root->kind = YamlNode::Kind::Map;
        skipBlank();
        root->line = atEnd() ? m_lines.front().number : current().number;
        if (!atEnd() && current().indent > 0)
            return fail(current().number, QStringLiteral("unexpected indentation"));
        return parseMapContinue(0, 0, root);
    }

    QString error;

private:
    bool fail(int line, const QString &message)
    {
        if (error.isEmpty())
            error = QStringLiteral("%1 line %2: %3").arg(m_context).arg(line).arg(message);
        return false;
    }
    bool atEnd() const { return m_pos >= m_lines.size(); }
    const Line &current() const { return m_lines[m_pos]; }
    void skipBlank()
    {
        while (!atEnd() && current().blank)
            ++m_pos;
    }
    bool checkTab(const Line &l)
    {
        if (l.indent < l.text.size() && l.text[l.indent] == '\t')
            return fail(l.number, QStringLiteral("tabs are not allowed for indentation; use spaces"));
        return true;
    }

    bool parseMapContinue(int indent, int depth, YamlNode *map)
    {
        for (;;) {
            skipBlank();
            if (atEnd())
                return true;
            const Line &l = current();
            if (l.indent < indent)
                return true;
            if (!checkTab(l))
                return false;
            if (l.indent > indent)
                return fail(l.number, QStringLiteral("unexpected indentation"));
            const QByteArrayView content = l.text.sliced(indent);
            if (isDash(content))
                return fail(l.number, QStringLiteral("a list item is not expected here (expected key: value)"));
            ++m_pos;
            if (!parseEntry(content, l.number, indent, depth, map))
                return false;
        }
    }

    bool parseEntry(QByteArrayView content, int lineNo, int indent, int depth, YamlNode *map)
    {
        const qsizetype k = keyLength(content);
        if (!(k > 0 && k < content.size() && content[k] == ':' && (k + 1 == content.size() || isSpace(content[k + 1]))))
            return fail(lineNo, QStringLiteral("expected key: value"));
        const QByteArrayView key = content.first(k);
        if (map->values.size() >= MiniYaml::maxKeys)
            return fail(lineNo, QStringLiteral("more than %1 keys in one map").arg(MiniYaml::maxKeys));
        for (size_t i = 0; i < map->values.size(); ++i) {
            if (map->values[i].key == key)
                return fail(lineNo, QStringLiteral("duplicate key '%1' (first on line %2)")
                                        .arg(QString::fromLatin1(key))
                                        .arg(map->values[i].line));
        }
        QByteArrayView rest = content.sliced(k + 1);
        while (!rest.isEmpty() && isSpace(rest[0]))
            rest = rest.sliced(1);
        if (map->values.empty())
            map->values.reserve(8);
        // Parsed in place: the value's own nodes are other vectors, so this one does not move.
        YamlNode &child = map->values.emplace_back();
        child.key = key;
        child.line = lineNo;
        return parseValue(rest, lineNo, indent, depth, &child);
    }

    bool parseValue(QByteArrayView rest, int lineNo, int indent, int depth, YamlNode *out)
    {
        out->line = lineNo;
        if (rest.isEmpty() || rest[0] == '#') {
            skipBlank();
            if (atEnd())
                return true;
            const Line &next = current();
            const QByteArrayView content = next.text.sliced(qMin<qsizetype>(next.indent, next.text.size()));
            if (next.indent > indent || (next.indent == indent && isDash(content))) {
                if (!checkTab(next))
                    return false;
                if (depth + 1 > MiniYaml::maxDepth)
                    return fail(next.number, QStringLiteral("nesting deeper than %1 levels is not supported").arg(MiniYaml::maxDepth));
                if (isDash(content))
                    return parseList(next.indent, depth + 1, next.indent == indent, out);
                out->kind = YamlNode::Kind::Map;
                out->line = next.number;
                return parseMapContinue(next.indent, depth + 1, out);
            }
            return true; // null
        }
        if (rest[0] == '|')
            return parseBlockScalar(rest, lineNo, indent, out);
        if (rest[0] == '>')
            return fail(lineNo, QStringLiteral("folded blocks ('>') are not supported; use '|'"));
        return parseInline(rest, lineNo, out, depth + 1 <= MiniYaml::maxDepth);
    }

    bool parseList(int indent, int depth, bool sameIndentAsKey, YamlNode *list)
    {
        list->kind = YamlNode::Kind::List;
        for (;;) {
            skipBlank();
            if (atEnd())
                return true;
            const Line &l = current();
            if (l.indent < indent)
                return true;
            if (!checkTab(l))
                return false;
            if (l.indent > indent)
                return fail(l.number, QStringLiteral("unexpected indentation"));
            const QByteArrayView content = l.text.sliced(indent);
            if (!isDash(content)) {
                if (sameIndentAsKey)
                    return true;
                return fail(l.number, QStringLiteral("expected a list item '- ...'"));
            }
            const int lineNo = l.number;
            ++m_pos;
            QByteArrayView after = content.sliced(1);
            qsizetype spaces = 0;
            while (spaces < after.size() && after[spaces] == ' ')
                ++spaces;
            if (spaces < after.size() && after[spaces] == '\t')
                return fail(lineNo, QStringLiteral("tabs are not allowed for indentation; use spaces"));
            const QByteArrayView itemText = after.sliced(spaces);
            if (itemText.isEmpty() || itemText[0] == '#')
                return fail(lineNo, QStringLiteral("empty list item"));
            if (list->items.empty())
                list->items.reserve(6);
            YamlNode &item = list->items.emplace_back(); // parsed in place, as map entries are
            item.line = lineNo;
            if (isEntry(itemText)) {
                if (depth + 1 > MiniYaml::maxDepth)
                    return fail(lineNo, QStringLiteral("nesting deeper than %1 levels is not supported").arg(MiniYaml::maxDepth));
                item.kind = YamlNode::Kind::Map;
                const int keyIndent = indent + 1 + int(spaces);
                if (!parseEntry(itemText, lineNo, keyIndent, depth + 1, &item))
                    return false;
                if (!parseMapContinue(keyIndent, depth + 1, &item))
                    return false;
            } else if (itemText[0] == '|') {
                if (!parseBlockScalar(itemText, lineNo, indent, &item))
                    return false;
            } else if (itemText[0] == '[') {
                return fail(lineNo, QStringLiteral("lists inside lists are not supported"));
            } else if (!parseInline(itemText, lineNo, &item, false)) {
                return false;
            }
        }
    }

    bool parseBlockScalar(QByteArrayView header, int lineNo, int parentIndent, YamlNode *out)
    {
        bool strip = false;
        qsizetype i = 1;
        if (i < header.size() && header[i] == '-') {
            strip = true;
            ++i;
        } else if (i < header.size() && (header[i] == '+' || (header[i] >= '1' && header[i] <= '9'))) {
            return fail(lineNo, QStringLiteral("only '|' and '|-' block headers are supported"));
        }
        const QByteArrayView tail = trimmed(header.sliced(i));
        if (!tail.isEmpty() && tail[0] != '#')
            return fail(lineNo, QStringLiteral("the text of a '|' block starts on the next line"));

        QByteArray text;
        int blockIndent = -1;
        int pendingEmpty = 0;
        while (!atEnd()) {
            const Line &l = current();
            if (trimmed(l.text).isEmpty()) {
                ++pendingEmpty;
                ++m_pos;
                continue;
            }
            if (blockIndent < 0) {
                if (l.indent <= parentIndent)
                    break;
                blockIndent = l.indent;
            }
            if (l.indent < blockIndent)
                break;
            if (!text.isEmpty() || pendingEmpty > 0) {
                if (!text.isEmpty())
                    text.append('\n');
                for (int k = 0; k < pendingEmpty; ++k)
                    text.append('\n');
            }
            pendingEmpty = 0;
            text.append(l.text.sliced(blockIndent));
            ++m_pos;
        }
        if (!text.isEmpty() && !strip)
            text.append('\n');
        out->kind = YamlNode::Kind::Scalar;
        out->type = YamlNode::Type::String;
        out->quoted = true;
        out->literalBlock = true;
        out->owned = std::move(text);
        out->text = out->owned;
        out->line = lineNo;
        return true;
    }

    bool checkTail(QByteArrayView tail, int lineNo, const QString &what)
    {
        const QByteArrayView t = trimmed(tail);
        if (!t.isEmpty() && t[0] != '#')
            return fail(lineNo, QStringLiteral("unexpected text after %1").arg(what));
        if (!t.isEmpty() && !tail.isEmpty() && !isSpace(tail[0]))
            return fail(lineNo, QStringLiteral("unexpected text after %1").arg(what));
        return true;
    }

    // A quoted string at the start of text into *out (a string Scalar); *consumed is its length
    // with the quotes. Without escapes the text is a view of the source.
    bool parseQuoted(QByteArrayView text, int lineNo, qsizetype *consumed, YamlNode *out)
    {
        const char quote = text[0];
        out->kind = YamlNode::Kind::Scalar;
        out->type = YamlNode::Type::String;
        out->quoted = true;
        // The common case first: the closing quote with no escape before it.
        qsizetype i = 1;
        while (i < text.size() && text[i] != quote && !(quote == '"' && text[i] == '\\'))
            ++i;
        if (i < text.size() && text[i] == quote && !(quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'')) {
            out->text = text.sliced(1, i - 1);
            *consumed = i + 1;
            return true;
        }
        QByteArray buf;
        buf.reserve(text.size());
        buf.append(text.sliced(1, qMin(i, text.size()) - 1));
        while (i < text.size()) {
            const char c = text[i];
            if (c == quote) {
                if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                    buf.append('\'');
                    i += 2;
                    continue;
                }
                *consumed = i + 1;
                out->owned = std::move(buf);
                out->text = out->owned;
                return true;
            }
            if (c == '\\' && quote == '"') {
                if (i + 1 >= text.size())
                    break;
                const char e = text[i + 1];
                i += 2;
                switch (e) {
                case 'n': buf.append('\n'); break;
                case 't': buf.append('\t'); break;
                case 'r': buf.append('\r'); break;
                case '\\': buf.append('\\'); break;
                case '"': buf.append('"'); break;
                case '/': buf.append('/'); break;
                case 'u': {
                    bool ok = i + 4 <= text.size();
                    const uint cp = ok ? QByteArrayView(text.sliced(i, 4)).toUInt(&ok, 16) : 0;
                    if (!ok || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
                        return fail(lineNo, QStringLiteral("invalid \\u escape (four hex digits, not NUL or a surrogate)"));
                    buf.append(QString(QChar(char16_t(cp))).toUtf8());
                    i += 4;
                    break;
                }
                default:
                    return fail(lineNo, QStringLiteral("unknown escape '\\%1' in a double-quoted string").arg(QLatin1Char(e)));
                }
                continue;
            }
            buf.append(c);
            ++i;
        }
        return fail(lineNo, QStringLiteral("unterminated quoted string (it must end on the same line)"));
    }

    bool parsePlain(QByteArrayView v, int lineNo, YamlNode *out)
    {
        for (qsizetype i = 0; i < v.size(); ++i) {
            if (v[i] == ':' && (i + 1 == v.size() || isSpace(v[i + 1])))
                return fail(lineNo, QStringLiteral("a value containing ': ' must be quoted"));
        }
        resolvePlain(v, out);
        return true;
    }

    bool parseInline(QByteArrayView text, int lineNo, YamlNode *out, bool allowList)
    {
        out->line = lineNo;
        const char c = text[0];
        if (c == '"' || c == '\'') {
            qsizetype consumed = 0;
            if (!parseQuoted(text, lineNo, &consumed, out))
                return false;
            return checkTail(text.sliced(consumed), lineNo, QStringLiteral("the closing quote"));
        }
        if (c == '[') {
            if (!allowList)
                return fail(lineNo, QStringLiteral("a list is not allowed at this depth"));
            return parseFlowList(text, lineNo, out);
        }
        if (c == '{')
            return fail(lineNo, QStringLiteral("inline maps ('{...}') are not supported"));
        if (kQuoteFirst.contains(c))
            return fail(lineNo, QStringLiteral("a value starting with '%1' must be quoted").arg(QLatin1Char(c)));
        if ((c == '-' || c == '?' || c == ':') && (text.size() == 1 || isSpace(text[1])))
            return fail(lineNo, QStringLiteral("a value starting with '%1 ' must be quoted").arg(QLatin1Char(c)));
        // A comment starts at a '#' after a space; a ': ' before it is not allowed.
        const char *data = text.data();
        qsizetype end = text.size();
        for (const char *p = data; (p = static_cast<const char *>(std::memchr(p, '#', size_t(data + end - p))));
             ++p) {
            if (p > data && isSpace(p[-1])) {
                end = p - data;
                break;
            }
        }
        for (const char *p = data; (p = static_cast<const char *>(std::memchr(p, ':', size_t(data + end - p))));
             ++p) {
            if (p + 1 == data + end || isSpace(p[1]))
                return fail(lineNo, QStringLiteral("a value containing ': ' must be quoted"));
        }
        resolvePlain(trimmed(text.first(end)), out);
        return true;
    }

    bool parseFlowList(QByteArrayView text, int lineNo, YamlNode *out)
    {
        out->kind = YamlNode::Kind::List;
        qsizetype i = 1;
        const qsizetype n = text.size();
        auto skip = [&] {
            while (i < n && isSpace(text[i]))
                ++i;
        };
        skip();
        if (i < n && text[i] == ']') {
            ++i;
        } else {
            for (;;) {
                skip();
                if (i >= n)
                    return fail(lineNo, QStringLiteral("unterminated list (missing ']')"));
                YamlNode item;
                item.line = lineNo;
                if (text[i] == '"' || text[i] == '\'') {
                    qsizetype consumed = 0;
                    if (!parseQuoted(text.sliced(i), lineNo, &consumed, &item))
                        return false;
                    i += consumed;
                } else {
                    qsizetype j = i;
                    while (j < n && text[j] != ',' && text[j] != ']') {
                        if (text[j] == '[' || text[j] == '{' || text[j] == '}')
                            return fail(lineNo, QStringLiteral("nested lists or maps inside [...] are not supported"));
                        if (text[j] == '#' && j > i && isSpace(text[j - 1]))
                            return fail(lineNo, QStringLiteral("unterminated list (missing ']')"));
                        ++j;
                    }
                    const QByteArrayView v = trimmed(text.sliced(i, j - i));
                    if (v.isEmpty())
                        return fail(lineNo, QStringLiteral("empty item in a [...] list"));
                    if (kQuoteFirstInList.contains(v[0]))
                        return fail(lineNo, QStringLiteral("a list item starting with '%1' must be quoted").arg(QLatin1Char(v[0])));
                    if (!parsePlain(v, lineNo, &item))
                        return false;
                    i = j;
                }
                out->items.push_back(std::move(item));
                skip();
                if (i >= n)
                    return fail(lineNo, QStringLiteral("unterminated list (missing ']')"));
                if (text[i] == ',') {
                    ++i;
                    continue;
                }
                if (text[i] == ']') {
                    ++i;
                    break;
                }
                return fail(lineNo, QStringLiteral("expected ',' or ']' in a [...] list"));
            }
        }
        return checkTail(text.sliced(i), lineNo, QStringLiteral("the closing ']'"));
    }

    QVarLengthArray<Line, 64> m_lines;
    size_t m_pos = 0;
    QString m_context;
};

} // namespace

bool MiniYaml::parse(QByteArrayView text, int firstLine, const QString &context, YamlNode *root, QString *error)
{
    *root = YamlNode();
    Parser parser(text, firstLine, context);
    if (parser.run(root))
        return true;
    *root = YamlNode();
    if (error)
        *error = parser.error;
    return false;
}

} // namespace dblearn

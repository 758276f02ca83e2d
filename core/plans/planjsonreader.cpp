#include "plans/planjsonreader.h"

#include <QJsonParseError>

#include <algorithm>

#include <cstring>
#include <string_view>
#include <vector>

namespace dblearn {

namespace {

constexpr int maxDuplicateNotes = 5;

QString describeJsonError(const QJsonParseError &error)
{
    switch (error.error) {
    case QJsonParseError::UnterminatedObject:
        return QStringLiteral("the JSON ends inside an object (a \"}\" is missing): is the plan truncated?");
    case QJsonParseError::UnterminatedArray:
        return QStringLiteral("the JSON ends inside an array (a \"]\" is missing): is the plan truncated?");
    case QJsonParseError::UnterminatedString:
        return QStringLiteral("a string is not closed: is the plan truncated?");
    case QJsonParseError::MissingValueSeparator:
        return QStringLiteral("a \":\" is missing after a key");
    case QJsonParseError::MissingObject:
        return QStringLiteral("an object was expected here");
    case QJsonParseError::DeepNesting:
        return QStringLiteral("the JSON is nested too deeply to read");
    case QJsonParseError::GarbageAtEnd:
        return QStringLiteral("there is more text after the end of the JSON");
    default:
        break;
    }
    return QStringLiteral("invalid JSON (%1)").arg(error.errorString());
}

} // namespace

void PlanJsonReader::position(const QByteArray &utf8, qsizetype offset, int *line, int *column)
{
    offset = std::clamp<qsizetype>(offset, 0, utf8.size());
    const char *data = utf8.constData();
    int lines = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (data[i] == '\n') {
            ++lines;
            lineStart = i + 1;
        }
    }
    *line = lines;
    *column = int(QString::fromUtf8(data + lineStart, offset - lineStart).size()) + 1;
}

QJsonDocument PlanJsonReader::read(const QByteArray &utf8, PlanParseError *error, QStringList *notes)
{
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error->message = describeJsonError(parseError);
        position(utf8, parseError.offset, &error->line, &error->column);
        return {};
    }
    if (notes)
        findDuplicateKeys(utf8, notes);
    return document;
}

// One pass over the bytes, keeping the keys of each open object. Objects in plans hold a few dozen
// keys, so a linear search per key (length first) costs less than hashing them.
void PlanJsonReader::findDuplicateKeys(const QByteArray &utf8, QStringList *notes)
{
    struct Frame {
        bool object = false;
        bool expectKey = false;
        std::vector<std::string_view> keys;
    };
    std::vector<Frame> stack;
    size_t depth = 0;
    int found = 0;
    const char *data = utf8.constData();
    const qsizetype size = utf8.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        switch (c) {
        case '"': {
            const qsizetype start = i + 1;
            ++i;
            while (i < size && data[i] != '"') {
                if (data[i] == '\\')
                    ++i;
                ++i;
            }
            if (depth == 0)
                break;
            Frame &frame = stack[depth - 1];
            if (!frame.object || !frame.expectKey)
                break;
            frame.expectKey = false;
            const std::string_view key(data + start, size_t(i - start));
            bool duplicate = false;
            for (const std::string_view &seen : frame.keys) {
                if (seen.size() == key.size() && std::memcmp(seen.data(), key.data(), key.size()) == 0) {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) {
                frame.keys.push_back(key);
            } else if (found++ < maxDuplicateNotes) {
                int line = 0;
                int column = 0;
                position(utf8, start - 1, &line, &column);
                notes->append(QStringLiteral("line %1, column %2: duplicate key \"%3\" in one object; the last value "
                                             "was used")
                                  .arg(line)
                                  .arg(column)
                                  .arg(QString::fromUtf8(key.data(), qsizetype(key.size()))));
            }
            break;
        }
        case '{':
        case '[':
            if (stack.size() <= depth)
                stack.emplace_back();
            stack[depth].object = c == '{';
            stack[depth].expectKey = c == '{';
            stack[depth].keys.clear();
            ++depth;
            break;
        case '}':
        case ']':
            if (depth > 0)
                --depth;
            break;
        case ',':
            if (depth > 0 && stack[depth - 1].object)
                stack[depth - 1].expectKey = true;
            break;
        default:
            break;
        }
    }
    if (found > maxDuplicateNotes)
        notes->append(QStringLiteral("%1 more duplicate keys").arg(found - maxDuplicateNotes));
}

} // namespace dblearn

#pragma once

#include "lessons/yamlnode.h"

#include <QByteArrayView>
#include <QString>

namespace dblearn {

// A strict parser for the YAML subset of lesson front matter and exercise/quiz blocks
// (docs/lesson-format.md, "The YAML subset"): a map of `key: value` lines whose values are plain
// scalars (string, integer, float, true/false, null), quoted strings, inline lists `[a, b]`,
// literal blocks `|` / `|-`, block lists `- x`, and maps nested at most two levels below the top
// (a list of maps, a map of scalars). Anything outside the subset is an error, never a guess.
class MiniYaml final
{
public:
    static constexpr int maxDepth = 2;
    static constexpr size_t maxKeys = 256; // per map; keeps the duplicate check cheap on hostile input

    // text is UTF-8 (already validated); firstLine is the file line of its first line. On failure
    // returns false and sets *error to "<context> line N: <what is wrong>".
    static bool parse(QByteArrayView text, int firstLine, const QString &context, YamlNode *root, QString *error);
};

} // namespace dblearn

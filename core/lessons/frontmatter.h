#pragma once

#include "lessons/yamlnode.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace dblearn {

// The `---` … `---` block at the top of a lesson: found, parsed with MiniYaml, and checked
// against the fields docs/lesson-format.md defines.
class FrontMatter final
{
public:
    // Splits the front matter off the file (after an optional UTF-8 BOM) and parses it. Returns
    // false with error() for a block that is not closed or not in the YAML subset
    // ("front matter line 4: expected key: value"). A file without front matter parses fine
    // (isPresent() false, body = the whole file).
    bool parse(QByteArrayView fileContents);

    bool isPresent() const { return m_present; }
    QString error() const { return m_error; }
    QVariantMap values() const { return m_root.toVariant().toMap(); }
    const YamlNode &root() const { return m_root; }
    int line(QLatin1String key) const; // 1-based line of a top-level key, 0 when absent

    qsizetype bodyOffset() const { return m_bodyOffset; } // byte offset of the markdown body
    int bodyFirstLine() const { return m_bodyFirstLine; } // file line of the body's first line

    // Checks the parsed fields: required fields present with the right types. Errors make the
    // lesson fail the content check ("front matter line 3: 'level' must be an integer ...");
    // warnings are for keys the format does not know.
    void check(QStringList *errors, QStringList *warnings) const;

private:
    QByteArray m_yaml; // the text between the fences, which m_root's nodes view
    YamlNode m_root;
    QString m_error;
    bool m_present = false;
    qsizetype m_bodyOffset = 0;
    int m_bodyFirstLine = 1;
};

} // namespace dblearn

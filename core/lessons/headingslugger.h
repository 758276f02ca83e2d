#pragma once

#include <QHash>
#include <QString>

namespace dblearn {

// GitHub-style heading anchors, as github-slugger makes them: lower-case, punctuation and symbols
// removed, each space a '-'; repeated headings get "-1", "-2", ... so every id is unique.
class HeadingSlugger final
{
public:
    QString slug(const QString &headingText);
    static QString slugify(const QString &text); // without the uniqueness suffix
    // Marks an id as taken (by the page around the lesson), so a heading gets "lesson-1" instead.
    void reserve(const QString &id) { m_occurrences.insert(id, 0); }
    void reset() { m_occurrences.clear(); }

private:
    QHash<QString, int> m_occurrences;
};

} // namespace dblearn

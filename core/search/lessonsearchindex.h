#pragma once

#include <QList>
#include <QString>

struct sqlite3;

namespace dblearn {

class Curriculum;

struct SearchHit {
    QString lessonPath;
    QString lessonTitle;
    QString heading; // the section the hit is in; empty for the lesson's opening text
    QString anchor;  // the heading's id in the rendered page; empty for the top
    QString snippet; // plain text around the match; matched words are wrapped in [[ and ]]
    double rank = 0; // lower is better (bm25)
};

// Full-text search over every written lesson: titles, headings and text, one entry per section.
// An in-memory SQLite FTS5 index, built at start in a few hundred milliseconds at most.
// Exercise solutions and quiz answers are not indexed.
class LessonSearchIndex final
{
public:
    LessonSearchIndex();
    ~LessonSearchIndex();
    Q_DISABLE_COPY_MOVE(LessonSearchIndex)

    // Indexes the curriculum's lessons that exist under `contentDir`. Returns false with a reason
    // when the index cannot be built at all; unreadable lessons are skipped.
    bool build(const Curriculum &curriculum, const QString &contentDir, QString *error);
    // Adds one lesson from its markdown (used by build() and by tests).
    bool addLesson(const QString &lessonPath, const QString &title, const QByteArray &markdown);

    // Search-as-you-type: every word of `query` must match, the last one as a prefix.
    QList<SearchHit> search(const QString &query, int limit = 30) const;
    int sectionCount() const { return m_sections; }

    // The FTS5 query for what the learner typed: words quoted, the last one a prefix; empty when
    // nothing searchable is left.
    static QString toFtsQuery(const QString &text);

private:
    sqlite3 *m_db = nullptr;
    int m_sections = 0;
};

} // namespace dblearn

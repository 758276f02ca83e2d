#pragma once

#include "lessons/mathcache.h"
#include "lessons/renderedlesson.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace dblearn {

// Reads lessons from the content folder and renders them, keeping the last rendered lessons so
// the page and the app's bridge see the same snippets, exercises and quizzes.
class LessonLibrary final
{
public:
    // mathDir: math rendered ahead of time for the lessons (MathCache); empty for none.
    explicit LessonLibrary(const QString &contentDir, const QString &mathDir = QString());

    QString contentDir() const { return m_contentDir; }
    // The absolute file of a lesson path, or empty when the path escapes the content folder.
    QString filePath(const QString &lessonPath) const;
    bool exists(const QString &lessonPath) const;

    // Renders (or returns the cached rendering of) a lesson. A missing or unreadable file gives
    // ok = false with the reason.
    const RenderedLesson &lesson(const QString &lessonPath);
    // The complete HTML page for a lesson, or an error page saying what is wrong with it;
    // leadBytes as RenderedLesson::pageBodyHtml takes it.
    QByteArray page(const QString &lessonPath, const QString &theme, qsizetype leadBytes = 0);

private:
    struct CacheEntry {
        QDateTime modified;
        qint64 size = -1;
        RenderedLesson lesson;
    };
    QString m_contentDir;
    MathCache m_math;
    QHash<QString, CacheEntry> m_cache;
};

} // namespace dblearn

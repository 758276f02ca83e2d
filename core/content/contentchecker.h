#pragma once

#include "content/contentreport.h"

#include <QMap>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

namespace dblearn {

class BackendRegistry;

struct ContentCheckOptions {
    QString contentDir;             // holds curriculum.json and the lessons
    QString cacheDir;               // dataset templates are built here once and reused
    QMap<QString, QString> servers; // engine ("postgresql", "mariadb") -> connection URI
    bool execute = true;            // run runnable blocks and reference solutions
    int blockTimeoutMs = 10000;     // per runnable block
    int exerciseTimeoutMs = 5000;   // per run of a reference solution (as in the app)
    int jobs = 0;                   // lessons run in parallel; <= 0: the number of cores, at most 4
};

// Checks a content folder against the lesson format (docs/lesson-format.md) and the curriculum:
// every lesson listed in curriculum.json that exists is rendered and checked —
//   - the renderer's errors and warnings; front matter matching the curriculum (title, level,
//     section), unique ids, prerequisites that are curriculum lessons, known datasets;
//   - internal links and images resolving inside the content folder, anchors existing among the
//     target's headings; a link to a lesson not written yet is a warning;
//   - code blocks, exercises: runnable engines and known datasets; quizzes: the declared number of
//     correct options, every option explained;
//   - every runnable block runs without error on a fresh copy of its dataset, and every exercise's
//     reference solution passes its own exercise (ExerciseChecker), on SQLite and on the servers
//     given; blocks for engines without a server are counted as skipped.
// Unwritten lessons are listed, not errors; other files in the folder (outside datasets/, not
// linked from a lesson) are warnings. A broken lesson (bad UTF-8, broken front matter, too large)
// is reported and the others are still checked. Runs synchronously; cancel() from any thread.
class ContentChecker final
{
public:
    ContentChecker(const BackendRegistry &registry, ContentCheckOptions options);
    ~ContentChecker();
    Q_DISABLE_COPY_MOVE(ContentChecker)

    ContentReport run();
    void cancel() { m_cancelled = true; }

    // Called (from the thread that runs, or a worker) after each lesson: done of total.
    void setProgressCallback(std::function<void(int done, int total, const QString &lessonPath)> callback);

    // The engines a runnable block or exercise may name; others can only be shown.
    static QStringList runnableEngines(); // sqlite, postgresql, mariadb, mysql
    // Engines a lesson may show code for (a name outside this list gets a warning).
    static QStringList knownEngines();

private:
    struct Private;
    std::unique_ptr<Private> d;
    std::atomic<bool> m_cancelled{false};
};

} // namespace dblearn

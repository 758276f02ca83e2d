#pragma once

#include "content/contentreport.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <atomic>

namespace dblearn {

class DatasetProvider;
struct CodeSnippet;
struct Exercise;
struct RenderedLesson;

// Runs what a lesson holds to run: every runnable block on a fresh copy of its dataset under a
// time limit, and every exercise's reference solution through ExerciseChecker as if a learner had
// typed it (it must pass its own exercise, on the variant data too). Blocks and exercises for an
// engine that is not available are counted as skipped. Thread-safe for different lessons.
class LessonExecutionCheck final
{
public:
    struct Settings {
        QSet<QString> engines;    // engines that can run: "sqlite", and servers with a URI
        QStringList datasetNames; // known datasets; blocks naming others are not run
        int blockTimeoutMs = 10000;
        int exerciseTimeoutMs = 5000;
    };

    LessonExecutionCheck(DatasetProvider &datasets, Settings settings, const std::atomic<bool> *cancelled);

    void check(const RenderedLesson &lesson, LessonReport *report) const;

private:
    void runSnippet(const CodeSnippet &snippet, LessonReport *report) const;
    void runExercise(const Exercise &exercise, LessonReport *report) const;
    // Whether to run something on `engine` with `datasets`; counts it as skipped when the engine is
    // not available. Unknown engines and datasets are reported by the structure check.
    bool shouldRun(const QString &engine, const QStringList &datasets, LessonReport *report) const;

    DatasetProvider &m_datasets;
    Settings m_settings;
    const std::atomic<bool> *m_cancelled;
};

} // namespace dblearn

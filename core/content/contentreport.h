#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace dblearn {

// One problem the content check found: an error fails the check, a warning is reported only.
struct ContentIssue {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString path;    // lesson path as in the curriculum, a file path relative to the content folder, or empty
    int line = 0;    // 1-based source line; 0 when the problem concerns the whole file
    QString message; // without the file and line

    bool isError() const { return severity == Severity::Error; }
    // "01_foundations/04_indexing.md:57: message" (warnings: "...:57: warning: message").
    QString toString() const;
};

// What the check found in one lesson of the curriculum.
struct LessonReport {
    QString path;  // as in the curriculum
    QString title; // the curriculum's title
    bool written = false;

    // Figures for lessons that could be rendered (see lesson-quality.md).
    int words = 0;    // prose words, code excluded (RenderedLesson::proseWords)
    int runnable = 0; // runnable code blocks
    int exercises = 0;
    int quizQuestions = 0;
    int diagrams = 0;     // mermaid blocks
    int references = 0;   // items of the References section
    int executed = 0;     // runnable blocks and reference solutions run
    int skipped = 0;      // not run: their engine has no server configured
    qint64 elapsedMs = 0; // time spent on this lesson, rendering and running

    QList<ContentIssue> errors;
    QList<ContentIssue> warnings;

    QJsonObject toJson() const;
};

// The result of checking a whole content folder.
struct ContentReport {
    QString contentDir;
    QList<LessonReport> lessons;  // every lesson of the curriculum, in curriculum order
    QList<ContentIssue> errors;   // problems outside any lesson (the curriculum, the backends)
    QList<ContentIssue> warnings; // files that are no lesson of the curriculum, ...
    qint64 elapsedMs = 0;

    int totalLessons() const { return int(lessons.size()); }
    int writtenLessons() const;
    int errorCount() const; // lesson errors and the others
    int warningCount() const;
    int skippedCount() const;
    int lessonsWithErrors() const;
    bool passed() const { return errorCount() == 0; }

    // Every error and warning, lesson by lesson, then the others.
    QList<ContentIssue> allIssues() const;

    // {"lessons": [per written lesson], "notWritten": [paths], "errors": [...], "warnings": [...],
    //  "summary": {"written", "total", "errors", "warnings", "skipped", "lessonsWithErrors", "elapsedMs"}}
    QJsonObject toJson() const;
};

} // namespace dblearn

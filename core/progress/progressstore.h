#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

struct sqlite3;

namespace dblearn {

// What the learner has done, per lesson.
struct LessonProgress {
    QString lessonPath;
    bool read = false;
    qint64 secondsSpent = 0;
    int exercisesPassed = 0; // distinct exercises passed
    int exerciseAttempts = 0;
    int quizCorrect = 0;     // distinct questions last answered correctly
    int quizAnswered = 0;    // distinct questions answered
    QDateTime lastOpened;
};

struct Bookmark {
    QString lessonPath;
    QString anchor;
    QString title;
    QDateTime created;
};

struct ActivityDay {
    QDate day;
    int lessonsRead = 0;
    int exerciseAttempts = 0;
    int exercisesPassed = 0;
    int quizAnswers = 0;
};

// The learner's progress, notes and bookmarks, in a SQLite database in the user's data folder.
// WAL journal: every committed change survives the process being killed. One writer process at a
// time: a second instance opens the store read-only and says so.
class ProgressStore final
{
public:
    ProgressStore();
    ~ProgressStore();
    Q_DISABLE_COPY_MOVE(ProgressStore)

    // Opens (creating if needed) the store at `filePath`. On failure returns false with the reason.
    // On success `error` may still hold a notice for the learner (read-only, or a damaged store replaced):
    // a corrupt file is moved aside (to <file>.corrupt-<timestamp>) and a new store started, and
    // the reason says so.
    bool open(const QString &filePath, QString *error);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    bool isReadOnly() const { return m_readOnly; }
    QString lastError() const { return m_lastError; }
    static QString defaultFilePath(); // <AppDataLocation>/progress.sqlite

    bool markOpened(const QString &lessonPath);
    bool markRead(const QString &lessonPath);
    bool addTimeSpent(const QString &lessonPath, qint64 seconds);
    bool recordExerciseAttempt(const QString &lessonPath, const QString &exerciseId, bool passed, const QString &sql);
    bool recordQuizAnswer(const QString &lessonPath, const QString &quizId, int question, const QList<int> &answer,
                          bool correct);

    LessonProgress lessonProgress(const QString &lessonPath) const;
    QList<LessonProgress> allProgress() const;
    QString lastOpenedLesson() const;
    bool isExercisePassed(const QString &lessonPath, const QString &exerciseId) const;

    bool setBookmark(const Bookmark &bookmark);
    bool removeBookmark(const QString &lessonPath, const QString &anchor);
    QList<Bookmark> bookmarks() const;

    bool setNote(const QString &lessonPath, const QString &markdown); // empty removes the note
    QString note(const QString &lessonPath) const;
    QList<QPair<QString, QString>> allNotes() const; // lesson path, markdown

    QList<ActivityDay> activity(const QDate &from, const QDate &to) const;

    bool integrityCheck(QString *details) const;

private:
    bool exec(const char *sql) const;
    bool migrate();
    bool fail(const QString &message) const;
    bool checkWritable() const; // false, with the reason in lastError(), when writes cannot be made

    sqlite3 *m_db = nullptr;
    bool m_readOnly = false;
    mutable QString m_lastError;
    QString m_readOnlyReason; // why the store is read-only, for lastError()
    class WriterLock;
    WriterLock *m_lock = nullptr;
};

} // namespace dblearn

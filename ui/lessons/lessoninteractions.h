#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace dblearn {

class DatasetProvider;
class LessonBridge;
class LessonLibrary;
class LessonView;
class ProgressStore;
class QueryRunner;

// Answers what the learner does on a lesson page: runs snippets on their dataset, checks exercise
// answers, reveals solutions, grades quiz answers, and records progress. Queries and checks run on
// worker threads; results go back to the page through the bridge.
class LessonInteractions final : public QObject
{
    Q_OBJECT
public:
    LessonInteractions(LessonView *view, LessonLibrary *library, DatasetProvider *datasets, ProgressStore *progress,
                       QObject *parent = nullptr);
    ~LessonInteractions() override;

    static constexpr int inlineRowLimit = 200;

signals:
    void openInConsoleRequested(const QString &engine, const QString &dataset, const QString &sql);
    // A worksheet card of the current lesson was clicked (only templates the lesson names).
    void openWorksheetRequested(const QString &templateId);
    void progressChanged(const QString &lessonPath);

private:
    void runSnippet(const QString &snippetId);
    void openInConsole(const QString &snippetId);
    void openWorksheet(const QString &templateId);
    void checkExercise(const QString &exerciseId, const QString &learnerSql);
    void revealSolution(const QString &exerciseId);
    void answerQuiz(const QString &quizId, int question, const QList<int> &options);

    LessonView *m_view;
    LessonBridge *m_bridge;
    LessonLibrary *m_library;
    DatasetProvider *m_datasets;
    ProgressStore *m_progress;
    QHash<QString, QPointer<QueryRunner>> m_running; // snippet id → its run
    QList<QPointer<QThread>> m_checks;                // exercise checks under way
};

} // namespace dblearn

#pragma once

#include <QObject>
#include <QString>

namespace dblearn {

// The only object a lesson page can reach (through QWebChannel, in its own JavaScript world).
// It accepts ids of things the app already holds — snippets, exercises, quizzes — never SQL text,
// except a learner's own answer to an exercise. Ids it does not know are ignored.
class LessonBridge final : public QObject
{
    Q_OBJECT
public:
    explicit LessonBridge(QObject *parent = nullptr);

public slots:
    void pageReady();
    void runSnippet(const QString &snippetId);
    void openInConsole(const QString &snippetId);

signals:
    // To the page:
    void snippetResult(const QString &snippetId, const QString &json);
    // To the app:
    void pageReadyReported();
    void runSnippetRequested(const QString &snippetId);
    void openInConsoleRequested(const QString &snippetId);

private:
    static bool isValidId(const QString &id);
};

} // namespace dblearn

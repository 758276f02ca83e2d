#pragma once

#include <QElapsedTimer>
#include <QWebEnginePage>

namespace dblearn {

class BlockedRequestLog;

// A lesson page: only our scheme navigates inside the view; a link the user clicked to http(s)
// opens in the system browser (see noteUserInput()); a link to another lesson asks the app to
// open it; all else is refused.
class LessonPage final : public QWebEnginePage
{
    Q_OBJECT
public:
    explicit LessonPage(QWebEngineProfile *profile, QObject *parent = nullptr);

    // Where refused navigations, new windows and Content Security Policy refusals are recorded
    // (the profile's interceptor log, next to the requests it blocked). May be null.
    void setBlockedLog(BlockedRequestLog *log) { m_blockedLog = log; }
    // The view calls this on a real mouse click or key press: only a navigation to http(s) that
    // follows one opens the system browser, never one a page script starts on its own.
    void noteUserInput() { m_lastUserInput.start(); }

signals:
    void lessonLinkActivated(const QString &lessonPath, const QString &anchor);
    void externalLinkActivated(const QUrl &url);
    void navigationRefused(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int line,
                                  const QString &source) override;

private:
    void recordRefusal(const QUrl &url, const QString &detail);
    void recordPolicyMessage(const QString &message);

    BlockedRequestLog *m_blockedLog = nullptr;
    QElapsedTimer m_lastUserInput;
    bool m_programmaticLoad = false;
    friend class LessonView;
};

} // namespace dblearn

#pragma once

#include <QWebEnginePage>

namespace dblearn {

class BlockedRequestLog;

// A lesson page: only our scheme navigates inside the view; a link clicked to http(s) opens
// in the system browser; a link to another lesson asks the app to open it; all else is refused.
class LessonPage final : public QWebEnginePage
{
    Q_OBJECT
public:
    explicit LessonPage(QWebEngineProfile *profile, QObject *parent = nullptr);

    // Where refused navigations, new windows and Content Security Policy refusals are recorded
    // (the profile's interceptor log, next to the requests it blocked). May be null.
    void setBlockedLog(BlockedRequestLog *log) { m_blockedLog = log; }

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
    bool m_programmaticLoad = false;
    friend class LessonView;
};

} // namespace dblearn

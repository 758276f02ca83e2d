#pragma once

#include <QWidget>

class QWebEngineView;
class QWebChannel;
class QLabel;
class QLineEdit;

namespace dblearn {

class LessonBridge;
class LessonPage;
class LessonWebProfile;

// Shows one lesson at a time in a locked-down web view, with zoom and crash recovery.
class LessonView final : public QWidget
{
    Q_OBJECT
public:
    explicit LessonView(LessonWebProfile *profile, QWidget *parent = nullptr);
    ~LessonView() override;

    void showLesson(const QString &lessonPath, const QString &anchor = {});
    QString currentLesson() const { return m_lessonPath; }
    QString title() const;
    bool isPainted() const { return m_painted; }
    // The message shown instead of the page after the renderer crashed too often (empty otherwise).
    QString errorText() const;

    void setDarkTheme(bool dark);
    void scrollToHeading(const QString &anchor);
    void showFindBar(); // Ctrl+F: find in the page

    void setZoomFactor(qreal factor);
    qreal zoomFactor() const;

    QWebEngineView *webView() const { return m_view; }
    LessonBridge *bridge() const { return m_bridge; }

signals:
    void lessonLoaded(const QString &lessonPath, bool ok);
    // The page finished highlighting, diagrams and math (or failed to load): it is on screen.
    void lessonPainted(const QString &lessonPath);
    void lessonLinkActivated(const QString &lessonPath, const QString &anchor);
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void load();
    void installBridgeScript();
    void onLoadFinished(bool ok);
    void onRenderProcessTerminated(int status, int exitCode);
    void markPainted();
    void find(bool backward);

    LessonWebProfile *m_profile;
    QWebEngineView *m_view = nullptr;
    LessonPage *m_page = nullptr;
    QWebChannel *m_channel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QWidget *m_findBar = nullptr;
    QLineEdit *m_findEdit = nullptr;
    QLabel *m_findStatus = nullptr;
    LessonBridge *m_bridge = nullptr;
    QString m_lessonPath;
    QString m_anchor;
    bool m_dark = false;
    bool m_painted = false;
    int m_crashReloads = 0;
    int m_loadGeneration = 0; // which load() a delayed "painted" fallback belongs to
};

} // namespace dblearn

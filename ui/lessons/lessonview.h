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

// Shows one lesson at a time in a locked-down web view, with zoom and crash recovery. The first
// lesson loads the page; each next one is delivered into that page through the bridge, so its
// libraries (highlight.js, KaTeX, mermaid) and the diagrams it drew stay loaded.
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
    // The lesson is in the page: once per load, before lessonPainted.
    void lessonLoaded(const QString &lessonPath, bool ok);
    // The lesson's text, code and math are on screen (or its page failed to load).
    void lessonPainted(const QString &lessonPath);
    // Its diagrams are drawn too (mermaid draws them after the lesson is painted).
    void lessonDiagramsDrawn(const QString &lessonPath);
    void lessonLinkActivated(const QString &lessonPath, const QString &anchor);
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    qsizetype leadBytes() const;
    void load();
    bool deliver();
    void onPageReady(int generation);
    void installBridgeScript();
    void onLoadFinished(bool ok);
    void reportLoaded(bool ok); // emits lessonLoaded once per load
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
    bool m_loadedReported = false; // lessonLoaded emitted for this load (it precedes lessonPainted)
    int m_crashReloads = 0;
    int m_loadGeneration = 0; // which load() a delayed "painted" fallback belongs to
    // A lesson page whose scripts have answered: the next lesson is delivered to it through the
    // bridge instead of a new page load, which would parse every library again.
    bool m_pageLive = false;
    bool m_loadingErrorPage = false; // the page being loaded is an error page: never delivered to
    int m_delivery = 0; // generation of the lesson delivered to the page; 0 after a page load
};

} // namespace dblearn

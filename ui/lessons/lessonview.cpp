#include "lessonview.h"

#include "lessonbridge.h"
#include "lessonpage.h"
#include "lessonschemehandler.h"
#include "lessonwebprofile.h"
#include "requestinterceptor.h"

#include "lessons/lessonlibrary.h"
#include "lessons/renderedlesson.h"
#include "support/apppaths.h"

#include <QChildEvent>
#include <QDesktopServices>
#include <QFile>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QShortcut>
#include <QToolButton>
#include <QWebEngineFindTextResult>
#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QWebChannel>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineView>

namespace dblearn {

namespace {
constexpr int maxCrashReloads = 3;
// If a page never reports readiness (its scripts failed), treat it as painted after this long.
constexpr int paintFallbackMs = 1500;
// A delivered lesson the page has not shown after this long comes by a page load instead. A busy
// machine (a model training beside the app, a test suite) can take over a second to answer; a
// page that never will (its scripts failed) is rare, so waiting longer costs little.
constexpr int deliveryFallbackMs = 5000;
} // namespace

LessonView::LessonView(LessonWebProfile *profile, QWidget *parent) : QWidget(parent), m_profile(profile)
{
    m_view = new QWebEngineView(this);
    m_page = new LessonPage(profile->profile(), m_view);
    m_page->setBlockedLog(profile->interceptor()->log());
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    // Real clicks and key presses reach the widget WebEngine puts inside the view (recreated with
    // the renderer): watch the view for it, and it for input.
    m_view->installEventFilter(this);
    for (QObject *child : m_view->children())
        child->installEventFilter(this);

    m_bridge = new LessonBridge(this);
    m_channel = new QWebChannel(this);
    m_channel->registerObject(QStringLiteral("lessonBridge"), m_bridge);
    m_page->setWebChannel(m_channel, QWebEngineScript::ApplicationWorld);
    installBridgeScript();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    // Find bar (Ctrl+F), below the page as in browsers' find-in-page.
    m_findBar = new QWidget(this);
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(6, 3, 6, 3);
    m_findEdit = new QLineEdit(m_findBar);
    m_findEdit->setPlaceholderText(tr("Find in lesson"));
    m_findEdit->setClearButtonEnabled(true);
    auto *previous = new QToolButton(m_findBar);
    previous->setText(tr("Previous"));
    auto *next = new QToolButton(m_findBar);
    next->setText(tr("Next"));
    m_findStatus = new QLabel(m_findBar);
    auto *closeFind = new QToolButton(m_findBar);
    closeFind->setText(tr("Close"));
    findLayout->addWidget(m_findEdit, 1);
    findLayout->addWidget(previous);
    findLayout->addWidget(next);
    findLayout->addWidget(m_findStatus);
    findLayout->addWidget(closeFind);
    m_findBar->hide();
    layout->addWidget(m_findBar);
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] { find(false); });
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] { find(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier); });
    connect(previous, &QToolButton::clicked, this, [this] { find(true); });
    connect(next, &QToolButton::clicked, this, [this] { find(false); });
    connect(closeFind, &QToolButton::clicked, this, [this] {
        m_page->findText(QString());
        m_findBar->hide();
        m_view->setFocus();
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_findBar);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, closeFind, &QToolButton::click);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setAlignment(Qt::AlignCenter);
    m_errorLabel->setMargin(24);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    connect(m_page, &QWebEnginePage::loadFinished, this, &LessonView::onLoadFinished);
    // Any page load, ours or not, replaces the page lessons were delivered to.
    connect(m_page, &QWebEnginePage::loadStarted, this, [this] { m_pageLive = false; });
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            [this](QWebEnginePage::RenderProcessTerminationStatus status, int exitCode) {
                onRenderProcessTerminated(int(status), exitCode);
            });
    connect(m_page, &LessonPage::lessonLinkActivated, this, &LessonView::lessonLinkActivated);
    connect(m_page, &LessonPage::externalLinkActivated, this, [this](const QUrl &url) {
        emit statusMessage(tr("Opening %1 in your browser").arg(url.toDisplayString()));
        QDesktopServices::openUrl(url);
    });
    connect(m_page, &LessonPage::navigationRefused, this, [this](const QUrl &url) {
        emit statusMessage(tr("Blocked a link to %1").arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    });
    connect(m_bridge, &LessonBridge::pageReadyReported, this, &LessonView::onPageReady);
    connect(m_bridge, &LessonBridge::diagramsDrawnReported, this, [this](int generation) {
        if (generation == m_delivery)
            emit lessonDiagramsDrawn(m_lessonPath);
    });
}

LessonView::~LessonView() = default;

void LessonView::installBridgeScript()
{
    // The bridge lives in the application world: the page's own scripts (main world) cannot reach
    // it; this script, injected into that world, wires the page's buttons to it on real clicks only.
    auto read = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    const QString channel = read(QStringLiteral(":/qtwebchannel/qwebchannel.js"));
    const QString bridge = read(AppPaths::webDir() + QLatin1String("/app/lesson-bridge.js"));
    if (channel.isEmpty() || bridge.isEmpty()) {
        qWarning("lesson page bridge script not found under %s: lesson buttons stay disabled",
                 qPrintable(AppPaths::webDir()));
        return;
    }
    QWebEngineScript script;
    script.setName(QStringLiteral("dblearn-bridge"));
    script.setWorldId(QWebEngineScript::ApplicationWorld);
    // At document creation: the channel's handshake then overlaps the page's loading instead of
    // starting after it (the script waits for the DOM before it touches the page).
    script.setInjectionPoint(QWebEngineScript::DocumentCreation);
    script.setRunsOnSubFrames(false);
    script.setSourceCode(channel + QLatin1Char('\n') + bridge);
    m_page->scripts().insert(script);
}

void LessonView::showLesson(const QString &lessonPath, const QString &anchor)
{
    if (lessonPath == m_lessonPath && m_painted && !anchor.isEmpty()) {
        scrollToHeading(anchor); // same lesson: jump, do not reload
        return;
    }
    m_lessonPath = lessonPath;
    m_anchor = anchor;
    m_crashReloads = 0;
    load();
}

bool LessonView::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::ChildAdded:
        if (watched == m_view)
            static_cast<QChildEvent *>(event)->child()->installEventFilter(this);
        break;
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::KeyPress:
    case QEvent::TouchBegin:
        // Only the window system (or the app itself) makes these; a page script cannot.
        m_page->noteUserInput();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void LessonView::load()
{
    ++m_loadGeneration;
    m_painted = false;
    m_loadedReported = false;
    m_errorLabel->hide();
    m_view->show();
    if (m_pageLive && deliver())
        return;
    m_pageLive = false;
    m_delivery = 0;
    m_loadingErrorPage = !m_profile->library()->lesson(m_lessonPath).ok;
    QUrl url = LessonSchemeHandler::lessonUrl(m_lessonPath);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("theme"), m_dark ? QStringLiteral("dark") : QStringLiteral("light"));
    query.addQueryItem(QStringLiteral("lead"), QString::number(leadBytes()));
    url.setQuery(query);
    if (!m_anchor.isEmpty())
        url.setFragment(m_anchor);
    m_view->setUrl(url);
}

bool LessonView::deliver()
{
    const RenderedLesson &lesson = m_profile->library()->lesson(m_lessonPath);
    if (!lesson.ok)
        return false; // its error page comes with a page load
    m_delivery = m_loadGeneration;
    const QJsonObject json{
        {QStringLiteral("generation"), m_delivery},
        {QStringLiteral("url"), LessonSchemeHandler::lessonUrl(m_lessonPath).toString(QUrl::FullyEncoded)},
        {QStringLiteral("title"), lesson.title},
        {QStringLiteral("html"), QString::fromUtf8(lesson.pageBodyHtml(leadBytes()))},
        {QStringLiteral("anchor"), m_anchor},
    };
    emit m_bridge->lessonDelivered(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    reportLoaded(true);
    // A page that does not answer in time gets the lesson by a page load after all.
    const int generation = m_loadGeneration;
    QTimer::singleShot(deliveryFallbackMs, this, [this, generation] {
        if (m_loadGeneration != generation || m_painted)
            return;
        qWarning("the lesson page did not show %s in time; loading it anew", qPrintable(m_lessonPath));
        m_pageLive = false;
        load();
    });
    return true;
}

void LessonView::onPageReady(int generation)
{
    if (generation != m_delivery)
        return; // from a lesson the page showed before
    m_pageLive = !m_loadingErrorPage;
    markPainted();
}

QString LessonView::errorText() const
{
    return m_errorLabel->isVisibleTo(this) ? m_errorLabel->text() : QString();
}

QString LessonView::title() const
{
    return m_page->title();
}

void LessonView::setDarkTheme(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    if (!m_lessonPath.isEmpty())
        m_page->runJavaScript(QStringLiteral("window.dblearnSetTheme && window.dblearnSetTheme('%1');")
                                  .arg(dark ? QStringLiteral("dark") : QStringLiteral("light")),
                              QWebEngineScript::MainWorld);
}

void LessonView::scrollToHeading(const QString &anchor)
{
    // The anchor travels as a JSON string, so no text of the page's can break out of it.
    const QString quoted = QString::fromUtf8(QJsonDocument(QJsonArray{anchor}).toJson(QJsonDocument::Compact));
    m_page->runJavaScript(QStringLiteral("window.dblearnScrollToHeading && window.dblearnScrollToHeading(%1[0]);")
                              .arg(quoted),
                          QWebEngineScript::MainWorld);
}

void LessonView::showFindBar()
{
    m_findBar->show();
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
    m_findEdit->selectAll();
}

void LessonView::find(bool backward)
{
    const QString text = m_findEdit->text();
    QWebEnginePage::FindFlags flags;
    if (backward)
        flags |= QWebEnginePage::FindBackward;
    m_page->findText(text, flags, [this, text](const QWebEngineFindTextResult &result) {
        if (text.isEmpty())
            m_findStatus->clear();
        else if (result.numberOfMatches() == 0)
            m_findStatus->setText(tr("Not found"));
        else
            m_findStatus->setText(tr("%1 of %2").arg(result.activeMatch()).arg(result.numberOfMatches()));
    });
}

void LessonView::setZoomFactor(qreal factor)
{
    m_view->setZoomFactor(qBound(0.25, factor, 5.0));
}

// How much of a lesson's HTML comes first, before the rest (RenderedLesson::pageBodyHtml): the
// view's height in CSS pixels at 3 bytes of the renderer's HTML a pixel (math and SQL count as
// their source, before they are typeset). Measured on the shipped lessons in a 753-pixel view: at 3
// bytes a pixel every lead reaches below the window's bottom, at 2 bytes 13 of 116 fall short. A
// lead that does is shown with the rest before the first frame (lesson.js), so a short guess costs
// a little time, never text. Every block in the lead is styled and laid out before the first frame;
// the 8 bytes a pixel used before took in two to three screens of a lesson.
qsizetype LessonView::leadBytes() const
{
    constexpr double bytesPerPixel = 3;
    constexpr qsizetype minimum = 2048;
    int height = m_view->height();
    if (height < 200 && screen()) // not laid out yet
        height = screen()->availableGeometry().height();
    return qMax(minimum, qsizetype(height / qMax(0.25, m_view->zoomFactor()) * bytesPerPixel));
}

qreal LessonView::zoomFactor() const
{
    return m_view->zoomFactor();
}

void LessonView::reportLoaded(bool ok)
{
    if (m_loadedReported)
        return;
    m_loadedReported = true;
    emit lessonLoaded(m_lessonPath, ok);
}

void LessonView::onLoadFinished(bool ok)
{
    reportLoaded(ok);
    if (!ok) {
        markPainted();
        return;
    }
    // Only for this load: a reload of the same lesson (after a crash, or asked for again) must not
    // be reported painted by the timer of the load before it.
    const int generation = m_loadGeneration;
    QTimer::singleShot(paintFallbackMs, this, [this, generation] {
        if (m_loadGeneration == generation)
            markPainted();
    });
}

void LessonView::markPainted()
{
    if (m_painted)
        return;
    m_painted = true;
    // The page can report its lesson shown before its load event (which waits for every font
    // and image): the lesson is loaded by then.
    reportLoaded(true);
    // Give the compositor one frame to put the finished page on screen.
    QTimer::singleShot(32, this, [this, path = m_lessonPath] { emit lessonPainted(path); });
}

void LessonView::onRenderProcessTerminated(int status, int exitCode)
{
    m_pageLive = false; // a new renderer starts from a page load
    if (status == QWebEnginePage::NormalTerminationStatus)
        return;
    if (m_crashReloads < maxCrashReloads && !m_lessonPath.isEmpty()) {
        ++m_crashReloads;
        emit statusMessage(tr("The lesson page stopped unexpectedly (code %1); reloading it").arg(exitCode));
        QTimer::singleShot(200, this, [this] { load(); });
        return;
    }
    const QString message = tr("The lesson page stopped %1 times in a row and was not reloaded again. "
                               "Open another lesson or restart DB Learn.")
                                .arg(m_crashReloads + 1);
    m_view->hide();
    m_errorLabel->setText(message);
    m_errorLabel->show();
    emit statusMessage(message);
}

} // namespace dblearn

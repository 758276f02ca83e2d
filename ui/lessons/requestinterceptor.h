#pragma once

#include "blockedrequestlog.h"

#include <QWebEngineUrlRequestInterceptor>

namespace dblearn {

// Blocks every request the lesson page makes outside the application's own dblearn: scheme, and
// keeps a bounded log of what it blocked (shared with the page's navigation and CSP refusals).
class RequestInterceptor final : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;
    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    // Requests blocked by this interceptor (the log also holds other kinds of refusal).
    int blockedCount() const { return m_blocked.loadRelaxed(); }
    BlockedRequestLog *log() { return &m_log; }
    const BlockedRequestLog *log() const { return &m_log; }

    static QString resourceTypeName(int resourceType);

private:
    QAtomicInt m_blocked = 0;
    BlockedRequestLog m_log;
};

} // namespace dblearn

#pragma once

#include <QWebEngineUrlRequestInterceptor>

namespace dblearn {

// Blocks every request the lesson page makes outside the application's own dblearn: scheme.
class RequestInterceptor final : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;
    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    int blockedCount() const { return m_blocked; }

private:
    int m_blocked = 0;
};

} // namespace dblearn

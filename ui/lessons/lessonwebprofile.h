#pragma once

#include <QObject>

#include <memory>

class QWebEngineProfile;

namespace dblearn {

class LessonLibrary;
class LessonSchemeHandler;
class RequestInterceptor;

// The one web profile lesson pages run in: off the record, our scheme installed, every other
// request blocked, and the settings locked down.
class LessonWebProfile final : public QObject
{
    Q_OBJECT
public:
    LessonWebProfile(const QString &contentDir, QObject *parent = nullptr);
    ~LessonWebProfile() override;

    QWebEngineProfile *profile() const { return m_profile; }
    LessonLibrary *library() const { return m_library.get(); }
    RequestInterceptor *interceptor() const { return m_interceptor; }

private:
    std::unique_ptr<LessonLibrary> m_library;
    QWebEngineProfile *m_profile = nullptr;
    LessonSchemeHandler *m_handler = nullptr;
    RequestInterceptor *m_interceptor = nullptr;
};

} // namespace dblearn

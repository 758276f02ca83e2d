#pragma once

#include <QString>
#include <QVariant>

class QWebEnginePage;

namespace dblearn::testing {

// Runs `script` in the page's main world (where the page's own scripts run) and waits for its
// value, processing events; "<no answer from the page>" after `timeoutMs`.
QVariant evaluateInPage(QWebEnginePage *page, const QString &script, int timeoutMs = 10000);

} // namespace dblearn::testing

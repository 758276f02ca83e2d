#include "pagescript.h"

#include <QElapsedTimer>
#include <QTest>
#include <QWebEnginePage>

#include <memory>
#include <utility>

namespace dblearn::testing {

QVariant evaluateInPage(QWebEnginePage *page, const QString &script, int timeoutMs)
{
    // The callback may come after this function gave up: it must not write to this frame then.
    auto answer = std::make_shared<std::pair<bool, QVariant>>(false, QVariant());
    page->runJavaScript(script, [answer](const QVariant &value) {
        answer->first = true;
        answer->second = value;
    });
    QElapsedTimer timer;
    timer.start();
    while (!answer->first && timer.elapsed() < timeoutMs)
        QTest::qWait(10);
    return answer->first ? answer->second : QVariant(QStringLiteral("<no answer from the page>"));
}

} // namespace dblearn::testing

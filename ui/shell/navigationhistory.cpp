#include "navigationhistory.h"

namespace dblearn {

void NavigationHistory::visit(const QString &lessonPath)
{
    if (current() == lessonPath)
        return;
    while (m_entries.size() > m_current + 1)
        m_entries.removeLast();
    m_entries << lessonPath;
    if (m_entries.size() > maxEntries)
        m_entries.removeFirst();
    m_current = int(m_entries.size()) - 1;
}

QString NavigationHistory::back()
{
    if (!canGoBack())
        return {};
    return m_entries.at(--m_current);
}

QString NavigationHistory::forward()
{
    if (!canGoForward())
        return {};
    return m_entries.at(++m_current);
}

} // namespace dblearn

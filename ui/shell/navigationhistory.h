#pragma once

#include <QStringList>

namespace dblearn {

// Back/forward history of visited lessons, as in a browser.
class NavigationHistory final
{
public:
    void visit(const QString &lessonPath); // drops the forward part, ignores a repeat of the current
    bool canGoBack() const { return m_current > 0; }
    bool canGoForward() const { return m_current + 1 < m_entries.size(); }
    QString back();    // moves back and returns the lesson, or empty
    QString forward(); // moves forward and returns the lesson, or empty
    QString current() const { return m_current >= 0 ? m_entries.at(m_current) : QString(); }

private:
    static constexpr int maxEntries = 200;
    QStringList m_entries;
    int m_current = -1;
};

} // namespace dblearn

#include "checker/querywatchdog.h"

#include "backends/databasebackend.h"

#include <chrono>

namespace dblearn {

QueryWatchdog::QueryWatchdog(DatabaseConnection *connection, int timeoutMs)
{
    if (timeoutMs <= 0 || !connection)
        return;
    m_thread = std::thread([this, connection, timeoutMs] {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (!m_condition.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_stop; })) {
            m_fired = true;
            connection->cancel();
        }
    });
}

QueryWatchdog::~QueryWatchdog()
{
    stop();
}

void QueryWatchdog::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_condition.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace dblearn

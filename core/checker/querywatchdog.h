#pragma once

#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace dblearn {

class DatabaseConnection;

// Cancels a connection's running statement when a time limit passes, from a thread of its own
// (DatabaseConnection::cancel() is the one thread-safe call). Stopped by stop() or the destructor.
class QueryWatchdog final
{
public:
    // timeoutMs <= 0: no limit, no thread.
    QueryWatchdog(DatabaseConnection *connection, int timeoutMs);
    ~QueryWatchdog();
    Q_DISABLE_COPY_MOVE(QueryWatchdog)

    void stop();
    bool fired() const { return m_fired.load(); }

private:
    std::mutex m_mutex;
    std::condition_variable m_condition;
    bool m_stop = false;
    std::atomic<bool> m_fired{false};
    std::thread m_thread;
};

} // namespace dblearn

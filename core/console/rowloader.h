#pragma once

#include "backends/rowbatch.h"

#include <QObject>

#include <memory>

class QThread;

namespace dblearn {

class ResultSpool;

// Reads blocks of a spooled result on its own thread, for the results grid, so that reading back
// from disk never stalls the user interface. Each request carries the caller's token; the caller
// drops answers whose token is stale (a new result replaced the old one).
class RowLoader final : public QObject
{
    Q_OBJECT
public:
    explicit RowLoader(QObject *parent = nullptr);
    ~RowLoader() override;
    Q_DISABLE_COPY_MOVE(RowLoader)

    void request(const std::shared_ptr<ResultSpool> &spool, int block, quint64 token);

signals:
    // Emitted on the thread of the RowLoader (queued from the worker).
    void loaded(quint64 token, int block, const dblearn::RowBatch &rows, const QString &error);

private:
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr;
};

} // namespace dblearn

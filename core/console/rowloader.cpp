#include "console/rowloader.h"

#include "console/resultspool.h"

#include <QThread>

namespace dblearn {

RowLoader::RowLoader(QObject *parent) : QObject(parent), m_thread(new QThread), m_worker(new QObject)
{
    m_thread->setObjectName(QStringLiteral("RowLoader"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

RowLoader::~RowLoader()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { delete worker; }, Qt::QueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void RowLoader::request(const std::shared_ptr<ResultSpool> &spool, int block, quint64 token)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, spool, block, token] {
            QString error;
            RowBatch rows = spool->readBlock(block, &error);
            // Back to the loader's own thread; the loader outlives its worker (it waits for it).
            QMetaObject::invokeMethod(
                this, [this, token, block, rows = std::move(rows), error] { emit loaded(token, block, rows, error); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace dblearn

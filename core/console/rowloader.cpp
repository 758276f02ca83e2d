#include "console/rowloader.h"

#include "console/resultspool.h"

#include <QThread>

namespace dblearn {

RowLoader::RowLoader(QObject *parent) : QObject(parent), m_thread(new QThread), m_worker(new QObject)
{
    m_thread->setObjectName(QStringLiteral("RowLoader"));
    m_worker->moveToThread(m_thread);
    // Deleted on its own thread when the thread ends; a queued delete could be left unrun when
    // quit() ends the event loop first (see QueryRunner).
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

RowLoader::~RowLoader()
{
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

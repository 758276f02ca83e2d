#include "servers/localserversdialog.h"

#include "datasets/datasetprovider.h"
#include "servers/localservers.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace dblearn {

LocalServersDialog::LocalServersDialog(LocalServers &servers, DatasetProvider *datasets, QWidget *parent)
    : QDialog(parent), m_servers(servers), m_datasets(datasets)
{
    setWindowTitle(tr("Local Servers"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Your own database servers, private to you: they listen on 127.0.0.1 only, keep "
                                "their data in DB Learn's folder, and stop when DB Learn quits. Lessons' "
                                "PostgreSQL and MariaDB examples run on them, with the teaching datasets loaded "
                                "on first use."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *grid = new QGridLayout;
    layout->addLayout(grid);
    const QList<LocalServer *> all = m_servers.all();
    for (int i = 0; i < all.size(); ++i) {
        Row row;
        row.server = all[i];
        auto *name = new QLabel(QStringLiteral("<b>%1</b>").arg(all[i]->displayName().toHtmlEscaped()), this);
        row.state = new QLabel(this);
        row.message = new QLabel(this);
        row.message->setWordWrap(true);
        row.message->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row.start = new QPushButton(tr("Start"), this);
        row.stop = new QPushButton(tr("Stop"), this);
        row.reset = new QPushButton(tr("Reset…"), this);
        row.reset->setToolTip(tr("Drop everything in the learner database and start empty; datasets are loaded "
                                 "again when a lesson needs them."));
        row.copy = new QPushButton(tr("Copy URI"), this);
        row.copy->setToolTip(tr("Copy the connection URI (with its password) for psql, mariadb or the console."));
        const int r = i * 2;
        grid->addWidget(name, r, 0);
        grid->addWidget(row.state, r, 1);
        grid->addWidget(row.start, r, 2);
        grid->addWidget(row.stop, r, 3);
        grid->addWidget(row.reset, r, 4);
        grid->addWidget(row.copy, r, 5);
        grid->addWidget(row.message, r + 1, 0, 1, 6);
        connect(row.start, &QPushButton::clicked, this, [this, i] { runAction(i, Action::Start); });
        connect(row.stop, &QPushButton::clicked, this, [this, i] { runAction(i, Action::Stop); });
        connect(row.reset, &QPushButton::clicked, this, [this, i] { runAction(i, Action::Reset); });
        connect(row.copy, &QPushButton::clicked, this,
                [this, i] { QApplication::clipboard()->setText(m_rows[i].server->connectionUri()); });
        m_rows << row;
        refresh(i);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void LocalServersDialog::refresh(int index)
{
    Row &row = m_rows[index];
    const LocalServer::State state = row.server->state();
    row.state->setText(row.busy ? tr("working…") : row.server->stateText());
    const bool running = state == LocalServer::State::Running;
    row.start->setEnabled(!row.busy && state != LocalServer::State::NotInstalled && !running);
    row.stop->setEnabled(!row.busy && running);
    row.reset->setEnabled(!row.busy && running);
    row.copy->setEnabled(!row.busy && running);
    if (state == LocalServer::State::NotInstalled && row.message->text().isEmpty())
        row.message->setText(tr("Install it with: sudo apt install %1").arg(row.server->packageName()));
}

void LocalServersDialog::runAction(int index, Action action)
{
    Row &row = m_rows[index];
    if (row.busy)
        return;
    row.busy = true;
    row.message->setText(action == Action::Start ? tr("Starting (the first start creates the instance: a few seconds)…")
                         : action == Action::Stop ? tr("Stopping…")
                                                  : tr("Resetting…"));
    refresh(index);
    LocalServer *server = row.server;
    auto *result = new QString;
    auto *ok = new bool(false);
    QThread *worker = QThread::create([server, action, result, ok] {
        switch (action) {
        case Action::Start:
            *ok = server->start(result);
            break;
        case Action::Stop:
            *ok = server->stop(result);
            break;
        case Action::Reset:
            *ok = server->reset(result);
            break;
        }
    });
    QPointer<LocalServersDialog> self(this);
    LocalServers *servers = &m_servers;
    DatasetProvider *datasets = m_datasets;
    connect(worker, &QThread::finished, worker, [self, servers, datasets, worker, server, action, result, ok, index] {
        worker->deleteLater();
        if (*ok && action == Action::Start) {
            servers->noteStarted(server);
            if (datasets)
                datasets->setServerUri(server->engine(), server->connectionUri());
        } else if (*ok && action == Action::Stop && datasets) {
            datasets->setServerUri(server->engine(), QString());
        }
        if (self) {
            Row &r = self->m_rows[index];
            r.busy = false;
            r.message->setText(*ok ? (action == Action::Start ? tr("Running. Lessons' %1 examples run here.")
                                                                    .arg(server->displayName())
                                                              : QString())
                                   : *result);
            self->refresh(index);
        }
        delete result;
        delete ok;
    });
    worker->start();
}

} // namespace dblearn

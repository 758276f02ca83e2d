#pragma once

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;

namespace dblearn {

class DatasetProvider;
class LocalServer;
class LocalServers;

// Tools → Local Servers: start, stop and reset the learner's own PostgreSQL and MariaDB with one
// click. Work runs on a worker thread (initdb takes seconds); a running server becomes the one
// lessons' PostgreSQL/MariaDB blocks run on.
class LocalServersDialog final : public QDialog
{
    Q_OBJECT
public:
    LocalServersDialog(LocalServers &servers, DatasetProvider *datasets, QWidget *parent = nullptr);

private:
    struct Row {
        LocalServer *server = nullptr;
        QLabel *state = nullptr;
        QLabel *message = nullptr;
        QPushButton *start = nullptr;
        QPushButton *stop = nullptr;
        QPushButton *reset = nullptr;
        QPushButton *copy = nullptr;
        bool busy = false;
    };
    enum class Action { Start, Stop, Reset };

    void runAction(int row, Action action);
    void refresh(int row);

    LocalServers &m_servers;
    DatasetProvider *m_datasets = nullptr;
    QList<Row> m_rows;
};

} // namespace dblearn

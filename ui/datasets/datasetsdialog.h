#pragma once

#include <QDialog>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace dblearn {

class BackendRegistry;
class DatasetCatalog;
class DatasetProvider;

// Tools → Datasets: the teaching datasets, with their tables and row counts; build the learner's
// working copy again (reset) or at another scale, on SQLite or on a running local server. The
// work runs on a worker thread with progress and Cancel.
class DatasetsDialog final : public QDialog
{
    Q_OBJECT
public:
    DatasetsDialog(const BackendRegistry &registry, DatasetProvider &datasets, QWidget *parent = nullptr);
    ~DatasetsDialog() override;

private:
    void build();
    void updateScaleNote();
    void setBusy(bool busy);
    QString selectedDataset() const;

    const BackendRegistry &m_registry;
    DatasetProvider &m_datasets;
    const DatasetCatalog *m_catalog = nullptr;
    QTableWidget *m_table = nullptr;
    QComboBox *m_engine = nullptr;
    QSpinBox *m_scale = nullptr;
    QLabel *m_scaleNote = nullptr;
    QPushButton *m_build = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    // Shared with the worker, which may outlive the dialog.
    std::shared_ptr<std::atomic<bool>> m_cancelRequested = std::make_shared<std::atomic<bool>>(false);
    bool m_busy = false;
};

} // namespace dblearn

#include "datasets/datasetsdialog.h"

#include "backends/backendregistry.h"
#include "datasets/datasetbuilder.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetgenerator.h"
#include "datasets/datasetprovider.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace dblearn {

namespace {
const DatasetCatalog &catalog()
{
    static const DatasetCatalog instance;
    return instance;
}
} // namespace

DatasetsDialog::DatasetsDialog(const BackendRegistry &registry, DatasetProvider &datasets, QWidget *parent)
    : QDialog(parent), m_registry(registry), m_datasets(datasets), m_catalog(&catalog())
{
    setWindowTitle(tr("Datasets"));
    resize(820, 460);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The teaching datasets. Lessons open a working copy, prepared on first use; change it "
                                "freely, then build it again here. A larger scale makes the same data bigger, for "
                                "measuring plans and timings."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    const QList<const DatasetGenerator *> all = m_catalog->datasets();
    m_table = new QTableWidget(int(all.size()), 4, this);
    m_table->setHorizontalHeaderLabels({tr("Dataset"), tr("Tables"), tr("Rows (scale 1)"), tr("What it holds")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QLocale locale;
    for (int r = 0; r < all.size(); ++r) {
        const DatasetGenerator *g = all[r];
        QStringList tables;
        for (const TableSpec &t : g->tables())
            tables << t.name;
        auto *name = new QTableWidgetItem(g->name());
        name->setToolTip(g->title());
        m_table->setItem(r, 0, name);
        m_table->setItem(r, 1, new QTableWidgetItem(tables.join(QStringLiteral(", "))));
        auto *rows = new QTableWidgetItem(locale.toString(g->totalRows(1)));
        rows->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(r, 2, rows);
        auto *description = new QTableWidgetItem(g->description());
        description->setToolTip(g->description());
        m_table->setItem(r, 3, description);
    }
    m_table->resizeColumnToContents(0);
    m_table->resizeColumnToContents(2);
    m_table->setColumnWidth(1, 260);
    m_table->selectRow(0);
    layout->addWidget(m_table);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Engine:"), this));
    m_engine = new QComboBox(this);
    for (const QString &engine : {QStringLiteral("sqlite"), QStringLiteral("postgresql"), QStringLiteral("mariadb")}) {
        if (!m_registry.isLoaded(engine))
            continue;
        const bool ready = m_datasets.hasEngine(engine);
        const QString label = engine == QLatin1String("sqlite") ? tr("SQLite (embedded)")
                              : ready ? m_registry.find(engine)->name
                                      : tr("%1 (start it in Tools → Local Servers)").arg(m_registry.find(engine)->name);
        m_engine->addItem(label, engine);
        if (!ready) // not selectable until a server is set up
            m_engine->setItemData(m_engine->count() - 1, 0, Qt::UserRole - 1);
    }
    controls->addWidget(m_engine);
    controls->addWidget(new QLabel(tr("Scale:"), this));
    m_scale = new QSpinBox(this);
    m_scale->setRange(1, 1000);
    controls->addWidget(m_scale);
    m_build = new QPushButton(tr("Build Working Copy"), this);
    m_build->setToolTip(tr("Drop the dataset's tables in the working database and create them again at this scale."));
    controls->addWidget(m_build);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    controls->addWidget(m_cancel);
    controls->addStretch();
    layout->addLayout(controls);
    m_scaleNote = new QLabel(this);
    m_scaleNote->setWordWrap(true);
    layout->addWidget(m_scaleNote);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_build, &QPushButton::clicked, this, &DatasetsDialog::build);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        *m_cancelRequested = true;
        m_status->setText(tr("Cancelling…"));
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &DatasetsDialog::updateScaleNote);
    connect(m_scale, &QSpinBox::valueChanged, this, &DatasetsDialog::updateScaleNote);
    updateScaleNote();
}

DatasetsDialog::~DatasetsDialog()
{
    *m_cancelRequested = true; // a build still running stops; its thread finishes on its own
}

QString DatasetsDialog::selectedDataset() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : m_table->item(items.first()->row(), 0)->text();
}

void DatasetsDialog::updateScaleNote()
{
    const DatasetGenerator *g = m_catalog->find(selectedDataset());
    if (!g)
        return;
    m_scaleNote->setText(tr("%1 At scale %2: %3 rows.")
                             .arg(g->scaleNote())
                             .arg(m_scale->value())
                             .arg(QLocale().toString(g->totalRows(m_scale->value()))));
}

void DatasetsDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_build->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_table->setEnabled(!busy);
    m_engine->setEnabled(!busy);
    m_scale->setEnabled(!busy);
}

void DatasetsDialog::build()
{
    const QString name = selectedDataset();
    const DatasetGenerator *generator = m_catalog->find(name);
    const QString engine = m_engine->currentData().toString();
    if (!generator || engine.isEmpty() || m_busy)
        return;
    setBusy(true);
    m_cancelRequested = std::make_shared<std::atomic<bool>>(false);
    m_progress->setValue(0);
    m_status->setText(tr("Building %1 on %2…").arg(name, m_engine->currentText()));
    const int scale = m_scale->value();
    const QString dialect = m_registry.find(engine) ? m_registry.find(engine)->dialect : engine;
    DatasetProvider *datasets = &m_datasets;
    std::shared_ptr<std::atomic<bool>> cancel = m_cancelRequested;
    QPointer<DatasetsDialog> self(this);
    auto *error = new QString;
    auto *ok = new bool(false);
    QThread *worker = QThread::create([=] {
        std::unique_ptr<DatabaseConnection> connection = datasets->openWorking(engine, name, error);
        if (!connection)
            return;
        DatasetOptions options;
        options.scale = scale;
        options.cancel = cancel.get();
        options.progress = [self](const DatasetProgress &p) {
            if (p.rowsTotal <= 0)
                return;
            const int value = int(1000 * p.rowsDone / p.rowsTotal);
            QMetaObject::invokeMethod(qApp, [self, value, table = p.table] {
                if (self) {
                    self->m_progress->setValue(value);
                    if (!table.isEmpty())
                        self->m_status->setText(tr("Building… table %1").arg(table));
                }
            });
        };
        *ok = DatasetBuilder::create(*connection, dialect, *generator, options, error);
    });
    connect(worker, &QThread::finished, worker, [self, worker, error, ok, name, scale, generator] {
        worker->deleteLater();
        if (self) {
            self->setBusy(false);
            self->m_progress->setValue(*ok ? 1000 : 0);
            self->m_status->setText(*ok ? tr("%1 is ready: %2 rows at scale %3.")
                                              .arg(name, QLocale().toString(generator->totalRows(scale)))
                                              .arg(scale)
                                        : tr("Not built: %1. The working copy is as it was or empty; build it again.")
                                              .arg(*error));
        }
        delete error;
        delete ok;
    });
    worker->start();
}

} // namespace dblearn

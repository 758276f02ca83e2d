#include "pluginsdialog.h"

#include "backends/backendregistry.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dblearn {

PluginsDialog::PluginsDialog(const BackendRegistry &registry, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Backend plugins"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Database backends are plugins. Searched: %1")
                                 .arg(BackendRegistry::defaultSearchPaths().join(QStringLiteral(", "))),
                             this);
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(intro);

    auto *tree = new QTreeWidget(this);
    tree->setHeaderLabels({tr("Backend"), tr("State"), tr("Version"), tr("Details")});
    tree->setRootIsDecorated(false);
    tree->setWordWrap(true);
    const QList<BackendInfo> backends = registry.backends();
    for (const BackendInfo &info : backends) {
        const QString details = info.isLoaded()
                                    ? tr("%1 dialect; explain: %2; cancel: %3\n%4")
                                          .arg(info.dialect, info.explainFormats.join(QStringLiteral(", ")),
                                               info.canCancel ? tr("yes") : tr("no"), info.filePath)
                                    : info.refusalReason + QLatin1Char('\n') + info.filePath;
        auto *item = new QTreeWidgetItem({info.name.isEmpty() ? info.id : info.name,
                                          info.isLoaded() ? tr("Loaded") : tr("Refused"), info.version, details});
        item->setToolTip(3, details);
        if (!info.isLoaded())
            item->setForeground(1, QColor(Qt::red));
        tree->addTopLevelItem(item);
    }
    if (backends.isEmpty())
        tree->addTopLevelItem(new QTreeWidgetItem({tr("(none found)"), QString(), QString(), QString()}));
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(tree);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 320);
}

} // namespace dblearn

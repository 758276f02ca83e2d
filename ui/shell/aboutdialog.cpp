#include "aboutdialog.h"

#include "backends/backendregistry.h"
#include "support/version.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtWebEngineCore/qtwebenginecoreversion.h>
#include <QWebEngineProfile>

namespace dblearn {

AboutDialog::AboutDialog(const BackendRegistry &registry, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About DB Learn"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("<h2>DB Learn %1</h2><p>A hands-on learning path through databases, from ACID to "
                                  "production, for engineers who build AI and ML systems.</p>")
                                   .arg(applicationVersion().toHtmlEscaped()),
                               this);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto *components = new QTreeWidget(this);
    components->setHeaderLabels({tr("Component"), tr("Version")});
    components->setRootIsDecorated(false);
    for (const auto &component : coreComponentVersions())
        components->addTopLevelItem(new QTreeWidgetItem({component.first, component.second}));
    components->addTopLevelItem(new QTreeWidgetItem({tr("Qt WebEngine"), QStringLiteral(QTWEBENGINECORE_VERSION_STR)}));
    components->addTopLevelItem(new QTreeWidgetItem({tr("Chromium"), qWebEngineChromiumVersion()}));
    for (const BackendInfo &info : registry.backends()) {
        const QString state = info.isLoaded() ? info.version : tr("refused");
        components->addTopLevelItem(new QTreeWidgetItem({tr("Backend: %1").arg(info.name), state}));
    }
    components->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    layout->addWidget(components);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 420);
}

} // namespace dblearn

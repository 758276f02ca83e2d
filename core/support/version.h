#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace dblearn {

QString applicationVersion();
// Component name and version, for --version and the About dialog (Qt, SQLite, md4c, ...).
QList<QPair<QString, QString>> coreComponentVersions();

} // namespace dblearn

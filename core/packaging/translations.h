#pragma once

#include <QLocale>
#include <QStringList>

namespace dblearn {

// The user-interface translations: DB Learn's own (share/dblearn/translations/dblearn_<lang>.qm,
// made from translations/*.ts by lrelease) and Qt's (qtbase, qtwebengine) for the standard dialogs.
class Translations final
{
public:
    // Installs translators for `locale` (its UI languages, in order of preference) on the running
    // application. When none matches, the English catalogue (plural forms only) is loaded and the
    // application shows its English source strings. Returns the files loaded. The translators
    // belong to the application object.
    static QStringList install(const QLocale &locale = QLocale(), const QString &directory = defaultDirectory());

    // AppPaths::dataDir()/translations, in the build tree and in the install tree.
    static QString defaultDirectory();
};

} // namespace dblearn

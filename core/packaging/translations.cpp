#include "packaging/translations.h"

#include "support/apppaths.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

namespace dblearn {

namespace {
Q_LOGGING_CATEGORY(lcTranslations, "dblearn.translations", QtWarningMsg)

// Loads `name`_<lang>.qm for the first of the locale's UI languages that has one (de_AT, then de,
// ...) and installs it. Returns the translator, or nullptr.
QTranslator *installOne(const QLocale &locale, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), directory) || !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return nullptr;
    }
    return translator;
}
} // namespace

QString Translations::defaultDirectory()
{
    return AppPaths::dataDir() + QLatin1String("/translations");
}

QStringList Translations::install(const QLocale &locale, const QString &directory)
{
    QStringList loaded;
    // DB Learn's own first; Qt's standard dialogs then follow in the same language, so a language
    // DB Learn is not translated to does not give a half-translated window.
    const QTranslator *own = installOne(locale, QStringLiteral("dblearn"), directory);
    if (!own) {
        // No catalogue for the user's languages (or the C locale): the English source, whose
        // catalogue holds only the English plural forms.
        if (const QTranslator *english = installOne(QLocale(QLocale::English), QStringLiteral("dblearn"), directory))
            loaded << english->filePath();
    } else {
        loaded << own->filePath();
        const QLocale language(own->language());
        const QString qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        for (const QString &qtCatalog : {QStringLiteral("qtbase"), QStringLiteral("qtwebengine")}) {
            if (const QTranslator *qt = installOne(language, qtCatalog, qtDirectory))
                loaded << qt->filePath();
        }
    }
    qCInfo(lcTranslations) << "UI languages" << locale.uiLanguages() << "loaded" << loaded;
    return loaded;
}

} // namespace dblearn

// Translations: the user's language is chosen from the locale, English source strings otherwise,
// and the shipped catalogue is found in the build tree's share/dblearn/translations.

#include "packaging/translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTest>
#include <QTranslator>

using namespace dblearn;

class TranslationsTest final : public QObject
{
    Q_OBJECT
private slots:
    void cleanup()
    {
        // Each case starts from an untranslated application.
        for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

    void theUsersLanguageIsLoadedAndUsed()
    {
        const QStringList loaded = Translations::install(QLocale(QStringLiteral("de_AT")), QStringLiteral(DBLEARN_TEST_QM_DIR));
        QVERIFY(!loaded.isEmpty());
        QCOMPARE(QFileInfo(loaded.first()).fileName(), QStringLiteral("dblearn_de.qm")); // de_AT falls back to de
        QCOMPARE(QCoreApplication::translate("dblearn::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(QCoreApplication::translate("dblearn::MainWindow", "&Help"), QStringLiteral("&Hilfe"));
        // A string the catalogue does not have stays in English.
        QCOMPARE(QCoreApplication::translate("dblearn::MainWindow", "&Quit"), QStringLiteral("&Quit"));
    }

    void aLanguageWithoutTranslationKeepsTheEnglishSource()
    {
        // The fixture folder has German only, and no English catalogue to fall back to.
        const QStringList loaded = Translations::install(QLocale(QStringLiteral("fr_FR")), QStringLiteral(DBLEARN_TEST_QM_DIR));
        QVERIFY2(loaded.isEmpty(), qPrintable(loaded.join(QLatin1Char(' '))));
        QCOMPARE(QCoreApplication::translate("dblearn::MainWindow", "&File"), QStringLiteral("&File"));
    }

    void otherLanguagesAndTheCLocaleGetTheEnglishPlurals()
    {
        for (const QLocale &locale : {QLocale(QStringLiteral("fr_FR")), QLocale::c()}) {
            const QStringList loaded = Translations::install(locale);
            QCOMPARE(loaded.size(), 1);
            QCOMPARE(QFileInfo(loaded.first()).fileName(), QStringLiteral("dblearn_en.qm"));
            QCOMPARE(QCoreApplication::translate("dblearn::GettingStartedPage", "%n lesson(s), none written yet", nullptr, 1),
                     QStringLiteral("1 lesson, none written yet"));
            cleanup();
        }
    }

    void theShippedCatalogueIsFoundNextToTheApplication()
    {
        // The build tree mirrors the install tree: <bin>/../share/dblearn/translations.
        QVERIFY2(QFileInfo::exists(Translations::defaultDirectory() + QStringLiteral("/dblearn_en.qm")),
                 qPrintable(Translations::defaultDirectory()));
        const QStringList loaded = Translations::install(QLocale(QStringLiteral("en_GB")));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(QFileInfo(loaded.first()).fileName(), QStringLiteral("dblearn_en.qm"));
        QCOMPARE(QCoreApplication::translate("dblearn::MainWindow", "&File"), QStringLiteral("&File"));
        // English plurals come from the catalogue.
        QCOMPARE(QCoreApplication::translate("dblearn::GettingStartedPage", "%n lesson(s), none written yet", nullptr, 1),
                 QStringLiteral("1 lesson, none written yet"));
        QCOMPARE(QCoreApplication::translate("dblearn::GettingStartedPage", "%n lesson(s), none written yet", nullptr, 3),
                 QStringLiteral("3 lessons, none written yet"));
    }

    void aMissingFolderIsNotAnError()
    {
        QVERIFY(Translations::install(QLocale(QStringLiteral("de_DE")), QStringLiteral("/nonexistent/translations")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"

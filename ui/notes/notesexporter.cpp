#include "notesexporter.h"

#include "curriculum/curriculum.h"
#include "progress/progressstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QSaveFile>

namespace dblearn {

QByteArray NotesExporter::toMarkdown(const ProgressStore &store, const Curriculum &curriculum)
{
    QHash<QString, QString> notes;
    for (const auto &note : store.allNotes())
        notes.insert(note.first, note.second);
    QString out = QLatin1String("# ") + QCoreApplication::translate("dblearn::NotesExporter", "My DB Learn notes") + QLatin1Char('\n');
    auto write = [&](const QString &title, const QString &path) {
        out += QStringLiteral("\n## %1\n\n_%2_\n\n").arg(title, path) + notes.take(path).trimmed() + QLatin1Char('\n');
    };
    for (const LessonEntry &lesson : curriculum.lessons()) {
        if (notes.contains(lesson.path))
            write(lesson.title, lesson.path);
    }
    QStringList rest = notes.keys(); // notes on lessons no longer in the curriculum are kept too
    rest.sort();
    for (const QString &path : rest)
        write(path, path);
    return out.toUtf8();
}

bool NotesExporter::exportTo(const QString &filePath, const ProgressStore &store, const Curriculum &curriculum,
                             QString *error)
{
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    const QByteArray data = toMarkdown(store, curriculum);
    if (file.write(data) != data.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace dblearn

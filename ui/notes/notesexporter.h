#pragma once

#include <QString>

namespace dblearn {

class Curriculum;
class ProgressStore;

// Writes every note, in curriculum order, into one markdown file, atomically (QSaveFile).
class NotesExporter final
{
public:
    static QByteArray toMarkdown(const ProgressStore &store, const Curriculum &curriculum);
    static bool exportTo(const QString &filePath, const ProgressStore &store, const Curriculum &curriculum,
                         QString *error);
};

} // namespace dblearn

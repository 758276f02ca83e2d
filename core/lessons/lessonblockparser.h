#pragma once

#include "lessons/exercise.h"
#include "lessons/quiz.h"

#include <QByteArrayView>
#include <QStringList>

namespace dblearn {

// Reads the body of ```exercise and ```quiz fences (the YAML subset of MiniYaml) into Exercise
// and Quiz, checking every field docs/lesson-format.md defines. Messages name the file line:
// "quiz block line 93: option b has no explanation".
class LessonBlockParser final
{
public:
    // content: the text between the fences; fenceLine: the line of the opening fence. Appends
    // problems to *errors. Returns false when the block cannot be used at all (the page then shows
    // an error box instead); true blocks may still have errors (a missing hint).
    static bool parseExercise(QByteArrayView content, int fenceLine, Exercise *out, QStringList *errors);
    static bool parseQuiz(QByteArrayView content, int fenceLine, Quiz *out, QStringList *errors);

    static bool isValidId(const QString &id);   // [a-z0-9][a-z0-9_-]{0,47}
    static bool isValidName(const QString &name); // engine/dataset names: [a-z][a-z0-9_]{0,31}
};

} // namespace dblearn

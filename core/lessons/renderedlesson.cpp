#include "lessons/renderedlesson.h"

namespace dblearn {

namespace {

template <typename T>
const T *findById(const QList<T> &list, const QString &id)
{
    for (const T &item : list) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

} // namespace

const CodeSnippet *RenderedLesson::snippet(const QString &id) const
{
    return findById(snippets, id);
}

const Exercise *RenderedLesson::exercise(const QString &id) const
{
    return findById(exercises, id);
}

const Quiz *RenderedLesson::quiz(const QString &id) const
{
    return findById(quizzes, id);
}

} // namespace dblearn

#include "lessons/quiz.h"

#include <QSet>

namespace dblearn {

QStringList Quiz::correctOptionIds() const
{
    QStringList ids;
    for (const QuizOption &option : options) {
        if (option.correct)
            ids.append(option.id);
    }
    return ids;
}

bool Quiz::isCorrectAnswer(const QStringList &chosenIds) const
{
    const QStringList correct = correctOptionIds();
    const QSet<QString> chosen(chosenIds.cbegin(), chosenIds.cend());
    if (!multiple && chosen.size() != 1)
        return false;
    return chosen == QSet<QString>(correct.cbegin(), correct.cend());
}

} // namespace dblearn

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace dblearn {

struct QuizOption {
    QString id;          // "a", "b", ... in order
    QString text;        // markdown source
    bool correct = false;
    QString explanation; // markdown source; why this option is right or wrong
    int line = 0;
};

// One quiz question, from a ```quiz block (docs/lesson-format.md, "Quizzes"). A lesson's quiz is
// the sequence of its quiz blocks. Explanations stay out of the page until the learner answers.
struct Quiz {
    QString id;            // author's id, else "quiz-N"
    int number = 0;        // 1-based position among the lesson's questions
    QString question;      // markdown source
    bool multiple = false; // type: multiple (choose all that apply); else exactly one is correct
    QList<QuizOption> options;
    int line = 0;          // opening fence

    QStringList correctOptionIds() const;
    // True when the chosen option ids are exactly the correct ones (order and duplicates ignored).
    bool isCorrectAnswer(const QStringList &chosenIds) const;
};

} // namespace dblearn

#pragma once

#include <QWidget>

namespace dblearn {

class Curriculum;
class LessonLibrary;

// "Getting started": shown on the first run and from Help → Getting Started. Lets the learner pick
// a level (its first written lesson opens) and says where the datasets, the SQL console, the plan
// view and the cost worksheets are.
class GettingStartedPage final : public QWidget
{
    Q_OBJECT
public:
    GettingStartedPage(const Curriculum &curriculum, const LessonLibrary &library, QWidget *parent = nullptr);

    // Whether this user has not been shown the page yet (a setting), and marking it shown.
    static bool isFirstRun();
    static void markShown();

signals:
    void lessonRequested(const QString &lessonPath);
};

} // namespace dblearn

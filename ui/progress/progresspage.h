#pragma once

#include <QWidget>

class QChartView;
class QLabel;

namespace dblearn {

class Curriculum;
class LessonLibrary;
class ProgressStore;

// The learner's progress at a glance: completion per level and activity over the last weeks.
class ProgressPage final : public QWidget
{
    Q_OBJECT
public:
    ProgressPage(const Curriculum &curriculum, const LessonLibrary &library, ProgressStore *store,
                 QWidget *parent = nullptr);

    void refresh();

private:
    const Curriculum &m_curriculum;
    const LessonLibrary &m_library;
    ProgressStore *m_store;
    QLabel *m_summary;
    QChartView *m_levels;
    QChartView *m_activity;
};

} // namespace dblearn

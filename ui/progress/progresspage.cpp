#include "progresspage.h"

#include "curriculum/curriculum.h"
#include "lessons/lessonlibrary.h"
#include "progress/progressstore.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QHash>
#include <QLabel>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace dblearn {

namespace {
constexpr int activityDays = 28;
}

ProgressPage::ProgressPage(const Curriculum &curriculum, const LessonLibrary &library, ProgressStore *store,
                           QWidget *parent)
    : QWidget(parent), m_curriculum(curriculum), m_library(library), m_store(store)
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_levels = new QChartView(this);
    m_levels->setRenderHint(QPainter::Antialiasing);
    m_activity = new QChartView(this);
    m_activity->setRenderHint(QPainter::Antialiasing);
    layout->addWidget(m_levels, 1);
    layout->addWidget(m_activity, 1);
    refresh();
}

void ProgressPage::refresh()
{
    const QList<LessonProgress> progress = m_store ? m_store->allProgress() : QList<LessonProgress>{};
    QHash<QString, LessonProgress> byPath;
    for (const LessonProgress &p : progress)
        byPath.insert(p.lessonPath, p);

    // Completion per level: share of the level's lessons read, and practised (an exercise passed).
    auto *read = new QBarSet(tr("Read %"));
    auto *practised = new QBarSet(tr("Practised %"));
    QStringList levels;
    int totalRead = 0;
    int totalWritten = 0;
    qint64 seconds = 0;
    for (const CurriculumLevel &level : m_curriculum.levels()) {
        int lessons = 0;
        int r = 0;
        int p = 0;
        for (const CurriculumSection &section : level.sections) {
            for (int index : section.lessons) {
                const LessonEntry &lesson = m_curriculum.lessons()[index];
                ++lessons;
                totalWritten += m_library.exists(lesson.path) ? 1 : 0;
                const LessonProgress lp = byPath.value(lesson.path);
                r += lp.read ? 1 : 0;
                p += lp.exercisesPassed > 0 ? 1 : 0;
                seconds += lp.secondsSpent;
            }
        }
        totalRead += r;
        *read << (lessons ? 100.0 * r / lessons : 0);
        *practised << (lessons ? 100.0 * p / lessons : 0);
        levels << tr("%1. %2").arg(level.number).arg(level.title);
    }
    auto *levelSeries = new QBarSeries;
    levelSeries->append(read);
    levelSeries->append(practised);
    auto *levelChart = new QChart;
    levelChart->setTitle(tr("Completion per level"));
    levelChart->addSeries(levelSeries);
    auto *levelAxis = new QBarCategoryAxis;
    levelAxis->append(levels);
    levelChart->addAxis(levelAxis, Qt::AlignBottom);
    levelSeries->attachAxis(levelAxis);
    auto *percentAxis = new QValueAxis;
    percentAxis->setRange(0, 100);
    percentAxis->setLabelFormat(QStringLiteral("%d%%"));
    levelChart->addAxis(percentAxis, Qt::AlignLeft);
    levelSeries->attachAxis(percentAxis);
    levelChart->legend()->setAlignment(Qt::AlignBottom);
    QChart *oldLevels = m_levels->chart();
    m_levels->setChart(levelChart);
    delete oldLevels;

    // Activity over the last four weeks.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QList<ActivityDay> days = m_store ? m_store->activity(today.addDays(-(activityDays - 1)), today)
                                            : QList<ActivityDay>{};
    auto *lessonsSeries = new QLineSeries;
    lessonsSeries->setName(tr("Lessons read"));
    auto *attemptsSeries = new QLineSeries;
    attemptsSeries->setName(tr("Exercise attempts"));
    auto *quizSeries = new QLineSeries;
    quizSeries->setName(tr("Quiz answers"));
    int maxDay = 1;
    for (const ActivityDay &day : days) {
        const qreal x = qreal(day.day.startOfDay(Qt::UTC).toMSecsSinceEpoch());
        lessonsSeries->append(x, day.lessonsRead);
        attemptsSeries->append(x, day.exerciseAttempts);
        quizSeries->append(x, day.quizAnswers);
        maxDay = qMax(maxDay, qMax(day.lessonsRead, qMax(day.exerciseAttempts, day.quizAnswers)));
    }
    auto *activityChart = new QChart;
    activityChart->setTitle(tr("Activity, last %1 days").arg(activityDays));
    auto *dayAxis = new QDateTimeAxis;
    dayAxis->setFormat(QStringLiteral("d MMM"));
    dayAxis->setTickCount(5);
    activityChart->addAxis(dayAxis, Qt::AlignBottom);
    auto *countAxis = new QValueAxis;
    countAxis->setRange(0, maxDay);
    countAxis->setLabelFormat(QStringLiteral("%d"));
    countAxis->setTickCount(qMin(maxDay, 5) + 1);
    activityChart->addAxis(countAxis, Qt::AlignLeft);
    for (QLineSeries *series : {lessonsSeries, attemptsSeries, quizSeries}) {
        activityChart->addSeries(series);
        series->attachAxis(dayAxis);
        series->attachAxis(countAxis);
    }
    activityChart->legend()->setAlignment(Qt::AlignBottom);
    QChart *oldActivity = m_activity->chart();
    m_activity->setChart(activityChart);
    delete oldActivity;

    m_summary->setText(m_store ? tr("%1 of %2 lessons read (%3 written so far); %4 h %5 min spent in lessons.")
                                     .arg(totalRead)
                                     .arg(m_curriculum.lessons().size())
                                     .arg(totalWritten)
                                     .arg(seconds / 3600)
                                     .arg((seconds / 60) % 60)
                               : tr("Progress is not being recorded: the progress store could not be opened."));
}

} // namespace dblearn

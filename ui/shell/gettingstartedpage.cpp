#include "gettingstartedpage.h"

#include "curriculum/curriculum.h"
#include "lessons/lessonlibrary.h"

#include <QCommandLinkButton>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>

namespace dblearn {

namespace {
const QString keyShown = QStringLiteral("gettingStarted/shown");

QLabel *paragraph(const QString &html, QWidget *parent)
{
    auto *label = new QLabel(html, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    font.setBold(true);
    label->setFont(font);
    return label;
}
} // namespace

GettingStartedPage::GettingStartedPage(const Curriculum &curriculum, const LessonLibrary &library, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("GettingStartedPage"));
    auto *content = new QWidget;
    content->setMaximumWidth(900);
    auto *layout = new QVBoxLayout(content);
    layout->setSpacing(10);

    auto *title = heading(tr("Getting started with DB Learn"), content);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    title->setFont(titleFont);
    layout->addWidget(title);
    layout->addWidget(paragraph(tr("DB Learn is a path through databases in six levels, from ACID and indexes to vector "
                                   "search and RAG systems. Every lesson has examples you run on a real engine, and "
                                   "exercises DB Learn checks. Your progress, notes and bookmarks stay on this computer."),
                                content));

    layout->addWidget(heading(tr("1. Pick a level"), content));
    layout->addWidget(paragraph(tr("New to database internals? Start at Foundations. Already at home with SQL and "
                                   "indexes? Jump ahead; the curriculum on the left shows every lesson."),
                                content));
    auto *levels = new QGridLayout;
    const QList<LessonEntry> &lessons = curriculum.lessons();
    int column = 0;
    int row = 0;
    for (const CurriculumLevel &level : curriculum.levels()) {
        QString first;
        int written = 0;
        int total = 0;
        for (const CurriculumSection &section : level.sections) {
            for (int index : section.lessons) {
                ++total;
                if (library.exists(lessons.at(index).path)) {
                    ++written;
                    if (first.isEmpty())
                        first = lessons.at(index).path;
                }
            }
        }
        auto *button = new QCommandLinkButton(tr("Level %1: %2").arg(level.number).arg(level.title), content);
        button->setObjectName(QStringLiteral("level%1").arg(level.number));
        if (first.isEmpty()) {
            button->setDescription(tr("%n lesson(s), none written yet", nullptr, total));
            button->setEnabled(false);
        } else {
            button->setDescription(tr("%1 of %2 lessons · starts with “%3”")
                                       .arg(written)
                                       .arg(total)
                                       .arg(curriculum.find(first)->title));
            connect(button, &QCommandLinkButton::clicked, this, [this, first] { emit lessonRequested(first); });
        }
        levels->addWidget(button, row, column);
        if (++column == 2) {
            column = 0;
            ++row;
        }
    }
    layout->addLayout(levels);

    layout->addWidget(heading(tr("2. The datasets"), content));
    layout->addWidget(paragraph(tr("Lessons query teaching datasets (a shop, a bank, HR, IoT readings, a social graph, documents and ML features), "
                                   "built the same way on SQLite, PostgreSQL and MariaDB. <b>Tools → Datasets…</b> "
                                   "builds a working copy at any scale. SQLite needs nothing installed; "
                                   "<b>Tools → Local Servers…</b> starts a private PostgreSQL or MariaDB for you "
                                   "when their server programs are installed."),
                                content));

    layout->addWidget(heading(tr("3. The SQL console"), content));
    layout->addWidget(paragraph(tr("Run a lesson's example with its <b>Run</b> button, or take it to the console to "
                                   "change it. <b>File → New SQL Console</b> opens a console on any dataset or "
                                   "server: results stream in, and a long query can always be cancelled."),
                                content));

    layout->addWidget(heading(tr("4. The plan view"), content));
    layout->addWidget(paragraph(tr("EXPLAIN output becomes a graph of operators with rows and costs, and warnings "
                                   "for what is expensive (a sequential scan on a large table, an estimate far from "
                                   "the actual rows). Open a saved plan with <b>File → Open Query Plan…</b> or drop "
                                   "the file on the window."),
                                content));

    layout->addWidget(heading(tr("5. The cost worksheets"), content));
    layout->addWidget(paragraph(tr("The <b>Worksheets</b> menu starts a cost or TCO worksheet from a template: storage, "
                                   "compute, replicas and growth, with charts, to compare designs in money as well as "
                                   "in milliseconds."),
                                content));

    layout->addSpacing(8);
    layout->addWidget(paragraph(tr("This page is always under <b>Help → Getting Started</b>. "
                                   "<b>Go → Continue Where I Left Off</b> (Ctrl+Shift+L) takes you back to your last lesson."),
                                content));
    layout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *centred = new QWidget;
    auto *centredLayout = new QHBoxLayout(centred);
    centredLayout->addStretch();
    centredLayout->addWidget(content, 10);
    centredLayout->addStretch();
    scroll->setWidget(centred);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

bool GettingStartedPage::isFirstRun()
{
    return !QSettings().value(keyShown, false).toBool();
}

void GettingStartedPage::markShown()
{
    QSettings().setValue(keyShown, true);
}

} // namespace dblearn

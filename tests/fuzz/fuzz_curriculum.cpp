// libFuzzer target: the learning path (content/curriculum.json). Invariants: a refusal says why;
// a loaded curriculum is consistent: every lesson's level and section exist and list it back,
// every section's lesson indexes are valid, and indexOf() finds each lesson's path.
#include "fuzzcheck.h"

#include "curriculum/curriculum.h"

#include <cstddef>
#include <cstdint>

using namespace dblearn;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    Curriculum curriculum;
    QString error;
    if (!curriculum.loadFromJson(input, &error)) {
        DBLEARN_FUZZ_CHECK(!error.isEmpty(), QStringLiteral("refused without a message"));
        return 0;
    }
    const auto &levels = curriculum.levels();
    const auto &lessons = curriculum.lessons();
    for (int i = 0; i < lessons.size(); ++i) {
        const LessonEntry &lesson = lessons.at(i);
        DBLEARN_FUZZ_CHECK(lesson.level >= 0 && lesson.level < levels.size(),
                           QStringLiteral("lesson %1 in level %2 of %3").arg(i).arg(lesson.level).arg(levels.size()));
        const auto &sections = levels.at(lesson.level).sections;
        DBLEARN_FUZZ_CHECK(lesson.section >= 0 && lesson.section < sections.size(),
                           QStringLiteral("lesson %1 in section %2 of %3").arg(i).arg(lesson.section).arg(sections.size()));
        DBLEARN_FUZZ_CHECK(sections.at(lesson.section).lessons.contains(i),
                           QStringLiteral("lesson %1 not listed by its section").arg(i));
        const int found = curriculum.indexOf(lesson.path);
        DBLEARN_FUZZ_CHECK(found >= 0 && found <= i && lessons.at(found).path == lesson.path,
                           QStringLiteral("indexOf('%1') = %2 for lesson %3").arg(lesson.path).arg(found).arg(i));
        DBLEARN_FUZZ_CHECK(curriculum.find(lesson.path) == &lessons.at(found), QStringLiteral("find() disagrees with indexOf()"));
    }
    int listed = 0;
    for (const CurriculumLevel &level : levels) {
        for (const CurriculumSection &section : level.sections) {
            for (const int index : section.lessons)
                DBLEARN_FUZZ_CHECK(index >= 0 && index < lessons.size(), QStringLiteral("section lists lesson %1 of %2").arg(index).arg(lessons.size()));
            listed += int(section.lessons.size());
        }
    }
    DBLEARN_FUZZ_CHECK(listed == lessons.size(), QStringLiteral("%1 lessons, sections list %2").arg(lessons.size()).arg(listed));
    return 0;
}

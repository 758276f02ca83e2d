// libFuzzer target: the lesson front matter (the `---` block, read with MiniYaml) and its field
// checks. Invariants: a refusal says why; the body starts inside the file after the block; every
// top-level key has a line inside the block; checking never crashes and always explains an error.
#include "fuzzcheck.h"

#include "lessons/frontmatter.h"

#include <QVariantMap>

#include <cstddef>
#include <cstdint>

using namespace dblearn;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    FrontMatter fm;
    if (!fm.parse(input)) {
        DBLEARN_FUZZ_CHECK(!fm.error().isEmpty(), QStringLiteral("refused without a message"));
        return 0;
    }
    DBLEARN_FUZZ_CHECK(fm.error().isEmpty(), QStringLiteral("parsed but with an error: %1").arg(fm.error()));
    DBLEARN_FUZZ_CHECK(fm.bodyOffset() >= 0 && fm.bodyOffset() <= input.size(),
                       QStringLiteral("body offset %1 outside the %2-byte file").arg(fm.bodyOffset()).arg(input.size()));
    DBLEARN_FUZZ_CHECK(fm.bodyFirstLine() >= 1, QStringLiteral("body line %1").arg(fm.bodyFirstLine()));
    if (!fm.isPresent()) {
        DBLEARN_FUZZ_CHECK(fm.values().isEmpty(), QStringLiteral("values without a front matter block"));
        // Only an optional UTF-8 byte order mark may come before a body without front matter.
        DBLEARN_FUZZ_CHECK(fm.bodyOffset() == 0 || (fm.bodyOffset() == 3 && input.startsWith("\xEF\xBB\xBF")),
                           QStringLiteral("no front matter, yet the body starts at %1").arg(fm.bodyOffset()));
    } else {
        // The body's first line is after the closing '---'; it cannot be line 1 or 2.
        DBLEARN_FUZZ_CHECK(fm.bodyFirstLine() >= 3, QStringLiteral("front matter present, body on line %1").arg(fm.bodyFirstLine()));
        // When the closing '---' is the file's last line without a line break, the (empty) body
        // counts as the next line.
        const int linesBefore = int(input.first(fm.bodyOffset()).count('\n'));
        const bool endsUnterminated = fm.bodyOffset() == input.size() && !input.endsWith('\n');
        DBLEARN_FUZZ_CHECK(fm.bodyFirstLine() == linesBefore + 1 || (endsUnterminated && fm.bodyFirstLine() == linesBefore + 2),
                           QStringLiteral("body line %1, but %2 line breaks precede the body").arg(fm.bodyFirstLine()).arg(linesBefore));
        const QVariantMap values = fm.values();
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            const QByteArray key = it.key().toLatin1();
            if (it.key() != QString::fromLatin1(key))
                continue; // line() takes Latin-1 keys only
            const int line = fm.line(QLatin1String(key));
            DBLEARN_FUZZ_CHECK(line >= 2 && line < fm.bodyFirstLine(),
                               QStringLiteral("key '%1' on line %2, outside the block (body on %3)").arg(it.key()).arg(line).arg(fm.bodyFirstLine()));
        }
    }
    QStringList errors;
    QStringList warnings;
    fm.check(&errors, &warnings);
    for (const QString &e : std::as_const(errors))
        DBLEARN_FUZZ_CHECK(!e.trimmed().isEmpty(), QStringLiteral("an empty error message"));
    return 0;
}

#pragma once

#include <QString>

namespace dblearn {

// Plans pasted from psql or a GUI client carry framing around the engine's text: psql's
// "QUERY PLAN" header and dashes, "+" at the end of continued lines, "(N rows)", a one-space
// margin, or every line in double quotes (pgAdmin's copy). strip() takes it off and leaves the
// lines the engine printed; text without framing is returned as it is.
class PsqlFraming final
{
public:
    static QString strip(const QString &text);
    // True when the text looks framed (header and dashes, or quoted lines).
    static bool isFramed(const QString &text);
};

} // namespace dblearn

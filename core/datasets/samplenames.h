#pragma once

#include <QtGlobal>

namespace dblearn {

class DatasetRandom;

// Plain-ASCII names and places shared by the generators (ASCII keeps every engine's collation
// and character set out of the comparison; a few names carry an apostrophe to exercise quoting).
class SampleNames final
{
public:
    struct Place {
        const char *city;
        const char *country;
    };

    static int firstNameCount();
    static int lastNameCount();
    static int placeCount();
    static const char *firstName(int index);
    static const char *lastName(int index);
    static const Place &place(int index);

    static const char *randomFirstName(DatasetRandom &random);
    static const char *randomLastName(DatasetRandom &random);
    // Skewed towards the first places (big cities are more common).
    static const Place &randomPlace(DatasetRandom &random);

    // "o'brien" from "O'Brien": lower case, apostrophes and spaces removed, for handles and emails.
    static int slug(const char *name, char *out, int capacity);
};

} // namespace dblearn

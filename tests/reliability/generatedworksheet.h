#pragma once

#include "cost/worksheet.h"

namespace dblearn::test {

// Generation `generation` of a worksheet: the template with its title and description naming the
// generation, and a description long enough (about 200 kB) that a save takes a while and a kill
// can land in the middle of the write. The writer and the checker build the same bytes from it.
Worksheet generatedWorksheet(const Worksheet &base, qint64 generation);

// The generation a worksheet was made for, or -1 if its title is not one of ours.
qint64 worksheetGeneration(const Worksheet &worksheet);

} // namespace dblearn::test

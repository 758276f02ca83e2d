#pragma once

namespace dblearn {

// Whether the system's palette is dark (Qt 6.4 has no colour-scheme API; the palette tells).
bool systemPaletteIsDark();

} // namespace dblearn

#include "systemtheme.h"

#include <QGuiApplication>
#include <QPalette>

namespace dblearn {

bool systemPaletteIsDark()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

} // namespace dblearn

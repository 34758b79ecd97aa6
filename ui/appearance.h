// SPDX-License-Identifier: MIT
#pragma once

#include <QPalette>
#include <QString>

namespace cbi {

// Settings > Appearance: the desktop's look, or light, dark or high contrast whatever the desktop
// says. A choice is a style and a palette for the whole application; it is kept in the settings
// (ui/appearance) and applied again by every window, a window rebuilt for a language switch too.
class Appearance
{
public:
    enum class Theme
    {
        System,
        Light,
        Dark,
        HighContrast
    };

    static QString name(Theme theme); // as saved: system, light, dark, highContrast
    static Theme fromName(const QString &name); // unknown: System
    static Theme saved();
    // Applies theme app-wide and saves it.
    static void choose(Theme theme);
    // Applies the saved choice (each window does, at construction).
    static void applySaved();
    // The palette of a theme that is not System.
    static QPalette palette(Theme theme);

private:
    static void apply(Theme theme);
};

} // namespace cbi

// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QMenu;

namespace cbi {

// The Settings menu: Language (each in its own name; a change closes the window, which comes back
// in the new language) and Appearance (System, Light, Dark, High contrast, applied at once).
class SettingsMenu : public QObject
{
    Q_OBJECT
public:
    // Fills menu and applies the saved appearance.
    explicit SettingsMenu(QMenu *menu, QObject *parent = nullptr);

Q_SIGNALS:
    // Another language was chosen and saved (ui/language): the window should close and come back.
    void languageChosen();
};

} // namespace cbi

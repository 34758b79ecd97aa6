// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <functional>
#include <memory>

namespace cbi {

class Inspector;
class MainWindow;

// Shows the window and runs the event loop until the user quits. Settings > Language closes the
// window; a new one in the new language (installLanguage installs its translators) opens over the
// same inspector, which kept serving, journaling and holding in between: nothing is handed over.
int runWindows(Inspector *inspector, std::unique_ptr<MainWindow> window,
    const std::function<void(const QString &language)> &installLanguage);

} // namespace cbi

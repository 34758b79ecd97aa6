// SPDX-License-Identifier: MIT
#include "windowloop.h"

#include "appsettings.h"
#include "mainwindow.h"
#include "stallprobe.h"
#include "widgets/wheelguard.h"

#include <QApplication>

namespace cbi {

int runWindows(Inspector *inspector, std::unique_ptr<MainWindow> window,
    const std::function<void(const QString &language)> &installLanguage)
{
    const auto stalls = StallProbe::fromEnvironment(); // CBI_STALL_LOG=FILE: bench/gui.sh
    WheelGuard::install();
    window->show();
    int code = QApplication::exec();
    while (window->languageChangeRequested()) {
        window.reset();
        installLanguage(AppSettings::language());
        window = std::make_unique<MainWindow>(inspector);
        window->show();
        code = QApplication::exec();
    }
    return code;
}

} // namespace cbi

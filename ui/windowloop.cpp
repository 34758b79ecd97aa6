// SPDX-License-Identifier: MIT
#include "windowloop.h"

#include "mainwindow.h"

#include <QApplication>
#include <QSettings>

namespace cbi {

int runWindows(Inspector *inspector, std::unique_ptr<MainWindow> window,
    const std::function<void(const QString &language)> &installLanguage)
{
    window->show();
    int code = QApplication::exec();
    while (window->languageChangeRequested()) {
        window.reset();
        installLanguage(QSettings().value(QStringLiteral("ui/language")).toString());
        window = std::make_unique<MainWindow>(inspector);
        window->show();
        code = QApplication::exec();
    }
    return code;
}

} // namespace cbi

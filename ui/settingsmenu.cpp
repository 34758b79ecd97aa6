// SPDX-License-Identifier: MIT
#include "settingsmenu.h"

#include "appearance.h"
#include "appsettings.h"

#include <QActionGroup>
#include <QMenu>

namespace cbi {

SettingsMenu::SettingsMenu(QMenu *menu, QObject *parent)
    : QObject(parent)
{
    QMenu *languageMenu = menu->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const QString current = AppSettings::language();
    // Each language in its own name, as language menus do.
    const std::pair<QString, QString> choices[] = {{QString(), tr("System Language")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto &[code, name] : choices) {
        QAction *action = languageMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            if (code == AppSettings::language())
                return;
            AppSettings::setLanguage(code);
            Q_EMIT languageChosen();
        });
    }

    QMenu *appearanceMenu = menu->addMenu(tr("&Appearance"));
    auto *themes = new QActionGroup(this);
    Appearance::applySaved();
    const Appearance::Theme saved = Appearance::saved();
    const std::pair<Appearance::Theme, QString> looks[] = {{Appearance::Theme::System, tr("&System")},
        {Appearance::Theme::Light, tr("&Light")}, {Appearance::Theme::Dark, tr("&Dark")},
        {Appearance::Theme::HighContrast, tr("&High Contrast")}};
    for (const auto &[theme, name] : looks) {
        QAction *action = appearanceMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(theme == saved);
        action->setObjectName(QStringLiteral("appearance-") + Appearance::name(theme));
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [theme = theme] { Appearance::choose(theme); });
    }
}

} // namespace cbi

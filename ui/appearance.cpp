// SPDX-License-Identifier: MIT
#include "appearance.h"

#include "appsettings.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <utility>

namespace cbi {

namespace {

// The style the desktop gave the application, read before the first change: System goes back to it.
QString &desktopStyle()
{
    static QString style = QApplication::style() ? QApplication::style()->name() : QString();
    return style;
}
} // namespace

QString Appearance::name(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::HighContrast:
        return QStringLiteral("highContrast");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Appearance::Theme Appearance::fromName(const QString &name)
{
    for (Theme theme : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        if (name == Appearance::name(theme))
            return theme;
    }
    return Theme::System;
}

Appearance::Theme Appearance::saved()
{
    return fromName(AppSettings::appearance());
}

void Appearance::choose(Theme theme)
{
    AppSettings::setAppearance(name(theme));
    apply(theme);
}

void Appearance::applySaved()
{
    apply(saved());
}

void Appearance::apply(Theme theme)
{
    desktopStyle(); // remembered before the first change
    static bool overridden = false; // System leaves alone a palette it did not replace
    if (theme == Theme::System) {
        if (!std::exchange(overridden, false))
            return;
        // An empty palette resolves to the style's and the desktop's again.
        if (QApplication::style()->name() != desktopStyle())
            QApplication::setStyle(QStyleFactory::create(desktopStyle()));
        QApplication::setPalette(QPalette());
        return;
    }
    // Fusion draws every palette role; desktop styles (GTK, Breeze) may ignore some.
    if (QApplication::style()->name() != QLatin1String("fusion"))
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(palette(theme));
    overridden = true;
}

QPalette Appearance::palette(Theme theme)
{
    if (theme == Theme::Light || theme == Theme::System) {
        QPalette light(QColor(0xef, 0xef, 0xef));
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf5, 0xf5));
        light.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
        light.setColor(QPalette::HighlightedText, Qt::white);
        light.setColor(QPalette::Link, QColor(0x1a, 0x5f, 0xb4));
        light.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
        light.setColor(QPalette::ToolTipText, Qt::black);
        return light;
    }
    if (theme == Theme::Dark) {
        QPalette dark(QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Base, QColor(0x24, 0x24, 0x24));
        dark.setColor(QPalette::AlternateBase, QColor(0x2d, 0x2d, 0x2d));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Button, QColor(0x3c, 0x3c, 0x3c));
        dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::BrightText, Qt::white);
        dark.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
        dark.setColor(QPalette::ToolTipBase, QColor(0x24, 0x24, 0x24));
        dark.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            dark.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
        return dark;
    }
    // High contrast: white on black, yellow selection and links, as desktop high-contrast themes do.
    QPalette contrast(Qt::black);
    for (auto role :
        {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button, QPalette::ToolTipBase})
        contrast.setColor(role, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::BrightText,
             QPalette::ToolTipText, QPalette::PlaceholderText})
        contrast.setColor(role, Qt::white);
    contrast.setColor(QPalette::Light, Qt::white);
    contrast.setColor(QPalette::Midlight, QColor(0xc0, 0xc0, 0xc0));
    contrast.setColor(QPalette::Mid, QColor(0x80, 0x80, 0x80)); // frames and grid lines stay visible
    contrast.setColor(QPalette::Dark, QColor(0x80, 0x80, 0x80));
    contrast.setColor(QPalette::Highlight, QColor(0xff, 0xff, 0x00));
    contrast.setColor(QPalette::HighlightedText, Qt::black);
    contrast.setColor(QPalette::Link, QColor(0xff, 0xff, 0x00));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        contrast.setColor(QPalette::Disabled, role, QColor(0xa0, 0xa0, 0xa0)); // still 4.5:1 on black
    return contrast;
}

} // namespace cbi

// SPDX-License-Identifier: MIT
// Palettes a desktop's accessibility settings give applications, every role set as those themes do.
#pragma once

#include <QColor>
#include <QPalette>

namespace testpalette {

// White on black with a cyan selection, like GNOME's and KDE's high-contrast inverse themes.
inline QPalette highContrastDark()
{
    QPalette p;
    const QColor black(Qt::black), white(Qt::white), grey(0x80, 0x80, 0x80);
    for (auto role :
        {QPalette::Window, QPalette::Base, QPalette::Button, QPalette::ToolTipBase, QPalette::Shadow})
        p.setColor(role, black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText,
             QPalette::Light, QPalette::BrightText})
        p.setColor(role, white);
    p.setColor(QPalette::AlternateBase, QColor(0x1c, 0x1c, 0x1c));
    p.setColor(QPalette::Midlight, QColor(0xc0, 0xc0, 0xc0));
    p.setColor(QPalette::Mid, grey);
    p.setColor(QPalette::Dark, grey);
    p.setColor(QPalette::PlaceholderText, QColor(0xc0, 0xc0, 0xc0));
    p.setColor(QPalette::Highlight, QColor(0x1a, 0xeb, 0xff));
    p.setColor(QPalette::HighlightedText, black);
    p.setColor(QPalette::Link, QColor(0xff, 0xff, 0x00));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0xa0, 0xa0, 0xa0));
    return p;
}

// Black on white, the light high-contrast themes.
inline QPalette highContrastLight()
{
    QPalette p;
    const QColor black(Qt::black), white(Qt::white), grey(0x60, 0x60, 0x60);
    for (auto role :
        {QPalette::Window, QPalette::Base, QPalette::Button, QPalette::ToolTipBase, QPalette::Light})
        p.setColor(role, white);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText,
             QPalette::Shadow, QPalette::BrightText})
        p.setColor(role, black);
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf0, 0xf0));
    p.setColor(QPalette::Midlight, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Mid, grey);
    p.setColor(QPalette::Dark, grey);
    p.setColor(QPalette::PlaceholderText, grey);
    p.setColor(QPalette::Highlight, QColor(0x00, 0x00, 0x9f));
    p.setColor(QPalette::HighlightedText, white);
    p.setColor(QPalette::Link, QColor(0x00, 0x00, 0xc0));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, grey);
    return p;
}

} // namespace testpalette

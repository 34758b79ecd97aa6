// SPDX-License-Identifier: MIT
#include "readablecolor.h"

#include <QGuiApplication>
#include <QPalette>

#include <cmath>

namespace cbi::ReadableColor {

namespace {
double luminance(const QColor &c)
{
    auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
} // namespace

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor on(const QColor &color, const QColor &background)
{
    constexpr double wanted = 4.5;
    if (contrast(color, background) >= wanted)
        return color;
    // Away from the background's lightness, in HSL steps: lighter on dark, darker on light.
    const bool lighten = luminance(background) < 0.18;
    float h, s, l, a;
    color.getHslF(&h, &s, &l, &a);
    QColor c = color;
    for (int i = 0; i < 100 && contrast(c, background) < wanted; ++i) {
        l = std::clamp(l + (lighten ? 0.01f : -0.01f), 0.0f, 1.0f);
        c = QColor::fromHslF(h, s, l, a);
    }
    return c;
}

QColor onBase(const QColor &color)
{
    // Tables stripe their rows with AlternateBase, a shade off Base: readable on both.
    const QPalette palette = QGuiApplication::palette();
    return on(on(color, palette.color(QPalette::Base)), palette.color(QPalette::AlternateBase));
}

QColor outcome(Verdict::Outcome outcome)
{
    // One hue per outcome, made readable on the palette in use (light, dark, high contrast).
    QColor hue(0x80, 0x80, 0x80);
    switch (outcome) {
    case Verdict::Outcome::Continue:
        hue = QColor(0x2e, 0x8b, 0x57);
        break;
    case Verdict::Outcome::Blocked:
        hue = QColor(0xd3, 0x54, 0x00);
        break;
    case Verdict::Outcome::Modified:
        hue = QColor(0x29, 0x80, 0xb9);
        break;
    case Verdict::Outcome::Failed:
        hue = errorHue();
        break;
    case Verdict::Outcome::Ignored:
    case Verdict::Outcome::NotCallback:
    case Verdict::Outcome::None:
        break;
    }
    return onBase(hue);
}

} // namespace cbi::ReadableColor

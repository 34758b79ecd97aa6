// SPDX-License-Identifier: MIT
#pragma once

#include "capture/verdict.h"

#include <QColor>

namespace cbi::ReadableColor {

// The hue of errors and failures: rejected requests, failed verdicts, bad input, time running out.
inline QColor errorHue()
{
    return QColor(0xc0, 0x39, 0x2b);
}

// The WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white).
double contrast(const QColor &a, const QColor &b);
// color lightened or darkened just enough for a 4.5:1 contrast on background (WCAG AA for text),
// its hue kept: a verdict's green stays green on light, dark and high-contrast palettes.
QColor on(const QColor &color, const QColor &background);
// On the application palette's Base and AlternateBase, where tables and text views draw.
QColor onBase(const QColor &color);
// One hue per verdict outcome, readable on Base (light, dark, high contrast).
QColor outcome(Verdict::Outcome outcome);

} // namespace cbi::ReadableColor

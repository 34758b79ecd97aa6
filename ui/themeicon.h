// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>

namespace cbi {

// An action's icon: the desktop icon theme's, by its freedesktop name (document-open, edit-copy, ...),
// else the one drawn for the app (resources/icons/actions/NAME.svg).
class ThemeIcon
{
public:
    static QIcon get(const QString &name);
    static QIcon get(const char *name) { return get(QString::fromLatin1(name)); }
    static QString fallbackPath(const QString &name);
};

} // namespace cbi

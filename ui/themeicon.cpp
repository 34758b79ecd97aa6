// SPDX-License-Identifier: MIT
#include "themeicon.h"

namespace cbi {

QString ThemeIcon::fallbackPath(const QString &name)
{
    return QStringLiteral(":/actions/%1.svg").arg(name);
}

QIcon ThemeIcon::get(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(fallbackPath(name)));
}

} // namespace cbi

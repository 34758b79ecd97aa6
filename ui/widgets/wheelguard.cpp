// SPDX-License-Identifier: MIT
#include "wheelguard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QPointer>

namespace cbi {

void WheelGuard::install()
{
    static QPointer<WheelGuard> guard;
    if (guard || !qApp)
        return;
    guard = new WheelGuard(qApp);
    qApp->installEventFilter(guard);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Wheel)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || widget->hasFocus()
        || !(qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QComboBox *>(widget)))
        return false;
    // Not taken: QApplication hands an ignored wheel event on to the parent, so the form scrolls.
    event->ignore();
    return true;
}

} // namespace cbi

// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

namespace cbi {

// The mouse wheel over a spin box or combo box that does not have the focus scrolls the form around
// it instead of changing the value: scrolling the rule editor once turned a 2000 ms delay into 1994
// and a 200 status into 195 unnoticed (new-user walk). One filter for the whole application.
class WheelGuard : public QObject
{
    Q_OBJECT
public:
    static void install(); // once; later calls do nothing

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace cbi

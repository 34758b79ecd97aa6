// SPDX-License-Identifier: MIT
#include "dockpanel.h"

namespace cbi {

DockPanel::DockPanel(QWidget *content, QWidget *parent)
    : QScrollArea(parent)
{
    setWidget(content);
    setWidgetResizable(true); // the panel fills the dock when there is room
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::NoFocus); // Tab goes to the panel's own controls
    setAccessibleName(content->accessibleName());
}

QSize DockPanel::minimumSizeHint() const
{
    // Narrow enough to give way, tall enough to stay useful.
    return {120, qMin(widget()->minimumSizeHint().height(), 200)};
}

} // namespace cbi

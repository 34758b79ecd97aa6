// SPDX-License-Identifier: MIT
#pragma once

#include <QScrollArea>

namespace cbi {

// A dock's content in a scroll area: the dock can be narrower than its panel's widest row (the
// panel scrolls instead), so on a small or scaled screen the docks give way to the table (gui walk F19).
class DockPanel : public QScrollArea
{
    Q_OBJECT
public:
    explicit DockPanel(QWidget *content, QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;
};

} // namespace cbi

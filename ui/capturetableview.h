// SPDX-License-Identifier: MIT
#pragma once

#include <QTableView>

class QAction;
class QLabel;
class QMenu;
class QToolButton;

namespace cbi {

// The capture table's view: follows the tail while "Auto Scroll" is on (scrolling up turns it off,
// visibly, and a "N new" badge jumps back to the latest), says so over a filter that hides every
// row, and lets the user choose the columns from the header's context menu.
class CaptureTableView : public QTableView
{
    Q_OBJECT
public:
    explicit CaptureTableView(QWidget *parent = nullptr);

    QAction *followAction() const { return m_follow; }
    bool isFollowing() const;
    void setFollowing(bool follow);
    // Live rows are about to be appended / were appended: scroll to them, or count them in the badge.
    void beginArrival();
    void endArrival();
    // Programmatic scrolling (filter changes, restored selections) leaves "Auto Scroll" as it is.
    void holdFollow(bool hold) { m_holdFollow = hold; }
    void scrollToBottomKeepingFollow();
    QToolButton *newRowsBadge() const { return m_badge; }
    int newRowCount() const { return m_newRows; }
    // Text over the viewport (empty: none), e.g. "No captures match ...".
    void setOverlayText(const QString &text);
    QString overlayText() const;
    // The header's context menu: one check box per column.
    QMenu *columnMenu(QWidget *parent);
    void setModel(QAbstractItemModel *model) override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void placeOverlays();
    void updateBadge();
    void scrolled(int value);

    QAction *m_follow;
    QToolButton *m_badge;
    QLabel *m_overlay;
    int m_newRows = 0;
    int m_arrived = 0; // rows inserted since beginArrival()
    bool m_arriving = false;
    bool m_holdFollow = false;
};

} // namespace cbi

// SPDX-License-Identifier: MIT
#include "capturetableview.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QToolButton>

namespace cbi {

CaptureTableView::CaptureTableView(QWidget *parent)
    : QTableView(parent)
    , m_follow(new QAction(tr("&Auto Scroll"), this))
    , m_badge(new QToolButton(this))
    , m_overlay(new QLabel(viewport()))
{
    m_follow->setObjectName(QStringLiteral("followTail"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep the newest capture in view; scrolling up pauses it"));
    connect(m_follow, &QAction::toggled, this, [this](bool on) {
        if (on) {
            m_newRows = 0;
            scrollToBottomKeepingFollow();
        }
        updateBadge();
    });
    m_badge->setObjectName(QStringLiteral("newRowsBadge"));
    m_badge->setToolTip(tr("Jump to the latest capture and follow new ones again"));
    m_badge->setAccessibleName(tr("Jump to the latest capture"));
    m_badge->setCursor(Qt::PointingHandCursor);
    m_badge->hide();
    connect(m_badge, &QToolButton::clicked, this, [this] { setFollowing(true); });
    m_overlay->setObjectName(QStringLiteral("tableOverlay"));
    m_overlay->setAlignment(Qt::AlignCenter);
    m_overlay->setWordWrap(true);
    m_overlay->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_overlay->setForegroundRole(QPalette::PlaceholderText);
    m_overlay->hide();
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &CaptureTableView::scrolled);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = columnMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(horizontalHeader()->viewport()->mapToGlobal(pos));
    });
}

void CaptureTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    if (model) {
        connect(
            model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
                if (m_arriving)
                    m_arrived += last - first + 1;
            });
    }
}

bool CaptureTableView::isFollowing() const
{
    return m_follow->isChecked();
}

void CaptureTableView::setFollowing(bool follow)
{
    m_follow->setChecked(follow);
    if (follow) // already on: still jump to the latest
        scrollToBottomKeepingFollow();
}

void CaptureTableView::beginArrival()
{
    m_arriving = true;
    m_arrived = 0;
}

void CaptureTableView::endArrival()
{
    m_arriving = false;
    if (isFollowing()) {
        scrollToBottomKeepingFollow();
        return;
    }
    m_newRows += m_arrived;
    updateBadge();
}

void CaptureTableView::scrollToBottomKeepingFollow()
{
    const bool held = m_holdFollow;
    m_holdFollow = true;
    scrollToBottom();
    m_holdFollow = held;
}

// The user scrolled: up pauses following, back down to the end resumes it.
void CaptureTableView::scrolled(int value)
{
    if (m_holdFollow)
        return;
    const bool atBottom = value >= verticalScrollBar()->maximum();
    if (atBottom != isFollowing())
        m_follow->setChecked(atBottom);
}

void CaptureTableView::setOverlayText(const QString &text)
{
    if (text == m_overlay->text() && m_overlay->isVisible() == !text.isEmpty())
        return;
    m_overlay->setText(text);
    m_overlay->setVisible(!text.isEmpty());
    placeOverlays();
}

QString CaptureTableView::overlayText() const
{
    return m_overlay->isVisible() ? m_overlay->text() : QString();
}

QMenu *CaptureTableView::columnMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("Columns"), parent);
    QHeaderView *header = horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        const QString name = model()->headerData(column, Qt::Horizontal).toString();
        const QString tip = model()->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
        QAction *action = menu->addAction(tip.isEmpty() ? name : name + QStringLiteral("  ") + tip);
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, this, [this, header, column](bool shown) {
            // The last visible column stays: a table with none cannot be right-clicked back.
            if (!shown && header->count() - header->hiddenSectionCount() <= 1)
                return;
            setColumnHidden(column, !shown);
        });
    }
    return menu;
}

void CaptureTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    placeOverlays();
}

void CaptureTableView::updateBadge()
{
    const bool show = !isFollowing() && m_newRows > 0;
    if (show) {
        m_badge->setText(tr("%n new \u2193", nullptr, m_newRows));
        m_badge->adjustSize();
    }
    m_badge->setVisible(show);
    placeOverlays();
}

void CaptureTableView::placeOverlays()
{
    const QRect area = viewport()->geometry(); // in the view's coordinates
    if (m_badge->isVisible()) {
        m_badge->adjustSize();
        m_badge->move(area.right() - m_badge->width() - 12, area.bottom() - m_badge->height() - 8);
        m_badge->raise();
    }
    if (m_overlay->isVisible())
        m_overlay->setGeometry(viewport()->rect().adjusted(16, 16, -16, -16));
}

} // namespace cbi

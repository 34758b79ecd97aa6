// SPDX-License-Identifier: MIT
#include "timelinedialog.h"

#include "capture/capturetimeline.h"
#include "catalogue/catalogue.h"
#include "models/capturetablemodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cbi {

TimelineDialog::TimelineDialog(
    const CapturedRequest &anchor, const QList<CapturedRequest> &related, QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
{
    const QString message = CaptureTimeline::clientMsgID(anchor);
    setWindowTitle(message.isEmpty() ? tr("Timeline of operation %1").arg(anchor.operationID)
                                     : tr("Timeline of message %1").arg(message));
    m_tree->setColumnCount(6);
    m_tree->setHeaderLabels(
        {tr("#"), tr("Time"), tr("After first"), tr("Command"), tr("OpenIM will"), tr("Reply")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAccessibleName(tr("Callbacks of this message or operation"));
    const QDateTime first = related.isEmpty() ? anchor.receivedAt : related.first().receivedAt;
    for (const auto &c : related) {
        const CommandSpec *spec = Catalogue::instance().find(c.canonicalCommand);
        const QString stage = spec ? (spec->isBefore() ? tr("before") : tr("after")) : tr("unknown");
        auto *item = new QTreeWidgetItem(m_tree,
            {QString::number(c.id), c.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                tr("+%1 ms").arg(first.msecsTo(c.receivedAt)),
                QStringLiteral("%1  [%2]").arg(c.command, stage), CaptureTableModel::verdictText(c.verdict),
                QStringLiteral("HTTP %1  %2")
                    .arg(c.reply.status)
                    .arg(QString::fromUtf8(c.reply.body.left(160)))});
        item->setData(0, Qt::UserRole, c.id);
        item->setForeground(4, CaptureTableModel::verdictColor(c.verdict.outcome));
        if (c.id == anchor.id)
            m_tree->setCurrentItem(item);
    }
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT captureActivated(item->data(0, Qt::UserRole).toULongLong());
    });
    auto *hint = new QLabel(tr("Callbacks with the same clientMsgID or operationID, in the order they "
                               "arrived. Activate a row to select "
                               "it in the table."),
        this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(1000, 420);
}

} // namespace cbi

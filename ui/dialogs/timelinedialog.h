// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QDialog>

class QTreeWidget;

namespace cbi {

// One message or operation across its callbacks, in time order: when each came (and how long after
// the first), which command, what OpenIM will do with the reply, and the reply itself. Activating a
// row asks the main window to select that capture.
class TimelineDialog : public QDialog
{
    Q_OBJECT
public:
    TimelineDialog(
        const CapturedRequest &anchor, const QList<CapturedRequest> &related, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }

Q_SIGNALS:
    void captureActivated(quint64 id);

private:
    QTreeWidget *m_tree;
};

} // namespace cbi

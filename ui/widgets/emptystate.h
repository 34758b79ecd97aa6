// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QAbstractItemModel;
class QAbstractItemView;
class QAction;
class QLabel;
class QPushButton;

namespace cbi {

class ServerHost;

// Over the empty capture table (gui walk F26): "Waiting for OpenIM. Put url: ... in webhooks.yml"
// with Copy, Generate webhooks.yml (the File menu's action) and Send a sample callback, which posts
// one real callback to the running server the way Simulate OpenIM does, so a first row appears.
// Shown while the table holds no capture: gone with the first, back after Clear.
class EmptyState : public QWidget
{
    Q_OBJECT
public:
    // Lives in view's viewport; captures: the table's rows (unfiltered).
    EmptyState(QAbstractItemView *view, QAbstractItemModel *captures, ServerHost *host, QAction *generate);

    QList<QWidget *> tabOrder() const;
    QString urlText() const;
    // Posts the sample; false (and says why underneath) if it could not be sent.
    bool sendSample();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow(); // visibility and place
    void showServer(); // the url, or why there is none

    QAbstractItemView *m_view;
    QAbstractItemModel *m_captures;
    ServerHost *m_host;
    QLabel *m_title;
    QLabel *m_url;
    QLabel *m_result;
    QPushButton *m_copy;
    QPushButton *m_generate;
    QPushButton *m_sample;
};

} // namespace cbi

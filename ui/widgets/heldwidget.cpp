// SPDX-License-Identifier: MIT
#include "heldwidget.h"

#include "catalogue/catalogue.h"
#include "readablecolor.h"
#include "server/serverhost.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace cbi {

HeldWidget::HeldWidget(ServerHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_pick(new QComboBox(this))
    , m_commands(new QListWidget(this))
    , m_waiting(new QListWidget(this))
    , m_reply(new QPlainTextEdit(this))
    , m_hint(new QLabel(this))
    , m_send(new QPushButton(tr("Send &Edited"), this))
    , m_rules(new QPushButton(tr("Send &Rules' Reply"), this))
    , m_block(new QPushButton(tr("&Block 5001"), this))
    , m_drop(new QPushButton(tr("&Close Connection"), this))
    , m_tick(new QTimer(this))
{
    m_pick->addItem(tr("every callback"), QStringLiteral("*"));
    for (const auto &spec : Catalogue::instance().commands())
        m_pick->addItem(spec.command, spec.command);
    m_pick->setAccessibleName(tr("Command to hold"));
    // Not as wide as the longest command name: the dock gives way to the table at 1366 px.
    m_pick->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_pick->setMinimumContentsLength(14);
    auto *hold = new QPushButton(tr("&Hold"), this);
    auto *release = new QPushButton(tr("&Stop Holding"), this);
    release->setObjectName(QStringLiteral("stopHolding"));
    release->setToolTip(tr("Stop holding the selected command, or every command when none is selected"));
    m_commands->setAccessibleName(tr("Commands being held"));
    m_commands->setMaximumHeight(m_commands->fontMetrics().height() * 4);
    m_waiting->setAccessibleName(tr("Callbacks waiting for an answer"));
    // A narrow dock elides the command's middle (its tooltip is whole) instead of a sideways scroll.
    m_waiting->setTextElideMode(Qt::ElideMiddle);
    m_waiting->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_reply->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_reply->setAccessibleName(tr("Reply to send"));
    m_reply->setTabChangesFocus(true); // no keyboard trap
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Choose a command and press Hold: its callbacks then wait here for you to answer."));

    auto *pickRow = new QHBoxLayout;
    pickRow->addWidget(m_pick, 1);
    pickRow->addWidget(hold);
    pickRow->addWidget(release);
    auto *answerRow = new QHBoxLayout;
    answerRow->addWidget(m_send);
    answerRow->addWidget(m_rules);
    auto *faultRow = new QHBoxLayout;
    faultRow->addWidget(m_block);
    faultRow->addWidget(m_drop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(pickRow);
    layout->addWidget(m_commands);
    layout->addWidget(m_hint);
    layout->addWidget(m_waiting, 1);
    layout->addWidget(new QLabel(tr("Reply body:"), this));
    layout->addWidget(m_reply, 1);
    layout->addLayout(answerRow);
    layout->addLayout(faultRow);

    connect(hold, &QPushButton::clicked, this, [this] { holdCommand(m_pick->currentData().toString()); });
    connect(release, &QPushButton::clicked, this, [this] {
        // With nothing selected a click once did nothing, and the next callbacks were held and lost.
        const QList<QListWidgetItem *> chosen = m_commands->selectedItems();
        const QStringList commands =
            chosen.isEmpty() ? heldCommands() : QStringList {chosen.first()->data(Qt::UserRole).toString()};
        for (const QString &command : commands)
            stopHolding(command);
    });
    connect(m_waiting, &QListWidget::currentRowChanged, this, [this] {
        showSelected();
        Q_EMIT currentHoldChanged(currentHold());
    });
    connect(m_send, &QPushButton::clicked, this, [this] {
        // OpenIM cannot decode a reply that is not JSON (it fails the call): said before it leaves.
        const ReplySent reply = editedReply();
        QJsonParseError error;
        QJsonDocument::fromJson(reply.body, &error);
        if (error.error != QJsonParseError::NoError
            && QMessageBox::warning(this, tr("Not JSON"),
                   tr("The edited reply is not valid JSON (%1 at character %2): OpenIM cannot decode it and "
                      "fails the call. Send it anyway?")
                       .arg(error.errorString())
                       .arg(error.offset),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                != QMessageBox::Yes)
            return;
        answerSelected(reply);
    });
    connect(m_rules, &QPushButton::clicked, this, [this] { answerSelected(std::nullopt); });
    connect(m_block, &QPushButton::clicked, this, [this] {
        ReplySent r = continueReply();
        r.body = QByteArrayLiteral(
            R"({"actionCode":0,"errCode":5001,"errMsg":"held and blocked","errDlt":"","nextCode":1})");
        answerSelected(r);
    });
    connect(m_drop, &QPushButton::clicked, this, [this] {
        ReplySent r = continueReply();
        r.fault = Fault::Close;
        answerSelected(r);
    });
    connect(m_host, &ServerHost::callbackHeld, this, &HeldWidget::held);
    connect(m_host, &ServerHost::holdEnded, this, &HeldWidget::ended);
    m_tick->setInterval(200);
    connect(m_tick, &QTimer::timeout, this, &HeldWidget::tick);
    // A window that opens while the server holds (a language switch): show what is held and waits.
    for (const QString &command : m_host->heldCommands())
        addCommandItem(command);
    m_hint->setVisible(m_commands->count() == 0);
    for (const ServerHost::WaitingHold &w : m_host->waitingHolds())
        addWaiting(w.id, w.capture, w.timeoutMs - int(w.since.elapsed()));
    showSelected();
}

void HeldWidget::holdCommand(const QString &command)
{
    if (command.isEmpty() || heldCommands().contains(command))
        return;
    addCommandItem(command);
    applyHeldCommands();
}

void HeldWidget::addCommandItem(const QString &command)
{
    auto *item =
        new QListWidgetItem(command == QLatin1String("*") ? tr("every callback") : command, m_commands);
    item->setData(Qt::UserRole, command);
}

void HeldWidget::stopHolding(const QString &command)
{
    for (int i = m_commands->count() - 1; i >= 0; --i) {
        if (m_commands->item(i)->data(Qt::UserRole).toString() == command)
            delete m_commands->takeItem(i);
    }
    applyHeldCommands();
}

QStringList HeldWidget::heldCommands() const
{
    QStringList out;
    for (int i = 0; i < m_commands->count(); ++i)
        out.append(m_commands->item(i)->data(Qt::UserRole).toString());
    return out;
}

void HeldWidget::applyHeldCommands()
{
    m_host->setHeldCommands(heldCommands());
    m_hint->setVisible(m_commands->count() == 0); // the "choose a command" hint, only while none is
    Q_EMIT heldCommandsChanged(heldCommands());
}

void HeldWidget::selectHold(quint64 holdId)
{
    for (int i = 0; i < m_waiting->count(); ++i) {
        if (m_waiting->item(i)->data(Qt::UserRole).toULongLong() == holdId && m_waiting->currentRow() != i)
            m_waiting->setCurrentRow(i);
    }
}

quint64 HeldWidget::currentHold() const
{
    const QListWidgetItem *item = m_waiting->currentItem();
    return item ? item->data(Qt::UserRole).toULongLong() : 0;
}

int HeldWidget::waitingCount() const
{
    return int(m_held.size());
}

void HeldWidget::held(quint64 id, const CapturedRequest &capture, int timeoutMs)
{
    addWaiting(id, capture, timeoutMs);
    Q_EMIT callbackWaiting(capture.command);
}

void HeldWidget::addWaiting(quint64 id, const CapturedRequest &capture, int timeoutMs)
{
    Waiting &w = m_held[id];
    w.capture = capture;
    w.timeoutMs = timeoutMs;
    w.clock.start();
    auto *item = new QListWidgetItem(m_waiting);
    item->setData(Qt::UserRole, id);
    if (m_waiting->currentRow() < 0)
        m_waiting->setCurrentItem(item);
    tick();
    m_tick->start();
}

void HeldWidget::ended(quint64 id)
{
    m_held.remove(id);
    for (int i = 0; i < m_waiting->count(); ++i) {
        if (m_waiting->item(i)->data(Qt::UserRole).toULongLong() == id) {
            delete m_waiting->takeItem(i);
            break;
        }
    }
    if (m_held.isEmpty())
        m_tick->stop();
    showSelected();
}

// The countdown: how long OpenIM still waits for each held callback.
void HeldWidget::tick()
{
    for (int i = 0; i < m_waiting->count(); ++i) {
        QListWidgetItem *item = m_waiting->item(i);
        const auto it = m_held.constFind(item->data(Qt::UserRole).toULongLong());
        if (it == m_held.cend())
            continue;
        const qint64 left = it->timeoutMs - it->clock.elapsed();
        const QString when = left > 0 ? tr("%1 s left").arg(double(left) / 1000.0, 0, 'f', 1)
                                      : tr("OpenIM gave up %1 s ago").arg(double(-left) / 1000.0, 0, 'f', 1);
        // The countdown first: a narrow dock cuts the command name, not the time left.
        item->setText(
            QStringLiteral("%1  \u2014  %2  %3").arg(when, it->capture.operationID, it->capture.command));
        item->setToolTip(item->text());
        item->setForeground(
            left > 0 ? palette().text() : QBrush(ReadableColor::onBase(ReadableColor::errorHue())));
    }
}

void HeldWidget::showSelected()
{
    QListWidgetItem *item = m_waiting->currentItem();
    const auto it = item ? m_held.constFind(item->data(Qt::UserRole).toULongLong()) : m_held.cend();
    const bool any = it != m_held.cend();
    for (QPushButton *b : {m_send, m_rules, m_block, m_drop})
        b->setEnabled(any);
    if (!any) {
        m_reply->clear();
        return;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(it->capture.reply.body);
    m_reply->setPlainText(doc.isNull() ? QString::fromUtf8(it->capture.reply.body)
                                       : QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
}

ReplySent HeldWidget::editedReply() const
{
    ReplySent r = continueReply();
    const QByteArray text = m_reply->toPlainText().toUtf8();
    const QJsonDocument doc = QJsonDocument::fromJson(text);
    // Compact when it is JSON (as OpenIM's peers send it); as typed when it is not (to test that).
    r.body = doc.isNull() ? text : doc.toJson(QJsonDocument::Compact);
    return r;
}

bool HeldWidget::answerSelected(const std::optional<ReplySent> &reply)
{
    QListWidgetItem *item = m_waiting->currentItem();
    if (!item)
        return false;
    return m_host->release(item->data(Qt::UserRole).toULongLong(), reply);
}

} // namespace cbi

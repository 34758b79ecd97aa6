// SPDX-License-Identifier: MIT
#include "replayresultsdialog.h"

#include "widgets/capturedetailview.h"
#include "widgets/jsonhighlighter.h"
#include "widgets/readablecolor.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace cbi {

namespace {
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
} // namespace

ReplayResultsDialog::ReplayResultsDialog(QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_history(new QListWidget(this))
    , m_request(new QPlainTextEdit(this))
    , m_reply(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_verdict(new QLabel(this))
{
    setWindowTitle(tr("Replay results"));
    setModal(false);
    m_summary->setWordWrap(true);
    m_summary->hide();
    m_history->setAccessibleName(tr("Replays of this run, newest first"));
    for (QPlainTextEdit *edit : {m_request, m_reply}) {
        edit->setReadOnly(true);
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setTabChangesFocus(true); // no keyboard trap
        new JsonHighlighter(edit->document());
    }
    m_request->setAccessibleName(tr("Request sent"));
    m_reply->setAccessibleName(tr("Reply"));
    // An error reads as one: the error hue and text, not an information box (gui walk F24).
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setAccessibleName(tr("Error"));
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText,
        ReadableColor::on(ReadableColor::errorHue(), palette().color(QPalette::Window)));
    m_error->setPalette(errorPalette);
    m_error->hide();
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);
    m_verdict->setAccessibleName(tr("What OpenIM would do"));

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    auto *requestLabel = new QLabel(tr("Re&quest sent:"), details);
    requestLabel->setBuddy(m_request);
    auto *replyLabel = new QLabel(tr("Re&ply:"), details);
    replyLabel->setBuddy(m_reply);
    detailsLayout->addWidget(requestLabel);
    detailsLayout->addWidget(m_request, 3);
    detailsLayout->addWidget(replyLabel);
    detailsLayout->addWidget(m_error);
    detailsLayout->addWidget(m_reply, 2);
    detailsLayout->addWidget(m_verdict);
    auto *historyBox = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    auto *historyLabel = new QLabel(tr("&History:"), historyBox);
    historyLabel->setBuddy(m_history);
    historyLayout->addWidget(historyLabel);
    historyLayout->addWidget(m_history);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(historyBox);
    splitter->addWidget(details);
    splitter->setStretchFactor(1, 3);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    connect(m_history, &QListWidget::currentRowChanged, this, &ReplayResultsDialog::showEntry);
    resize(900, 620);
}

void ReplayResultsDialog::addEntry(const Entry &entry)
{
    m_entries.prepend(entry);
    const QJsonObject &r = entry.result;
    const QString outcome =
        r.value(QLatin1String("verdict")).toObject().value(QLatin1String("outcome")).toString();
    QString line = r.contains(QLatin1String("error"))
        ? tr("#%1 error: %2").arg(entry.captureId).arg(str(r, "error"))
        : tr("#%1 HTTP %2, %3")
              .arg(entry.captureId)
              .arg(r.value(QLatin1String("reply")).toObject().value(QLatin1String("status")).toInt())
              .arg(outcome);
    line = entry.at.toString(QStringLiteral("HH:mm:ss  ")) + line;
    auto *item = new QListWidgetItem(line);
    item->setToolTip(str(r, "url"));
    if (r.contains(QLatin1String("error"))) {
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
        item->setForeground(ReadableColor::onBase(ReadableColor::errorHue()));
    }
    m_history->insertItem(0, item);
    m_history->setCurrentRow(0);
    showEntry(0); // also when row 0 was current already
}

void ReplayResultsDialog::setSummary(const QString &text)
{
    m_summary->setText(text);
    m_summary->setVisible(!text.isEmpty());
}

void ReplayResultsDialog::showEntry(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    const Entry &e = m_entries.at(row);
    const QJsonObject &r = e.result;
    // The request as the business server got it: the request line, OpenIM's header, the body pretty.
    QString request =
        QStringLiteral("POST %1\nOperationid: %2\n\n").arg(str(r, "url"), str(r, "operationID"));
    request += CaptureDetailView::prettyBody(e.body);
    m_request->setPlainText(request);
    const QString elapsed = tr("%1 ms").arg(r.value(QLatin1String("elapsedMs")).toInteger());
    if (r.contains(QLatin1String("error"))) {
        m_error->setText(tr("Error after %1: %2").arg(elapsed, str(r, "error")));
        m_error->show();
    } else {
        m_error->clear();
        m_error->hide();
    }
    const QJsonObject reply = r.value(QLatin1String("reply")).toObject();
    if (reply.isEmpty()) {
        m_reply->setPlainText(tr("(no reply)"));
    } else {
        QString text =
            QStringLiteral("HTTP %1 (%2)\n").arg(reply.value(QLatin1String("status")).toInt()).arg(elapsed);
        for (const auto &h : reply.value(QLatin1String("headers")).toArray())
            text += QStringLiteral("%1: %2\n").arg(str(h.toObject(), "name"), str(h.toObject(), "value"));
        text += QLatin1Char('\n') + CaptureDetailView::prettyBody(str(reply, "body").toUtf8());
        m_reply->setPlainText(text);
    }
    const QJsonObject verdict = r.value(QLatin1String("verdict")).toObject();
    QString html = tr("<b>OpenIM would:</b> %1").arg(str(verdict, "reason").toHtmlEscaped());
    for (const auto &w : verdict.value(QLatin1String("warnings")).toArray())
        html += QStringLiteral("<br>\u26a0 %1").arg(str(w.toObject(), "message").toHtmlEscaped());
    if (e.edited)
        html +=
            QStringLiteral("<br><i>%1</i>").arg(tr("The body was edited before sending.").toHtmlEscaped());
    m_verdict->setText(html);
}

} // namespace cbi

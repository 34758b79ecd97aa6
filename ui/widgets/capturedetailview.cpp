// SPDX-License-Identifier: MIT
#include "capturedetailview.h"

#include "capture/capturefilter.h"
#include "export/curlcommand.h"
#include "export/secretmask.h"
#include "jsonhighlighter.h"
#include "models/capturetablemodel.h"
#include "orderedjson.h"
#include "readablecolor.h"
#include "rulesentence.h"
#include "verdict/rewriteeffect.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDeadlineTimer>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cbi {

namespace {
QPlainTextEdit *codeView(QWidget *parent, const QString &accessibleName)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setTabChangesFocus(true); // no keyboard trap
    edit->setAccessibleName(accessibleName);
    return edit;
}

QString rawHeaders(const HeaderList &headers)
{
    QString out;
    for (const auto &h : headers)
        out += QString::fromLatin1(h.first) + QStringLiteral(": ") + QString::fromUtf8(h.second)
            + QLatin1Char('\n');
    return out;
}
} // namespace

CaptureDetailView::CaptureDetailView(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_summary(new QLabel(this))
    , m_headers(new QTableWidget(this))
    , m_body(codeView(this, tr("Request body")))
    , m_tree(new QTreeWidget(this))
    , m_raw(codeView(this, tr("Raw request")))
    , m_reply(codeView(this, tr("Reply sent")))
    , m_verdict(new QTextBrowser(this))
    , m_paused(new QLabel(this))
    , m_pausedTick(new QTimer(this))
{
    // A held capture: OpenIM's countdown above the tabs (the reply is written in the Held panel).
    m_paused->setWordWrap(true);
    m_paused->setVisible(false);
    m_paused->setAutoFillBackground(true);
    m_paused->setContentsMargins(6, 3, 6, 3);
    m_paused->setAccessibleName(tr("Held callback"));
    m_pausedTick->setInterval(200);
    connect(m_pausedTick, &QTimer::timeout, this, &CaptureDetailView::tickPaused);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headers->setColumnCount(2);
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headers->setWordWrap(false);
    m_headers->verticalHeader()->setDefaultSectionSize(m_headers->fontMetrics().height() + 6);
    m_headers->setAccessibleName(tr("Request headers"));
    // Names in full (Content-Length, Accept-Encoding), never elided.
    m_headers->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    new JsonHighlighter(m_body->document());
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Field"), tr("Value")});
    m_tree->setAccessibleName(tr("Request body as a tree"));
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        // The mouse's item, or the current one (the Menu key).
        if (QTreeWidgetItem *item = m_tree->itemAt(pos) ? m_tree->itemAt(pos) : m_tree->currentItem()) {
            QMenu *menu = bodyTreeMenu(item);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(m_tree->viewport()->mapToGlobal(m_tree->visualItemRect(item).center()));
        }
    });
    m_verdict->setAccessibleName(tr("What OpenIM will do"));

    auto *requestPage = new QWidget(this);
    auto *requestLayout = new QVBoxLayout(requestPage);
    requestLayout->setContentsMargins(4, 4, 4, 4);
    auto *split = new QSplitter(Qt::Horizontal, requestPage);
    split->addWidget(m_headers);
    split->addWidget(m_body);
    split->setStretchFactor(1, 2);
    requestLayout->addWidget(m_summary);
    requestLayout->addWidget(split, 1);

    m_tabs->setAccessibleName(tr("Capture detail"));
    m_tabs->tabBar()->setAccessibleName(tr("Capture detail")); // what Tab lands on
    m_tabs->addTab(requestPage, tr("Request"));
    m_tabs->addTab(m_tree, tr("Body tree"));
    auto *rawPage = new QWidget(this);
    auto *rawLayout = new QVBoxLayout(rawPage);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    auto *wrap = new QCheckBox(tr("&Wrap lines"), rawPage);
    wrap->setObjectName(QStringLiteral("rawWrap"));
    connect(wrap, &QCheckBox::toggled, this, [this](bool on) {
        m_raw->setLineWrapMode(on ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    });
    rawLayout->addWidget(m_raw, 1);
    rawLayout->addWidget(wrap);
    m_tabs->addTab(rawPage, tr("Raw"));
    m_tabs->addTab(m_reply, tr("Reply"));
    m_tabs->addTab(m_verdict, tr("Verdict"));

    auto *copyBody = new QPushButton(tr("Copy body"), this);
    auto *copyCurl = new QPushButton(tr("Copy as cURL"), this);
    copyBody->setToolTip(tr("Copy the request body to the clipboard"));
    copyCurl->setToolTip(tr("Copy a curl command that sends this request again"));
    connect(copyBody, &QPushButton::clicked, this, &CaptureDetailView::copyBody);
    connect(copyCurl, &QPushButton::clicked, this, &CaptureDetailView::copyCurl);
    m_tabs->setCornerWidget([&] {
        auto *corner = new QWidget(this);
        auto *row = new QHBoxLayout(corner);
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(copyBody);
        row->addWidget(copyCurl);
        return corner;
    }());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_paused);
    layout->addWidget(m_tabs);
    clear();
}

void CaptureDetailView::copyBody()
{
    if (!m_hasCapture)
        return;
    QApplication::clipboard()->setText(QString::fromUtf8(m_capture.body));
    Q_EMIT copied(tr("Copied the body of capture #%1 (%n byte(s))", nullptr, int(m_capture.body.size()))
                      .arg(m_capture.id));
}

void CaptureDetailView::copyCurl()
{
    if (!m_hasCapture)
        return;
    QApplication::clipboard()->setText(curlCommand());
    Q_EMIT copied(tr("Copied a cURL command that sends capture #%1 again").arg(m_capture.id));
}

QMenu *CaptureDetailView::bodyTreeMenu(QTreeWidgetItem *item)
{
    auto *menu = new QMenu(m_tree);
    // A rule on this field ("content.content equals ..."): for values, not objects or arrays.
    if (const QString conditionPath = fieldPath(item); !conditionPath.isEmpty()) {
        const QJsonValue json = item->data(1, Qt::UserRole).toJsonValue();
        menu->addAction(tr("Make &Condition from This Field..."), this,
            [this, conditionPath, json] { Q_EMIT makeConditionRequested(conditionPath, json); });
        menu->addSeparator();
    }
    const QString value = item->text(1);
    const QString path = pathOf(item);
    const bool leaf = item->childCount() == 0 || item->child(0)->text(0) == tr("(decoded)");
    menu->addAction(tr("Copy &Value"), this, [value] { QApplication::clipboard()->setText(value); })
        ->setEnabled(leaf);
    menu->addAction(tr("Copy &Path"), this, [path] { QApplication::clipboard()->setText(path); });
    // A filter field by this name (sendID:alice), else the value as a word, quoted when it has spaces.
    const QString key = item->text(0);
    const QString word =
        value.contains(QLatin1Char(' ')) ? QLatin1Char('"') + value + QLatin1Char('"') : value;
    const QString expression =
        CaptureFilter::fieldNames().contains(key) && !item->parent() ? key + QLatin1Char(':') + word : word;
    menu->addAction(
            tr("&Filter on This Value"), this, [this, expression] { Q_EMIT filterRequested(expression); })
        ->setEnabled(leaf && !value.isEmpty());
    return menu;
}

QString CaptureDetailView::pathOf(const QTreeWidgetItem *item)
{
    QString path;
    for (; item; item = item->parent()) {
        const QString key = item->text(0);
        if (key == tr("(decoded)"))
            continue; // JsonPath enters JSON text by itself: content.content
        if (key.startsWith(QLatin1Char('[')))
            path.prepend(key);
        else
            path.prepend(path.isEmpty() || path.startsWith(QLatin1Char('[')) ? key : key + QLatin1Char('.'));
    }
    return path;
}

void CaptureDetailView::showPaused(qint64 deadlineMs)
{
    m_pausedDeadline = deadlineMs;
    QPalette p = m_paused->palette();
    p.setColor(QPalette::Window, p.color(QPalette::ToolTipBase));
    p.setColor(QPalette::WindowText, p.color(QPalette::ToolTipText));
    m_paused->setPalette(p);
    m_paused->setVisible(true);
    tickPaused();
    m_pausedTick->start();
}

bool CaptureDetailView::isShowingPaused() const
{
    return m_pausedTick->isActive();
}

QString CaptureDetailView::pausedText() const
{
    return isShowingPaused() ? m_paused->text() : QString();
}

void CaptureDetailView::tickPaused()
{
    const qint64 left = m_pausedDeadline - QDeadlineTimer::current().deadline();
    m_paused->setText(left > 0
            ? tr("Held: OpenIM waits %1 s more for your answer in the Held panel; this is its request.")
                  .arg(double(left) / 1000.0, 0, 'f', 1)
            : tr("Held: OpenIM gave up waiting %1 s ago; the rules' reply leaves when the hold ends.")
                  .arg(double(-left) / 1000.0, 0, 'f', 1));
}

QString CaptureDetailView::verdictText() const
{
    return m_verdict->toPlainText();
}

QString CaptureDetailView::prettyBody(const QByteArray &body)
{
    return OrderedJson::indented(body);
}

void CaptureDetailView::fillTree(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value)
{
    auto *item = new QTreeWidgetItem(parent, {key});
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        item->setText(1, tr("{%n field(s)}", nullptr, int(o.size())));
        for (auto it = o.begin(); it != o.end(); ++it)
            fillTree(item, it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        item->setText(1, tr("[%n item(s)]", nullptr, int(a.size())));
        for (int i = 0; i < a.size(); ++i)
            fillTree(item, QStringLiteral("[%1]").arg(i), a.at(i));
    } else if (value.isString()) {
        item->setData(1, Qt::UserRole, value); // the typed value, for "make condition"
        item->setText(1, value.toString());
        // OpenIM nests JSON in strings (message content): show it decoded underneath.
        const QJsonDocument inner = QJsonDocument::fromJson(value.toString().toUtf8());
        if (inner.isObject())
            fillTree(item, tr("(decoded)"), inner.object());
        else if (inner.isArray())
            fillTree(item, tr("(decoded)"), inner.array());
    } else if (value.isNull()) {
        item->setData(1, Qt::UserRole, QVariant::fromValue(QJsonValue(QJsonValue::Null)));
        item->setText(1, QStringLiteral("null"));
    } else if (value.isBool()) {
        item->setData(1, Qt::UserRole, value);
        item->setText(1, value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    } else {
        item->setData(1, Qt::UserRole, value);
        item->setText(1, QString::number(value.toDouble(), 'g', 17));
    }
}

QString CaptureDetailView::fieldPath(const QTreeWidgetItem *item)
{
    if (!item || !item->data(1, Qt::UserRole).isValid())
        return {};
    QStringList parts;
    for (const QTreeWidgetItem *i = item; i; i = i->parent()) {
        if (i->text(0) == tr("(decoded)"))
            continue; // rule paths enter JSON text by themselves: content.content
        if (!i->parent() && (i->text(0) == tr("?key (decoded)") || i->text(0) == tr("(body)")))
            return {}; // the ?key= data and a top-level array are not body paths
        parts.prepend(i->text(0));
    }
    QString path;
    for (const QString &p : std::as_const(parts))
        path += (path.isEmpty() || p.startsWith(QLatin1Char('[')) ? QString() : QStringLiteral(".")) + p;
    return path;
}

void CaptureDetailView::clear()
{
    m_hasCapture = false;
    m_paused->setVisible(false);
    m_pausedTick->stop();
    m_summary->setText(tr("Select a capture to see it here."));
    m_headers->setRowCount(0);
    m_body->clear();
    m_tree->clear();
    m_raw->clear();
    m_reply->clear();
    m_verdict->clear();
}

QString CaptureDetailView::curlCommand() const
{
    // Copied text ends up in chats and tickets: the admin secret stays masked, as in exports.
    return CurlCommand::forCapture(SecretMask::masked(m_capture),
        m_replayBase.isEmpty() ? QStringLiteral("http://127.0.0.1:10006") : m_replayBase, m_replayCa);
}

QString CaptureDetailView::verdictHtml(const CapturedRequest &c) const
{
    const Verdict &v = c.verdict;
    QString html =
        QStringLiteral("<h3 style='color:%1'>%2</h3><p>%3</p>")
            .arg(CaptureTableModel::verdictColor(v.outcome).name(),
                CaptureTableModel::verdictText(v).toHtmlEscaped(), v.reason.text().toHtmlEscaped());
    // Before -> after of each rewritten field, as OpenIM applies it (gui walk F17).
    if (const QList<RewriteEffect::Field> rewrites = RewriteEffect::of(c); !rewrites.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Rewritten:"));
        for (const auto &field : rewrites)
            html += QStringLiteral("<li>%1</li>").arg(RuleSentence::rewrite(field, 200).toHtmlEscaped());
        html += QStringLiteral("</ul>");
    } else if (!v.modifiedFields.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("Rewritten:"), v.modifiedFields.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    if (!v.ignoredFields.isEmpty())
        html +=
            QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(tr("Ignored by OpenIM:"), v.ignoredFields.join(QStringLiteral(", ")).toHtmlEscaped());
    QStringList notes;
    for (const auto &w : v.warnings)
        notes.append(w.text());
    for (const auto &w : c.warnings)
        notes.append(w.text());
    if (!notes.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Warnings"));
        for (const auto &n : std::as_const(notes))
            html += QStringLiteral("<li>%1</li>").arg(n.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<p><b>%1</b></p>").arg(answeredBy(c).toHtmlEscaped());
    // Held, then the rules' reply left: which rule's (or the default) reply it was.
    if (c.hold.end == HoldRecord::End::RulesReply || c.hold.end == HoldRecord::End::Expired)
        html += QStringLiteral("<p>%1</p>").arg(answeredByRule(c).toHtmlEscaped());
    // Which of the rule's conditions matched which text: why this rule answered (a person's reply
    // was not the rule's).
    if (!c.matched.isEmpty() && c.hold.end != HoldRecord::End::ByHand) {
        html += QStringLiteral("<ul>");
        for (const auto &m : c.matched)
            html += QStringLiteral("<li>%1</li>").arg(RuleSentence::matched(m).toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    // Which rule nearly answered matters only when no person did (gui walk F32).
    if (!c.nearMiss.code.isEmpty() && c.hold.end == HoldRecord::End::None)
        html += QStringLiteral("<p>%1</p>").arg(c.nearMiss.text().toHtmlEscaped());
    return html;
}

QString CaptureDetailView::answeredBy(const CapturedRequest &c)
{
    const QString seconds = QString::number(double(c.hold.timeoutMs) / 1000.0, 'g', 3);
    switch (c.hold.end) {
    case HoldRecord::End::ByHand:
        return tr("Answered by hand (%1) after %2 ms")
            .arg(CaptureTableModel::verdictText(c.verdict).remove(QLatin1Char('(')).remove(QLatin1Char(')')))
            .arg(c.reply.delayMs);
    case HoldRecord::End::Expired:
        return tr(
            "Held, not answered within OpenIM's %1 s: OpenIM gave up; the rules' reply left after %2 ms")
            .arg(seconds)
            .arg(c.reply.delayMs);
    case HoldRecord::End::RulesReply:
        return tr("Held, then answered with the rules' reply after %1 ms").arg(c.reply.delayMs);
    case HoldRecord::End::None:
        break;
    }
    return answeredByRule(c);
}

QString CaptureDetailView::answeredByRule(const CapturedRequest &c)
{
    return c.ruleName.isEmpty() ? tr("Answered by the default reply (no rule matched)")
                                : tr("Answered by rule \"%1\"").arg(c.ruleName);
}

void CaptureDetailView::setCapture(const CapturedRequest &c)
{
    m_capture = c;
    m_hasCapture = true;
    m_paused->setVisible(false);
    m_pausedTick->stop();
    QStringList summary;
    summary << QStringLiteral("<b>%1 %2%3</b> %4")
                   .arg(QString::fromLatin1(c.method).toHtmlEscaped(), c.path.toHtmlEscaped(),
                       c.query.isEmpty() ? QString() : QString(QLatin1Char('?') + c.query).toHtmlEscaped(),
                       QString::fromLatin1(c.httpVersion).toHtmlEscaped());
    summary << tr("Command: %1 (URL style: %2)")
                   .arg(c.command.isEmpty() ? tr("none") : c.command, urlStyleName(c.urlStyle))
                   .toHtmlEscaped();
    summary << tr("operationID: %1 · from %2:%3 · %4")
                   .arg(c.operationID, c.peerAddress)
                   .arg(c.peerPort)
                   .arg(c.receivedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")))
                   .toHtmlEscaped();
    if (!c.keyData.isEmpty())
        summary << tr("key (decoded): %1")
                       .arg(QString::fromUtf8(QJsonDocument(c.keyData).toJson(QJsonDocument::Compact)))
                       .toHtmlEscaped();
    QStringList notes;
    for (const auto &w : c.warnings)
        notes << w.text();
    // Qt lays out a line of megabytes for seconds: a large body is shown with its long values cut.
    constexpr qsizetype wholeUpTo = 256 * 1024;
    const QByteArray shown = c.body.size() > wholeUpTo ? CapturedRequest::abridgedBody(c.body) : c.body;
    if (shown.size() != c.body.size())
        notes << tr("This body has %n byte(s): long values are cut here; Copy body copies it whole.", nullptr,
            int(qMin<qsizetype>(c.body.size(), INT_MAX)));
    if (c.isBodySpilled()) // CaptureStore::withBody could not read it back
        notes << tr(
            "Only the start of the body is shown: the whole body (%n byte(s)) is in the session file, "
            "which cannot be read now.",
            nullptr, int(qMin<qint64>(c.spilledBodySize, INT_MAX)));
    for (const QString &note : std::as_const(notes))
        summary << QStringLiteral("<span style='color:%1'>%2</span>")
                       .arg(ReadableColor::on(ReadableColor::errorHue(), palette().color(QPalette::Window))
                                .name(),
                           note.toHtmlEscaped());
    m_summary->setText(summary.join(QStringLiteral("<br>")));

    m_headers->setRowCount(int(c.headers.size()));
    for (int i = 0; i < c.headers.size(); ++i) {
        m_headers->setItem(i, 0, new QTableWidgetItem(QString::fromLatin1(c.headers.at(i).first)));
        m_headers->setItem(i, 1, new QTableWidgetItem(QString::fromUtf8(c.headers.at(i).second)));
    }
    m_body->setPlainText(OrderedJson::indented(shown, tr("decoded:")));

    m_tree->clear();
    const QJsonDocument doc = QJsonDocument::fromJson(shown);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it)
            fillTree(m_tree->invisibleRootItem(), it.key(), it.value());
    } else if (doc.isArray()) {
        fillTree(m_tree->invisibleRootItem(), tr("(body)"), doc.array());
    }
    if (!c.keyData.isEmpty())
        fillTree(m_tree->invisibleRootItem(), tr("?key (decoded)"), c.keyData);
    m_tree->expandToDepth(1);
    m_tree->resizeColumnToContents(0);

    QString raw = QString::fromLatin1(c.method) + QLatin1Char(' ') + c.path
        + (c.query.isEmpty() ? QString() : QLatin1Char('?') + c.query) + QLatin1Char(' ')
        + QString::fromLatin1(c.httpVersion) + QLatin1Char('\n') + rawHeaders(c.headers) + QLatin1Char('\n')
        + QString::fromUtf8(shown);
    m_raw->setPlainText(raw);

    m_reply->setPlainText(replyText(c));
    m_verdict->setHtml(verdictHtml(c));
}

QString CaptureDetailView::replyText(const CapturedRequest &c) const
{
    QString reply;
    if (c.reply.fault == Fault::Close || c.reply.fault == Fault::Reset || c.reply.fault == Fault::Hang) {
        reply = tr("No reply: fault \"%1\"").arg(faultName(c.reply.fault)) + QLatin1Char('\n');
    } else {
        reply = QStringLiteral("HTTP %1\n").arg(c.reply.status) + rawHeaders(c.reply.headers)
            + QLatin1Char('\n') + prettyBody(c.reply.body) + QLatin1Char('\n');
        if (c.reply.fault != Fault::None)
            reply += tr("Fault: %1").arg(faultName(c.reply.fault)) + QLatin1Char('\n');
    }
    // Timing: when it came, how long OpenIM waited for the reply (a rule's delay or a hold).
    const QString format = QStringLiteral("HH:mm:ss.zzz");
    reply += tr("Received %1; reply sent after %2 ms, at %3")
                 .arg(c.receivedAt.toLocalTime().toString(format))
                 .arg(c.reply.delayMs)
                 .arg(c.receivedAt.addMSecs(c.reply.delayMs).toLocalTime().toString(format))
        + QLatin1Char('\n');
    if (c.hold.end != HoldRecord::End::None)
        reply += tr("Held %1 ms of OpenIM's %2 ms timeout").arg(c.reply.delayMs).arg(c.hold.timeoutMs)
            + QLatin1Char('\n');
    reply += answeredBy(c);
    if (!c.forward.url.isEmpty()) {
        const Forwarded &f = c.forward;
        reply += QStringLiteral("\n\n")
            + (f.overridden ? tr("Forwarded to %1 (its reply was recorded; the rule's reply went to OpenIM), "
                                 "answered in %2 ms:")
                            : tr("Forwarded to %1, which answered in %2 ms (sent on to OpenIM):"))
                  .arg(f.url)
                  .arg(f.elapsedMs)
            + QLatin1Char('\n');
        if (f.status > 0)
            reply += QStringLiteral("HTTP %1\n").arg(f.status) + rawHeaders(f.headers) + QLatin1Char('\n')
                + prettyBody(f.body) + QLatin1Char('\n');
        else
            reply += tr("No reply: %1").arg(f.error) + QLatin1Char('\n');
    }
    return reply;
}

} // namespace cbi

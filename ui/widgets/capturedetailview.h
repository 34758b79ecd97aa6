// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QWidget>

class QLabel;
class QMenu;
class QPlainTextEdit;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace cbi {

// Everything about one capture: request headers and body (pretty, as a tree, raw), the reply
// sent, and the verdict with its reasons; copy the body or a cURL command that replays it.
class CaptureDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit CaptureDetailView(QWidget *parent = nullptr);

    void setCapture(const CapturedRequest &capture);
    void clear();
    // Where "Copy as cURL" sends the request: http://HOST:PORT of the inspector by default.
    // caCertPath: for an https base, the certificate curl is told to trust.
    void setReplayBase(const QString &baseUrl, const QString &caCertPath = {})
    {
        m_replayBase = baseUrl;
        m_replayCa = caCertPath;
    }
    QString curlCommand() const;
    // The Copy buttons (and the window's actions): copy, then say what was copied (gui walk F29).
    void copyBody();
    void copyCurl();
    QTabWidget *tabs() const { return m_tabs; }

    QTreeWidget *tree() const { return m_tree; }

    static QString prettyBody(const QByteArray &body);
    static void fillTree(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value);
    // The rule-condition path of a Body tree field ("content.content", "memberList[1].userID"),
    // empty for the decoded ?key= fields and for objects and arrays.
    static QString fieldPath(const QTreeWidgetItem *item);

Q_SIGNALS:
    // Body tree, "Make Condition from This Field": a rule on path equal to value.
    void makeConditionRequested(const QString &path, const QJsonValue &value);

Q_SIGNALS:
    void copied(const QString &message);

public:
    // The body path of a Body tree item ("content.content", "userIDList[0]"), as rules write it.
    static QString pathOf(const QTreeWidgetItem *item);

    // The capture shown is held: OpenIM gives up at deadlineMs (QDeadlineTimer's clock), counted down
    // above the tabs until another capture is shown.
    void showPaused(qint64 deadlineMs);
    bool isShowingPaused() const;
    QString pausedText() const;
    // "Answered by hand (block 5001) after 1751 ms", or the rule, or the default reply.
    static QString answeredBy(const CapturedRequest &c);
    static QString answeredByRule(const CapturedRequest &c); // the rule, or the default reply
    QTreeWidget *bodyTree() const { return m_tree; }
    QPlainTextEdit *requestBodyView() const { return m_body; }
    QPlainTextEdit *rawView() const { return m_raw; }
    QPlainTextEdit *replyView() const { return m_reply; }
    QTableWidget *headerTable() const { return m_headers; }
    QString verdictText() const;
    // The Body tree's context menu for item (one place: others add their actions to it).
    QMenu *bodyTreeMenu(QTreeWidgetItem *item);

Q_SIGNALS:
    // "Filter on this value" from the Body tree: the expression for the capture filter.
    void filterRequested(const QString &expression);

private:
    QString verdictHtml(const CapturedRequest &c) const;
    QString replyText(const CapturedRequest &c) const;
    void tickPaused();

    CapturedRequest m_capture;
    bool m_hasCapture = false;
    QString m_replayBase;
    QString m_replayCa;
    QTabWidget *m_tabs;
    QLabel *m_summary;
    QTableWidget *m_headers;
    QPlainTextEdit *m_body;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_raw;
    QPlainTextEdit *m_reply;
    QTextBrowser *m_verdict;
    QLabel *m_paused;
    QTimer *m_pausedTick;
    qint64 m_pausedDeadline = 0;
};

} // namespace cbi

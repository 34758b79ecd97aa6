// SPDX-License-Identifier: MIT
// Hold and answer by hand as the window shows it (gui walk F15, F32): the checkable Hold action,
// the banner, a paused row at once that the answered capture replaces, the request and OpenIM's
// countdown in the detail, and verdict texts that say what the person did; and verdict texts in the
// window's language, for captures read back from the session file too (F18).
#include "capture/capturestore.h"
#include "holdflow.h"
#include "inspector/inspector.h"
#include "mainwindow.h"
#include "models/capturefilterproxy.h"
#include "models/capturetablemodel.h"
#include "rules/scenario.h"
#include "server/serverhost.h"
#include "testhttp.h"
#include "widgets/capturedetailview.h"
#include "widgets/heldwidget.h"
#include "widgets/ruleswidget.h"

#include <QAction>
#include <QDockWidget>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {
const QByteArray single = "callbackBeforeSendSingleMsgCommand";

ServerConfig anyPort()
{
    ServerConfig config;
    config.port = 0;
    return config;
}

QString verdictCell(MainWindow &window, int row)
{
    return window.model()->index(row, CaptureTableModel::VerdictColumn).data().toString();
}

QDockWidget *dockOf(QWidget *panel)
{
    for (QWidget *w = panel; w; w = w->parentWidget()) {
        if (auto *dock = qobject_cast<QDockWidget *>(w))
            return dock;
    }
    return nullptr;
}
} // namespace

class TestHoldFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"cbi-tests"_s);
        QCoreApplication::setApplicationName(u"tst_holdflow"_s);
    }

    // Ctrl+H on a row: a check mark, the Held panel in front, the banner and the status bar say so.
    void holdActionSaysWhatItDoes()
    {
        Inspector inspector;
        inspector.store()->setFlushIntervalMs(5);
        MainWindow window(&inspector);
        QVERIFY(window.startServer(anyPort()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTcpSocket openim;
        openim.connectToHost(QHostAddress::LocalHost, inspector.host()->config().port);
        QVERIFY(openim.waitForConnected(2000));
        openim.write(testhttp::callbackRequest(single, testhttp::aliceToBob, "op-1"));
        QTRY_COMPARE(window.model()->rowCount(), 1);
        window.view()->selectRow(0);

        QAction *hold = window.holdFlow()->action();
        QVERIFY(hold->isCheckable());
        QVERIFY(!hold->isChecked());
        QVERIFY(window.holdFlow()->banner()->isHidden());
        hold->trigger();
        QVERIFY(hold->isChecked());
        QCOMPARE(inspector.host()->heldCommands(), QStringList {QString::fromLatin1(single)});
        QVERIFY(dockOf(window.held())->isVisible());
        QVERIFY(!window.held()->visibleRegion().isEmpty()); // raised over Rules and Statistics
        QVERIFY(window.statusBar()->currentMessage().contains(u"Holding"_s));
        QVERIFY(!window.holdFlow()->banner()->isHidden());
        QVERIFY(window.holdFlow()->bannerText().contains(QString::fromLatin1(single)));
        // The banner's Stop ends it.
        QToolButton *stop = window.holdFlow()->banner()->findChild<QToolButton *>();
        QVERIFY(stop);
        stop->click();
        QVERIFY(inspector.host()->heldCommands().isEmpty());
        QVERIFY(!hold->isChecked());
        QVERIFY(window.holdFlow()->banner()->isHidden());
        QVERIFY(!window.statusBar()->currentMessage().contains(u"after-callback"_s));

        // An after-callback can be held, but OpenIM ignores its reply: the status bar says so.
        openim.write(
            testhttp::callbackRequest("callbackAfterSendSingleMsgCommand", testhttp::aliceToBob, "op-2"));
        QTRY_COMPARE(window.model()->rowCount(), 2);
        window.view()->selectRow(1);
        hold->trigger();
        QVERIFY(hold->isChecked());
        QVERIFY2(window.statusBar()->currentMessage().contains(u"does not read its reply"_s),
            qPrintable(window.statusBar()->currentMessage()));
        hold->trigger();
        // The panel's Stop Holding with no command selected stops them all (it once did nothing,
        // and the next callbacks were held until OpenIM gave up).
        window.held()->holdCommand(QString::fromLatin1(single));
        window.held()->holdCommand(u"callbackBeforeSendGroupMsgCommand"_s);
        QCOMPARE(inspector.host()->heldCommands().size(), 2);
        auto *stopAll = window.held()->findChild<QPushButton *>(u"stopHolding"_s);
        QVERIFY(stopAll);
        stopAll->click();
        QVERIFY(inspector.host()->heldCommands().isEmpty());
        QVERIFY(!hold->isChecked());
        // The Held panel's command picker does not make the dock as wide as the longest command name.
        QVERIFY2(window.held()->minimumSizeHint().width() < 420,
            qPrintable(QString::number(window.held()->minimumSizeHint().width())));
        window.rules()->setModified(false);
    }

    // The held callback is a paused row before it is answered; selecting it shows its request and
    // the countdown, and the Held panel's entry; the answer replaces the row in place.
    void pausedRowThenAnsweredByHand()
    {
        Inspector inspector;
        inspector.store()->setFlushIntervalMs(5);
        MainWindow window(&inspector);
        QVERIFY(window.startServer(anyPort()));
        // A rule that misses: its near miss must not show once a person answered.
        Scenario scenario;
        Rule rule;
        rule.name = u"casino"_s;
        rule.command = QString::fromLatin1(single);
        Condition condition;
        condition.name = u"content.content"_s;
        condition.op = Condition::Op::Contains;
        condition.value = u"casino"_s;
        rule.conditions = {condition};
        ResponseSpec block;
        block.preset = ResponseSpec::Preset::Block;
        rule.responses = {block};
        scenario.rules = {rule};
        window.rules()->setScenario(scenario, {});
        window.show();
        window.held()->holdCommand(QString::fromLatin1(single));
        QTcpSocket openim;
        openim.connectToHost(QHostAddress::LocalHost, inspector.host()->config().port);
        QVERIFY(openim.waitForConnected(2000));
        openim.write(testhttp::callbackRequest(single, testhttp::aliceToBob, "op-held"));
        QTRY_COMPARE(window.model()->rowCount(), 1);
        QCOMPARE(openim.bytesAvailable(), 0); // not answered yet: the row is there before the answer
        const QModelIndex paused = window.model()->index(0, 0);
        QVERIFY(paused.data(CaptureTableModel::HoldIdRole).toULongLong() != 0);
        QVERIFY2(verdictCell(window, 0).startsWith(u"paused, "_s), qPrintable(verdictCell(window, 0)));
        QVERIFY(verdictCell(window, 0).contains(u" s left"_s));

        window.held()->waitingList()->setCurrentRow(-1);
        window.view()->selectRow(0);
        QCOMPARE(window.held()->currentHold(), paused.data(CaptureTableModel::HoldIdRole).toULongLong());
        QVERIFY(window.detail()->pausedText().contains(u"OpenIM waits"_s));
        QVERIFY(window.detail()->requestBodyView()->toPlainText().contains(u"\"sendID\""_s));
        QVERIFY(!window.held()->visibleRegion().isEmpty()); // the reply editor beside the request

        window.held()->replyEditor()->setPlainText(
            u"{\"actionCode\":0,\"errCode\":5001,\"errMsg\":\"no\",\"errDlt\":\"\",\"nextCode\":1}"_s);
        QPushButton *send = nullptr;
        for (QPushButton *b : window.held()->findChildren<QPushButton *>())
            send = b->text() == u"Send &Edited"_s ? b : send;
        QVERIFY(send);
        QTest::qWait(150);
        send->click();
        QTRY_VERIFY(window.model()->captureAt(0)->id != 0); // replaced in place
        QCOMPARE(window.model()->rowCount(), 1);
        QCOMPARE(window.model()->index(0, 0).data(CaptureTableModel::HoldIdRole).toULongLong(), 0u);
        const CapturedRequest *c = window.model()->captureAt(0);
        QCOMPARE(c->hold.end, HoldRecord::End::ByHand);
        QCOMPARE(verdictCell(window, 0), u"block (5001)"_s);
        QCOMPARE(window.model()->index(0, CaptureTableModel::RuleColumn).data().toString(),
            u"(answered by hand)"_s);
        // The selected row's detail follows: the verdict says who answered, no near miss.
        QTRY_VERIFY(!window.detail()->isShowingPaused());
        const QString verdict = window.detail()->verdictText();
        QVERIFY2(verdict.contains(u"Answered by hand (block 5001) after %1 ms"_s.arg(c->reply.delayMs)),
            qPrintable(verdict));
        QVERIFY2(!verdict.contains(u"Closest rule"_s), qPrintable(verdict));
        QVERIFY(window.detail()->replyView()->toPlainText().contains(u"reply sent after"_s));
        window.rules()->setModified(false);
    }

    // Released with the rules' reply in time: the verdict says it was held, which rule answered and
    // which condition matched which text.
    void heldThenSentTheRulesReply()
    {
        Inspector inspector;
        inspector.store()->setFlushIntervalMs(5);
        MainWindow window(&inspector);
        QVERIFY(window.startServer(anyPort()));
        Scenario scenario;
        Rule rule;
        rule.name = u"bob"_s;
        rule.command = QString::fromLatin1(single);
        Condition condition;
        condition.name = u"recvID"_s;
        condition.value = u"bob"_s; // equals
        rule.conditions = {condition};
        ResponseSpec block;
        block.preset = ResponseSpec::Preset::Block;
        block.errCode = 5002;
        rule.responses = {block};
        scenario.rules = {rule};
        window.rules()->setScenario(scenario, {});
        window.show();
        window.held()->holdCommand(QString::fromLatin1(single));
        QTcpSocket openim;
        openim.connectToHost(QHostAddress::LocalHost, inspector.host()->config().port);
        QVERIFY(openim.waitForConnected(2000));
        openim.write(testhttp::callbackRequest(single, testhttp::aliceToBob, "op-rules"));
        QTRY_COMPARE(window.model()->rowCount(), 1);
        window.view()->selectRow(0);
        QTRY_COMPARE(window.held()->waitingList()->count(), 1);
        window.held()->waitingList()->setCurrentRow(0);
        // A narrow dock elides the line rather than scrolling it sideways; the tooltip says it whole.
        QCOMPARE(window.held()->waitingList()->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
        QVERIFY(window.held()->waitingList()->item(0)->toolTip().contains(QString::fromLatin1(single)));
        QPushButton *rules = nullptr;
        for (QPushButton *b : window.held()->findChildren<QPushButton *>())
            rules = b->text() == u"Send &Rules' Reply"_s ? b : rules;
        QVERIFY(rules);
        rules->click();
        QTRY_VERIFY(window.model()->captureAt(0)->id != 0); // replaced in place
        const CapturedRequest *c = window.model()->captureAt(0);
        QCOMPARE(c->hold.end, HoldRecord::End::RulesReply);
        QCOMPARE(verdictCell(window, 0), u"block (5002)"_s);
        QTRY_VERIFY(!window.detail()->isShowingPaused());
        const QString verdict = window.detail()->verdictText();
        QVERIFY2(verdict.contains(
                     u"Held, then answered with the rules' reply after %1 ms"_s.arg(c->reply.delayMs)),
            qPrintable(verdict));
        QVERIFY2(verdict.contains(u"Answered by rule \"bob\""_s), qPrintable(verdict));
        QVERIFY2(verdict.contains(u"recvID is 'bob' (found \"bob\")"_s), qPrintable(verdict));
        window.held()->stopHolding(QString::fromLatin1(single));
        window.rules()->setModified(false);
    }

    // Not answered within OpenIM's timeout: the verdict says it was held and OpenIM gave up.
    void heldAndExpired()
    {
        Inspector inspector;
        inspector.store()->setFlushIntervalMs(5);
        MainWindow window(&inspector);
        QVERIFY(window.startServer(anyPort()));
        Scenario scenario;
        scenario.timeouts.insert(QString::fromLatin1(single), 1);
        window.rules()->setScenario(scenario, {});
        window.show();
        window.held()->holdCommand(QString::fromLatin1(single));
        QTcpSocket openim;
        openim.connectToHost(QHostAddress::LocalHost, inspector.host()->config().port);
        QVERIFY(openim.waitForConnected(2000));
        openim.write(testhttp::callbackRequest(single, testhttp::aliceToBob, "op-late"));
        QTRY_COMPARE(window.model()->rowCount(), 1);
        window.view()->selectRow(0);
        QTRY_COMPARE(verdictCell(window, 0), u"paused, OpenIM gave up"_s); // after 1 s
        QTRY_VERIFY_WITH_TIMEOUT(window.model()->captureAt(0)->id != 0, 5000); // the hold ends 1 s later
        QCOMPARE(window.model()->captureAt(0)->hold.end, HoldRecord::End::Expired);
        QTRY_VERIFY(!window.detail()->isShowingPaused());
        QVERIFY2(window.detail()->verdictText().contains(
                     u"Held, not answered within OpenIM's 1 s: OpenIM gave up"_s),
            qPrintable(window.detail()->verdictText()));
        window.held()->stopHolding(QString::fromLatin1(single));
        window.rules()->setModified(false);
    }

    // A window built over the inspector while a callback is held (a language switch) shows the
    // paused row too: the rows come from the server's holds, not from the window that saw them.
    void pausedRowOutlivesTheWindow()
    {
        Inspector inspector;
        inspector.store()->setFlushIntervalMs(5);
        QTcpSocket openim;
        {
            MainWindow first(&inspector);
            QVERIFY(first.startServer(anyPort()));
            first.held()->holdCommand(QString::fromLatin1(single));
            openim.connectToHost(QHostAddress::LocalHost, inspector.host()->config().port);
            QVERIFY(openim.waitForConnected(2000));
            openim.write(testhttp::callbackRequest(single, testhttp::aliceToBob, "op-across"));
            QTRY_COMPARE(first.held()->waitingCount(), 1);
            first.rules()->setModified(false);
        }
        MainWindow next(&inspector);
        QCOMPARE(next.model()->rowCount(), 1);
        QVERIFY(next.model()->index(0, 0).data(CaptureTableModel::HoldIdRole).toULongLong() != 0);
        QVERIFY(!next.holdFlow()->banner()->isHidden());
        next.view()->selectRow(0);
        QVERIFY(next.held()->answerSelected(std::nullopt));
        QTRY_VERIFY(next.model()->captureAt(0)->id != 0);
        QCOMPARE(next.model()->rowCount(), 1);
        next.held()->stopHolding(QString::fromLatin1(single));
        next.rules()->setModified(false);
    }

    // Verdict texts follow the window's language at display time, also for captures received
    // before the switch and read back from the session file (gui walk F18).
    void verdictTextsInTheWindowsLanguage()
    {
        Inspector inspector;
        inspector.store()->setFlushIntervalMs(5);
        QTemporaryDir dir;
        const QString session = dir.filePath(u"lang.cbisession"_s);
        {
            MainWindow english(&inspector);
            QVERIFY(english.startServer(anyPort()));
            QVERIFY(english.openSession(session, false));
            QTcpSocket openim;
            openim.connectToHost(QHostAddress::LocalHost, inspector.host()->config().port);
            QVERIFY(openim.waitForConnected(2000));
            openim.write(testhttp::callbackRequest(single, testhttp::aliceToBob, "op-en"));
            QTRY_COMPARE(english.model()->rowCount(), 1);
            english.view()->selectRow(0);
            QVERIFY(english.detail()->verdictText().contains(u"Continues unchanged"_s));
            english.rules()->setModified(false);
        }
        QTranslator own;
        QVERIFY(own.load(u"callback-inspector_zh_CN.qm"_s, QStringLiteral(CBI_QM_DIR)));
        QCoreApplication::installTranslator(&own);
        {
            MainWindow chinese(&inspector);
            chinese.adoptServer();
            QVERIFY(chinese.openSession(session, true)); // read back from the file
            QCOMPARE(chinese.model()->rowCount(), 1);
            chinese.view()->selectRow(0);
            const QString verdict = chinese.detail()->verdictText();
            QVERIFY2(verdict.contains(u"原样继续"_s), qPrintable(verdict)); // Continues unchanged
            QVERIFY2(!verdict.contains(u"Continues"_s), qPrintable(verdict));
            const QString tip =
                chinese.model()->index(0, CaptureTableModel::VerdictColumn).data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.contains(u"原样继续"_s), qPrintable(tip));
            chinese.rules()->setModified(false);
        }
        QCoreApplication::removeTranslator(&own);
    }
};

QTEST_MAIN(TestHoldFlow)
#include "tst_holdflow.moc"

// SPDX-License-Identifier: MIT
// Holding, as the window lays it out: the "Holding X - Stop" banner lives in the status bar, so the
// table's rows stay where they were when holding starts; status-bar messages are cleared once what
// they said stopped applying ("... is held" after the answer, "Filter not applied" once the filter is
// valid); the Held panel's command picker stays narrow in Chinese too.
#include "capturepane.h"
#include "holdflow.h"
#include "inspector/inspector.h"
#include "mainwindow.h"
#include "models/capturetablemodel.h"
#include "server/serverhost.h"
#include "testhttp.h"
#include "widgets/heldwidget.h"
#include "widgets/ruleswidget.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTcpSocket>
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
} // namespace

class TestHoldBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"cbi-tests"_s);
        QCoreApplication::setApplicationName(u"tst_holdbanner"_s);
    }

    // Ctrl+H on a row of a full, scrolled table: the banner shows, no row moves, and the table
    // keeps its height; Stop ends it, and again nothing moves.
    void holdingDoesNotMoveTheRows()
    {
        Inspector inspector;
        inspector.store()->setFlushIntervalMs(5);
        MainWindow window(&inspector);
        QVERIFY(window.startServer(anyPort()));
        window.resize(1200, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTcpSocket openim;
        openim.connectToHost(QHostAddress::LocalHost, inspector.host()->config().port);
        QVERIFY(openim.waitForConnected(2000));
        for (int i = 0; i < 60; ++i)
            openim.write(
                testhttp::callbackRequest(single, testhttp::aliceToBob, "op-" + QByteArray::number(i)));
        QTRY_COMPARE(window.model()->rowCount(), 60);
        QTableView *view = window.view();
        view->selectRow(40);
        QTest::qWait(50);
        const auto where = [&] {
            const QRect viewport(view->viewport()->mapTo(&window, QPoint(0, 0)), view->viewport()->size());
            const QModelIndex top = view->indexAt(QPoint(4, 4));
            return u"viewport %1,%2 %3x%4, top row %5 at %6"_s.arg(viewport.x())
                .arg(viewport.y())
                .arg(viewport.width())
                .arg(viewport.height())
                .arg(top.row())
                .arg(view->visualRect(top).y());
        };
        const QString before = where();

        QAction *hold = window.holdFlow()->action();
        hold->trigger();
        QVERIFY(hold->isChecked());
        QWidget *banner = window.holdFlow()->banner();
        QTRY_VERIFY(banner->isVisible());
        QTest::qWait(50);
        QCOMPARE(where(), before);
        QVERIFY(window.statusBar()->isAncestorOf(banner));
        QVERIFY(window.holdFlow()->bannerText().contains(QString::fromLatin1(single)));

        QToolButton *stop = banner->findChild<QToolButton *>();
        QVERIFY(stop);
        stop->click();
        QVERIFY(inspector.host()->heldCommands().isEmpty());
        QVERIFY(banner->isHidden());
        QTest::qWait(50);
        QCOMPARE(where(), before);
        window.rules()->setModified(false);
    }

    // "X is held: answer it ..." goes when the callback was answered, not seconds later.
    void heldMessageEndsWithTheHold()
    {
        Inspector inspector;
        inspector.store()->setFlushIntervalMs(5);
        MainWindow window(&inspector);
        QVERIFY(window.startServer(anyPort()));
        window.show();
        window.held()->holdCommand(QString::fromLatin1(single));
        QTcpSocket openim;
        openim.connectToHost(QHostAddress::LocalHost, inspector.host()->config().port);
        QVERIFY(openim.waitForConnected(2000));
        openim.write(testhttp::callbackRequest(single, testhttp::aliceToBob, "op-held"));
        QTRY_COMPARE(window.held()->waitingCount(), 1);
        QVERIFY2(window.statusBar()->currentMessage().contains(u"is held"_s),
            qPrintable(window.statusBar()->currentMessage()));
        window.view()->selectRow(0);
        QVERIFY(window.held()->answerSelected(std::nullopt));
        QTRY_VERIFY_WITH_TIMEOUT(openim.bytesAvailable() > 0 || openim.waitForReadyRead(50), 2000);
        // Well inside the message's own 5 s: it was cleared because the hold ended.
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().isEmpty(), 1000);

        // "Holding X" goes when holding is stopped from the Held panel.
        window.held()->stopHolding(QString::fromLatin1(single));
        window.view()->selectRow(0);
        window.holdFlow()->action()->trigger();
        QVERIFY(window.statusBar()->currentMessage().startsWith(u"Holding"_s));
        window.held()->stopHolding(QString::fromLatin1(single));
        QVERIFY2(
            window.statusBar()->currentMessage().isEmpty(), qPrintable(window.statusBar()->currentMessage()));
        window.rules()->setModified(false);
    }

    // "Filter not applied: ..." goes once the filter is valid again.
    void filterMessageEndsWhenTheFilterIsValid()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        window.show();
        QVERIFY(!window.findChild<CapturePane *>()->setFilterText(u"verdict:blok"_s));
        QVERIFY2(window.statusBar()->currentMessage().startsWith(u"Filter not applied"_s),
            qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(window.findChild<CapturePane *>()->setFilterText(u"verdict:blocked"_s));
        QVERIFY2(
            window.statusBar()->currentMessage().isEmpty(), qPrintable(window.statusBar()->currentMessage()));
        window.rules()->setModified(false);
    }

    // The picker does not make the Held panel (and its dock) as wide as the longest command name,
    // in English or Chinese.
    void heldPickerStaysNarrow_data()
    {
        QTest::addColumn<bool>("chinese");
        QTest::newRow("en") << false;
        QTest::newRow("zh_CN") << true;
    }
    void heldPickerStaysNarrow()
    {
        QFETCH(bool, chinese);
        QTranslator own;
        if (chinese) {
            QVERIFY(own.load(u"callback-inspector_zh_CN.qm"_s, QStringLiteral(CBI_QM_DIR)));
            QCoreApplication::installTranslator(&own);
        }
        Inspector inspector;
        HeldWidget held(inspector.host());
        if (chinese)
            QCoreApplication::removeTranslator(&own);
        QComboBox *picker = held.findChild<QComboBox *>();
        QVERIFY(picker);
        int longest = 0;
        for (int i = 0; i < picker->count(); ++i)
            longest = qMax(longest, picker->fontMetrics().horizontalAdvance(picker->itemText(i)));
        QVERIFY2(picker->minimumSizeHint().width() < longest,
            qPrintable(u"picker %1, longest name %2"_s.arg(picker->minimumSizeHint().width()).arg(longest)));
        QVERIFY2(held.minimumSizeHint().width() < 420,
            qPrintable(QString::number(held.minimumSizeHint().width())));
    }
};

QTEST_MAIN(TestHoldBanner)
#include "tst_holdbanner.moc"

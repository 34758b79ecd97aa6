// SPDX-License-Identifier: MIT
// The window over a session file and across a language switch: every capture is kept, older rows
// page in from the file, and main()'s window loop rebuilds the window over the same inspector.
#include "capture/capturestore.h"
#include "capturefiles.h"
#include "inspector/inspector.h"
#include "mainwindow.h"
#include "models/capturefilterproxy.h"
#include "models/capturetablemodel.h"
#include "server/serverhost.h"
#include "session/sessionjournal.h"
#include "testhttp.h"
#include "widgets/ruleswidget.h"
#include "widgets/statisticswidget.h"
#include "windowloop.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {
using testhttp::aliceToBob;
using testhttp::carolToDan;
QByteArray post(const QByteArray &command, const QByteArray &body, const QByteArray &operationID)
{
    return testhttp::callbackRequest(command, body, operationID);
}

ServerConfig anyPort()
{
    ServerConfig config;
    config.port = 0;
    return config;
}
} // namespace

class TestWindowSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"cbi-tests"_s);
        QCoreApplication::setApplicationName(u"tst_windowsessions"_s);
    }

    void sessionsKeepEveryCapture()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"gui.cbisession"_s);
        {
            Inspector inspector;
            CaptureStore &store = *inspector.store();
            store.setFlushIntervalMs(5);
            ServerHost &host = *inspector.host();
            MainWindow window(&inspector);
            QVERIFY(window.startServer(anyPort()));
            QVERIFY(window.openSession(path, false));
            QCOMPARE(window.sessionPath(), path);
            QVERIFY(window.windowTitle().startsWith(u"gui.cbisession"_s));
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, host.config().port);
            QVERIFY(socket.waitForConnected(2000));
            socket.write(post("callbackBeforeSendSingleMsgCommand", aliceToBob, "op-s1"));
            // Answered only once journaled: the reply itself proves the commit.
            QTRY_VERIFY(socket.bytesAvailable() > 0);
            QString error;
            QCOMPARE(SessionJournal::count(path, &error), 1);
            window.rules()->setModified(false);
            window.close();
        }
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        ServerHost &host = *inspector.host();
        MainWindow reopened(&inspector);
        QVERIFY(reopened.openSession(path, true));
        QCOMPARE(reopened.model()->rowCount(), 1);
        QCOMPARE(reopened.model()->captureAt(0)->operationID, u"op-s1"_s);
        // The whole session, streamed from the file.
        const QString whole = dir.filePath(u"whole.csv"_s);
        QVERIFY(reopened.files()->exportCaptures(whole, u"csv"_s, CaptureFiles::ExportScope::Session));
        QFile csv(whole);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 2); // header and one capture
        QVERIFY(!reopened.openSession(dir.filePath(u"missing-dir/x/y.db"_s), true));
    }

    // The table keeps the newest rows; the session file gives older ones back on scrolling up,
    // and a filter reads back through the whole file for its matches.
    void olderCapturesPageInFromTheSessionFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"big.cbisession"_s);
        {
            SessionJournal journal;
            QString error;
            QVERIFY2(journal.open(path, &error), qPrintable(error));
            QList<CapturedRequest> all;
            for (int i = 1; i <= 1200; ++i) {
                CapturedRequest c;
                c.id = quint64(i);
                c.receivedAt = QDateTime::currentDateTimeUtc();
                c.method = "POST";
                c.command = i % 100 == 0 ? u"callbackBeforeAddFriendCommand"_s
                                         : u"callbackBeforeSendSingleMsgCommand"_s;
                c.canonicalCommand = c.command;
                c.operationID = u"op-%1"_s.arg(i);
                c.body = aliceToBob;
                all.append(c);
            }
            journal.append(all);
            journal.sync();
        }
        Inspector inspector(100);
        CaptureStore &store = *inspector.store();
        ServerHost &host = *inspector.host();
        MainWindow window(&inspector);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openSession(path, true));
        QCOMPARE(window.model()->rowCount(), 100);
        QCOMPARE(window.model()->captureAt(0)->id, 1101u);

        window.view()->verticalScrollBar()->setValue(0); // the user scrolls to the top
        QTRY_COMPARE(window.model()->rowCount(), 600);
        QCOMPARE(window.model()->captureAt(0)->id, 601u);
        QCOMPARE(window.model()->historyCount(), 500);
        QVERIFY(window.view()->verticalScrollBar()->value() > 0); // the rows in view stayed in view

        // A rare command: only one of its 12 captures is among the newest 100.
        window.filterEdit()->setText(u"command:callbackBeforeAddFriendCommand"_s);
        QTRY_COMPARE(window.proxy()->rowCount(), 12);
        QCOMPARE(window.proxy()->index(0, 0).data().toString(), u"100"_s);
        window.filterEdit()->clear();
        QTRY_COMPARE(window.model()->historyCount(), 0);
        QCOMPARE(window.model()->rowCount(), 100);
        window.rules()->setModified(false);
    }

    // Settings > Language closes the window; main()'s loop (runWindows, run here as main runs it)
    // opens a new one in the new language over the same inspector, which kept serving and
    // journaling in between: a callback during the swap is answered (its commit never needs this
    // thread) and journaled, shown once, and ids go on above the file's.
    void languageSwitchKeepsEverything()
    {
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        store.setFlushIntervalMs(5);
        ServerHost &host = *inspector.host();
        QTemporaryDir dir;
        const QString session = dir.filePath(u"swap.cbisession"_s);
        {
            // A session from an earlier run (gui walk F3: its ids were given out again after a switch).
            SessionJournal earlier;
            QVERIFY(earlier.open(session, nullptr));
            CapturedRequest old;
            old.receivedAt = QDateTime::currentDateTimeUtc();
            old.id = 1;
            old.operationID = u"op-old-1"_s;
            earlier.append(old);
            old.id = 2;
            old.operationID = u"op-old-2"_s;
            earlier.append(old);
            earlier.sync();
        }
        auto first = std::make_unique<MainWindow>(&inspector);
        MainWindow *firstWindow = first.get();
        QVERIFY(first->startServer(anyPort()));
        QVERIFY(first->openSession(session, true));
        QCOMPARE(first->model()->rowCount(), 2);
        const quint16 port = host.config().port;
        first->rules()->setModified(true); // unsaved rules: no prompt, they go along
        QAction *chinese = nullptr;
        for (QAction *menu : first->menuBar()->actions()) {
            for (QAction *a : menu->menu()->actions()) {
                if (a->menu()) {
                    for (QAction *language : a->menu()->actions()) {
                        if (language->text() == u"简体中文"_s)
                            chinese = language;
                    }
                }
            }
        }
        QVERIFY(chinese);
        QTimer::singleShot(0, chinese, &QAction::trigger);

        // Between the windows, no event loop runs here: the reply must still leave once journaled.
        QByteArray swapReply;
        QString installed;
        QTcpSocket openim;
        const auto installLanguage = [&](const QString &language) {
            installed = language;
            openim.connectToHost(QHostAddress::LocalHost, port);
            if (!openim.waitForConnected(2000))
                return;
            openim.write(post("callbackBeforeSendSingleMsgCommand", aliceToBob, "op-swap"));
            while (!swapReply.contains("\r\n\r\n") && openim.waitForReadyRead(5000))
                swapReply += openim.readAll();
        };
        // In the new window: what it shows, then a callback after the swap, then quit.
        MainWindow *second = nullptr;
        int shownAfterSwap = -1;
        int statsAfterSwap = -1;
        quint64 swapId = 0;
        QString swapOperation;
        bool keptUnsavedRules = false;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                auto *window = qobject_cast<MainWindow *>(w);
                if (!window || window == firstWindow || !window->isVisible() || window == second)
                    continue;
                second = window;
                shownAfterSwap = window->model()->rowCount();
                statsAfterSwap = window->statistics()->table()->rowCount();
                if (shownAfterSwap > 2) {
                    swapId = window->model()->captureAt(2)->id;
                    swapOperation = window->model()->captureAt(2)->operationID;
                }
                keptUnsavedRules = window->rules()->isModified();
                openim.write(post("callbackBeforeSendSingleMsgCommand", carolToDan, "op-after"));
                QTimer::singleShot(600, window, [window] {
                    window->rules()->setModified(false);
                    window->close(); // a real quit: the loop ends
                });
            }
        });
        poll.start();
        firstWindow = first.get();
        runWindows(&inspector, std::move(first), installLanguage);
        poll.stop();

        QCOMPARE(installed, u"zh_CN"_s);
        QSettings().remove(u"ui/language"_s);
        QVERIFY2(swapReply.startsWith("HTTP/1.1 200"), swapReply.constData());
        QVERIFY(second);
        QCOMPARE(shownAfterSwap, 3); // the file's two and the one answered during the swap, once
        QVERIFY(statsAfterSwap > 0); // Statistics counts the rows the new window took over (it was empty)
        QCOMPARE(swapOperation, u"op-swap"_s);
        QCOMPARE(swapId, 3u); // ids go on above the file's
        QCOMPARE(SessionJournal::count(session, nullptr), 4); // op-after too, journaled before the quit
        QVERIFY(keptUnsavedRules);
    }
};

QTEST_MAIN(TestWindowSessions)
#include "tst_windowsessions.moc"

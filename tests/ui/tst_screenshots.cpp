// SPDX-License-Identifier: MIT
// The user guide's screenshots, taken from the real window offscreen after real callbacks over
// real sockets: the table with a detail, the verdict, the rule editor, the statistics and held
// panels, a message's timeline, two captures compared, HTTPS, high contrast, the empty first start,
// Settings > Appearance > Dark, and the window in Chinese.
// CBI_SCREENSHOT_DIR=docs/images writes them into the guide (scripts/screenshots.sh); otherwise
// they go to a temporary directory, and the test checks each shows what the guide says it does.
#include "appearance.h"
#include "capture/capturestore.h"
#include "dialogs/comparedialog.h"
#include "dialogs/ruleeditordialog.h"
#include "dialogs/ruleprediction.h"
#include "dialogs/timelinedialog.h"
#include "dialogs/tlsdialog.h"
#include "inspector/inspector.h"
#include "mainwindow.h"
#include "models/capturefilterproxy.h"
#include "models/capturetablemodel.h"
#include "server/serverhost.h"
#include "testhttp.h"
#include "testpalette.h"
#include "widgets/capturedetailview.h"
#include "widgets/emptystate.h"
#include "widgets/heldwidget.h"
#include "widgets/ruleswidget.h"
#include "widgets/statisticswidget.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLibraryInfo>
#include <QListWidget>
#include <QMenuBar>
#include <QScrollArea>
#include <QSet>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

#include <memory>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {
QByteArray post(const QByteArray &command, const QByteArray &operationID, const QByteArray &body)
{
    return testhttp::callbackRequest(command, body, operationID);
}

// Single quotes stand for double quotes: moc cannot read raw strings holding quotes.
QByteArray q(const char *json)
{
    return QByteArray(json).replace('\'', '"');
}

// How many colours an image has, sampled: a blank or unpainted grab has one or two.
int colours(const QImage &image)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            seen.insert(image.pixel(x, y));
    }
    return int(seen.size());
}
} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_out;

    bool save(QWidget *widget, const QString &name)
    {
        widget->repaint();
        QApplication::processEvents();
        const QImage image = widget->grab().toImage();
        if (image.width() < 300 || image.height() < 150 || colours(image) < 12) {
            qWarning("%s looks empty: %dx%d, %d colours", qPrintable(name), image.width(), image.height(),
                colours(image));
            return false;
        }
        return image.save(m_out + QLatin1Char('/') + name);
    }

    static QDockWidget *dockOf(QWidget *panel)
    {
        for (QWidget *w = panel; w; w = w->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(w))
                return dock;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"cbi-tests"_s);
        QCoreApplication::setApplicationName(u"tst_screenshots"_s);
        m_out = qEnvironmentVariable("CBI_SCREENSHOT_DIR", m_tmp.path());
        QVERIFY(QDir().mkpath(m_out));
        QApplication::setFont(QFont(u"Noto Sans"_s, 9)); // what a Debian desktop shows by default
    }

    void guide()
    {
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        store.setFlushIntervalMs(5);
        ServerHost &host = *inspector.host();
        QTemporaryDir sessionDir;
        const QString session = sessionDir.filePath(u"shots.cbisession"_s);
        auto window = std::make_unique<MainWindow>(&inspector);
        ServerConfig config;
        config.port = 0;
        QVERIFY(window->startServer(config));
        QVERIFY(window->openScenario(QStringLiteral(CBI_SCENARIO_DIR "/sensitive-word-block.json")));
        QVERIFY(window->openSession(session, false));
        window->resize(1400, 820);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));

        // 0. The first start: the empty table says where OpenIM should post (gui walk F26).
        QVERIFY(window->emptyState()->isVisible());
        QVERIFY(window->emptyState()->urlText().contains(host.webhookUrl()));
        QVERIFY(save(window.get(), u"empty-state.png"_s));

        // A message's life (same clientMsgID), a blocked one, a group message, an old-style URL.
        QTcpSocket openim;
        openim.connectToHost(QHostAddress::LocalHost, host.config().port);
        QVERIFY(openim.waitForConnected(2000));
        const QByteArray single = "callbackBeforeSendSingleMsgCommand";
        openim.write(post(single, "op-1",
            q("{'sendID':'alice','recvID':'bob','clientMsgID':'m-42','sendTime':1764400000000,'"
              "callbackCommand':"
              "'callbackBeforeSendSingleMsgCommand','contentType':101,'sessionType':1,"
              "'content':'{\\'content\\':\\'are we still on for 8am?\\'}'}")));
        QTest::qWait(30);
        openim.write(post("callbackBeforeMsgModifyCommand", "op-1",
            q("{'sendID':'alice','recvID':'bob','clientMsgID':'m-42','sendTime':1764400000000,'"
              "callbackCommand':"
              "'callbackBeforeMsgModifyCommand','contentType':101,'content':'{\\'content\\':\\'are we "
              "still on for 8am?\\'}'}")));
        openim.write(post(single, "op-2",
            q("{'sendID':'mallory','recvID':'bob','clientMsgID':'m-43','sendTime':1764400000000,'"
              "callbackCommand':"
              "'callbackBeforeSendSingleMsgCommand','contentType':101,'sessionType':1,"
              "'content':'{\\'content\\':\\'visit our CASINO\\'}'}")));
        openim.write(post("callbackBeforeSendGroupMsgCommand", "op-3",
            q("{'sendID':'mallory','groupID':'g1','clientMsgID':'m-44','sendTime':1764400000000,'"
              "callbackCommand':"
              "'callbackBeforeSendGroupMsgCommand','contentType':101,'sessionType':3,"
              "'content':'{\\'content\\':\\'spam spam\\'}'}")));
        QTest::qWait(30);
        openim.write(post("callbackAfterSendSingleMsgCommand", "op-1",
            q("{'sendID':'alice','recvID':'bob','clientMsgID':'m-42','sendTime':1764400000000,'"
              "callbackCommand':"
              "'callbackAfterSendSingleMsgCommand','contentType':101,'sessionType':1,'seq':17,"
              "'content':'{\\'content\\':\\'are we still on for 8am?\\'}'}")));
        QTRY_COMPARE(window->model()->rowCount(), 5);

        // 1. The table, the blocked message selected.
        window->view()->selectRow(2);
        QCOMPARE(window->model()->captureAt(2)->verdict.outcome, Verdict::Outcome::Blocked);
        QVERIFY(save(window.get(), u"capture-table.png"_s));

        // 2. Its verdict.
        QTabWidget *tabs = window->detail()->tabs();
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i).remove(u'&') == u"Verdict"_s)
                tabs->setCurrentIndex(i);
        }
        QCOMPARE(tabs->tabText(tabs->currentIndex()).remove(u'&'), u"Verdict"_s);
        QVERIFY(save(window.get(), u"verdict.png"_s));
        tabs->setCurrentIndex(0);

        // 3. The rule editor, as "Make Rule from Capture" opens it.
        {
            RuleEditorDialog editor(
                MainWindow::ruleFromCapture(*window->model()->captureAt(0)), window->rules()->scenario());
            editor.setSourceCapture(*window->model()->captureAt(0)); // as Make Rule from Capture does
            editor.setErrCode(5001);
            editor.show();
            QVERIFY(QTest::qWaitForWindowExposed(&editor));
            QVERIFY(editor.predictedVerdict().contains(u"5001"_s));
            // The prediction is what the picture is about: the parts scroll, so bring it into view.
            auto *prediction = editor.findChild<RulePrediction *>();
            QVERIFY(prediction);
            editor.findChild<QScrollArea *>()->ensureWidgetVisible(prediction);
            QTest::qWait(20);
            QVERIFY(!prediction->visibleRegion().isEmpty());
            QVERIFY(save(&editor, u"rule-editor.png"_s));
        }

        // 4. Statistics.
        QDockWidget *statistics = dockOf(window->statistics());
        QVERIFY(statistics);
        statistics->raise();
        QTRY_VERIFY(window->statistics()->table()->rowCount() >= 4);
        QVERIFY(save(window.get(), u"statistics.png"_s));

        // 5. A held callback, its countdown running.
        window->held()->holdCommand(QString::fromLatin1(single));
        openim.write(post(single, "op-5",
            q("{'sendID':'carol','recvID':'dan','clientMsgID':'m-45','sendTime':1764400000000,'"
              "callbackCommand':"
              "'callbackBeforeSendSingleMsgCommand','contentType':101,'sessionType':1,"
              "'content':'{\\'content\\':\\'lunch?\\'}'}")));
        QTRY_COMPARE(window->held()->waitingCount(), 1);
        // Its paused row in the table at once, selected: the request beside the Held panel's reply.
        QCOMPARE(window->model()->rowCount(), 6);
        QVERIFY(window->model()->index(5, 0).data(CaptureTableModel::HoldIdRole).toULongLong() != 0);
        window->view()->selectRow(5);
        QCOMPARE(window->held()->waitingList()->currentRow(), 0);
        QTest::qWait(1100); // a second off the countdown
        QVERIFY(dockOf(window->held())->isVisible());
        QVERIFY(window->detail()->pausedText().contains(u"OpenIM waits"_s));
        QVERIFY(save(window.get(), u"held.png"_s));
        QVERIFY(window->held()->answerSelected(std::nullopt));
        window->held()->stopHolding(QString::fromLatin1(single));
        QTRY_VERIFY(window->model()->captureAt(5)->id != 0); // the answer took the paused row's place
        QCOMPARE(window->model()->rowCount(), 6);

        // 6. The message's timeline.
        window->view()->selectRow(0);
        TimelineDialog *timeline = window->showTimeline();
        QVERIFY(timeline);
        QCOMPARE(timeline->tree()->topLevelItemCount(), 3); // before send, modify, after send
        QVERIFY(save(timeline, u"timeline.png"_s));
        timeline->close();

        // 7. Two messages compared.
        window->view()->selectionModel()->select(
            window->proxy()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        CompareDialog *compare = window->compareSelected();
        QVERIFY(compare);
        QVERIFY(compare->differences() > 0);
        compare->resize(1100, 640);
        QVERIFY(save(compare, u"compare.png"_s));
        compare->close();

        // 8. HTTPS.
        {
            TlsDialog https(u"/home/me/certs/inspector.pem"_s, u"/home/me/certs/inspector-key.pem"_s);
            https.show();
            QVERIFY(save(&https, u"https.png"_s));
        }

        // 9. A high-contrast palette (white on black): the verdict and JSON colours stay readable.
        {
            const QPalette before = QApplication::palette();
            QApplication::setPalette(testpalette::highContrastDark());
            window->view()->selectRow(1);
            window->view()->selectRow(2); // the body view highlights anew in the new palette
            QVERIFY(save(window.get(), u"high-contrast.png"_s));
            QApplication::setPalette(before);
        }

        // 9b. Settings > Appearance > Dark, the statistics in view: the charts follow the palette.
        {
            QAction *dark = window->findChild<QAction *>(u"appearance-dark"_s);
            QVERIFY(dark);
            dark->trigger();
            statistics->raise();
            window->view()->selectRow(2);
            QTRY_COMPARE(window->view()->palette().color(QPalette::Base),
                Appearance::palette(Appearance::Theme::Dark).color(QPalette::Base));
            QVERIFY(save(window.get(), u"dark.png"_s));
            window->findChild<QAction *>(u"appearance-system"_s)->trigger();
            dockOf(window->rules())->raise();
        }

        // 10. The same window in Chinese (Settings > Language swaps the window like this).
        window->rules()->setModified(false);
        window.reset();
        QTranslator qt;
        QTranslator own;
        QVERIFY(own.load(u"callback-inspector_zh_CN.qm"_s, QStringLiteral(CBI_QM_DIR)));
        if (qt.load(
                QLocale(u"zh_CN"_s), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qt);
        QCoreApplication::installTranslator(&own);
        auto chinese = std::make_unique<MainWindow>(&inspector);
        chinese->adoptServer();
        QVERIFY(chinese->openScenario(QStringLiteral(CBI_SCENARIO_DIR "/sensitive-word-block.json")));
        QVERIFY(chinese->openSession(session, true));
        chinese->resize(1400, 820);
        chinese->show();
        QVERIFY(QTest::qWaitForWindowExposed(chinese.get()));
        QTRY_COMPARE(chinese->model()->rowCount(), 6);
        chinese->view()->selectRow(2);
        QVERIFY(chinese->menuBar()->actions().first()->text().contains(u"文件"_s)); // File
        // The verdict of a capture read back from the session file, in Chinese too (gui walk F18).
        chinese->detail()->tabs()->setCurrentIndex(4);
        QVERIFY2(chinese->detail()->verdictText().contains(u"拦截"_s),
            qPrintable(chinese->detail()->verdictText()));
        QVERIFY(!chinese->detail()->verdictText().contains(u"Blocked"_s));
        QVERIFY(save(chinese.get(), u"zh_CN.png"_s));
        chinese->rules()->setModified(false);
        QCoreApplication::removeTranslator(&own);
        QCoreApplication::removeTranslator(&qt);
    }

    // 11. A rewrite: the Verdict tab's before -> after, the table's Content showing what OpenIM goes on
    // with (marked, the original in its tooltip).
    void rewrite()
    {
        Inspector inspector;
        inspector.store()->setFlushIntervalMs(5);
        auto window = std::make_unique<MainWindow>(&inspector);
        ServerConfig config;
        config.port = 0;
        QVERIFY(window->startServer(config));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"mask.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(q("{'scenario':1,'name':'Mask phone numbers','rules':[{'name':'mask phone numbers',"
                     "'command':'callbackBeforeMsgModifyCommand','when':[{'body':'content.content',"
                     "'contains':'phone'}],'respond':{'preset':'rewrite','fields':{'content':"
                     "'{\\'content\\':\\'my phone is ***\\'}'}}}]}"));
        file.close();
        QVERIFY(window->openScenario(path));
        window->resize(1400, 820);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTcpSocket openim;
        openim.connectToHost(QHostAddress::LocalHost, inspector.host()->config().port);
        QVERIFY(openim.waitForConnected(2000));
        openim.write(post("callbackBeforeMsgModifyCommand", "op-7",
            q("{'sendID':'alice','recvID':'bob','clientMsgID':'m-46','sendTime':1764400000000,"
              "'callbackCommand':'callbackBeforeMsgModifyCommand','contentType':101,"
              "'content':'{\\'content\\':\\'my phone is 555-1234\\'}'}")));
        QTRY_COMPARE(window->model()->rowCount(), 1);
        QCOMPARE(window->model()->captureAt(0)->verdict.outcome, Verdict::Outcome::Modified);
        window->view()->selectRow(0);
        window->detail()->tabs()->setCurrentIndex(4); // Verdict
        const QString verdict = window->detail()->verdictText();
        QVERIFY2(verdict.contains(u"555-1234"_s) && verdict.contains(u"\u2192"_s), qPrintable(verdict));
        QVERIFY(save(window.get(), u"rewrite.png"_s));
        window->rules()->setModified(false);
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"

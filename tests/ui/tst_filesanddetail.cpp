// SPDX-License-Identifier: MIT
// Files and the detail (gui walk F22, F30, F33): Recent Sessions by date and count, never the
// session open now; the webhooks.yml picker with its Docker env tab; the Request tab in wire order
// with the content decoded, Raw wrapping, whole header names, reply timing, the Body tree's menu.
#include "capture/capturestore.h"
#include "capturefiles.h"
#include "capturepane.h"
#include "dialogs/webhooksdialog.h"
#include "inspector/inspector.h"
#include "mainwindow.h"
#include "models/capturetablemodel.h"
#include "server/serverconfig.h"
#include "server/serverhost.h"
#include "session/sessionjournal.h"
#include "testhttp.h"
#include "widgets/capturedetailview.h"
#include "widgets/orderedjson.h"
#include "widgets/ruleswidget.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {
QMenu *recentMenu(MainWindow &window)
{
    for (QAction *menu : window.menuBar()->actions()) {
        for (QAction *a : menu->menu()->actions()) {
            if (a->menu() && a->text().remove(u'&') == u"Recent Sessions"_s)
                return a->menu();
        }
    }
    return nullptr;
}

QTreeWidgetItem *findItem(QTreeWidget *tree, const QString &key)
{
    const auto items = tree->findItems(key, Qt::MatchExactly | Qt::MatchRecursive, 0);
    return items.isEmpty() ? nullptr : items.first();
}

CapturedRequest sample()
{
    CapturedRequest c;
    c.id = 7;
    c.receivedAt = QDateTime::currentDateTimeUtc();
    c.method = "POST";
    c.httpVersion = "HTTP/1.1";
    c.path = u"/callbackExample/callbackBeforeSendSingleMsgCommand"_s;
    c.headers = {{"Host", "x"}, {"operationID", "op-7"}, {"Content-Type", "application/json"},
        {"Content-Length", "99"}, {"Accept-Encoding", "gzip"}};
    // Keys not in alphabetical order, as a Go client sends them.
    c.body = "{\"sendID\":\"alice\",\"recvID\":\"bob\",\"content\":\"{\\\"content\\\":\\\"hi there\\\"}\","
             "\"contentType\":101}";
    c.reply.body = "{\"actionCode\":0,\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\",\"nextCode\":0}";
    c.reply.delayMs = 250;
    return c;
}
} // namespace

class TestFilesAndDetail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"cbi-tests"_s);
        QCoreApplication::setApplicationName(u"tst_filesanddetail"_s);
        QSettings().remove(u"session/recent"_s);
    }

    void recentSessionsByDateAndCount()
    {
        QTemporaryDir dir;
        const QString older = dir.filePath(u"older.cbisession"_s);
        {
            SessionJournal journal;
            QVERIFY(journal.open(older, nullptr));
            CapturedRequest c = sample();
            for (quint64 id = 1; id <= 3; ++id) {
                c.id = id;
                journal.append(c);
            }
            journal.sync();
        }
        Inspector inspector;
        MainWindow window(&inspector);
        QVERIFY(window.openSession(older, true));
        const QString current = dir.filePath(u"current.cbisession"_s);
        QVERIFY(window.openSession(current, false));
        QMenu *recent = recentMenu(window);
        QVERIFY(recent);
        Q_EMIT recent->aboutToShow();
        QStringList labels;
        for (QAction *a : recent->actions())
            labels.append(a->text());
        QCOMPARE(labels.size(), 1); // not the session open now
        QVERIFY2(labels.first().contains(u"3 capture"_s), qPrintable(labels.first()));
        QVERIFY(!labels.first().contains(u"older.cbisession"_s)); // no path
        QVERIFY(labels.first().contains(QString::number(QDate::currentDate().year() % 100)));
        QCOMPARE(recent->actions().first()->toolTip(), QDir::toNativeSeparators(older));
        window.rules()->setModified(false);
        QSettings().remove(u"session/recent"_s);
    }

    void webhooksPicker()
    {
        WebhooksDialog dialog(u"http://127.0.0.1:10006/callbackExample"_s, Profile::V3_8_2);
        dialog.setKinds({u"group"_s}, true, false);
        QVERIFY(dialog.chosenCommands().contains(u"callbackBeforeCreateGroupCommand"_s));
        QVERIFY(!dialog.chosenCommands().contains(u"callbackAfterCreateGroupCommand"_s));
        QVERIFY(!dialog.chosenCommands().contains(u"callbackBeforeSendSingleMsgCommand"_s));
        const QString yaml = dialog.yaml();
        QVERIFY(yaml.contains(u"beforeCreateGroup:\n  enable: true"_s));
        QVERIFY(yaml.contains(u"beforeSendSingleMsg:\n  enable: false"_s));
        QVERIFY(!yaml.contains(u"failedContinue"_s));
        QVERIFY(dialog.environment().contains(u"IMENV_WEBHOOKS_BEFORECREATEGROUP_ENABLE=true"_s));
        QVERIFY(
            dialog.environment().contains(u"IMENV_WEBHOOKS_URL=http://127.0.0.1:10006/callbackExample"_s));
        // Copy copies the tab in front; Save writes it.
        dialog.tabs()->setCurrentIndex(1);
        QPushButton *copy = nullptr;
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            copy = b->text().remove(u'&') == u"Copy"_s ? b : copy;
        QVERIFY(copy);
        copy->click();
        QCOMPARE(QApplication::clipboard()->text(), dialog.environment());
        QTemporaryDir dir;
        QVERIFY(dialog.save(dir.filePath(u"openim.env"_s)));
        QFile saved(dir.filePath(u"openim.env"_s));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), dialog.environment());
        QCOMPARE(WebhooksDialog::areaOf(u"callbackBeforeSendGroupMsgCommand"_s), u"message"_s);
        QCOMPARE(WebhooksDialog::areaOf(u"callbackBeforeAddFriendCommand"_s), u"user"_s);
    }

    void generateOpensThePicker()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        QVERIFY(window.files()->generateWebhooks());
        auto *dialog = window.findChild<WebhooksDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        dialog->close();
        window.rules()->setModified(false);
    }

    void requestInWireOrderWithContentDecoded()
    {
        const QString text = OrderedJson::indented(sample().body, u"decoded:"_s);
        QVERIFY(text.indexOf(u"\"sendID\""_s) < text.indexOf(u"\"recvID\""_s)); // wire order, not sorted
        QVERIFY(text.indexOf(u"\"recvID\""_s) < text.indexOf(u"\"content\""_s));
        QVERIFY2(text.contains(u"// decoded: {\"content\":\"hi there\"}"_s), qPrintable(text));
        QCOMPARE(OrderedJson::indented("not json"), u"not json"_s);
        QCOMPARE(OrderedJson::indented("{\"a\":[],\"b\":{}}"), u"{\n    \"a\": [],\n    \"b\": {}\n}"_s);

        CaptureDetailView detail;
        detail.resize(900, 500);
        detail.show();
        detail.setCapture(sample());
        QVERIFY(detail.requestBodyView()->toPlainText().contains(u"hi there"_s));
        // Header names in full.
        QTableWidget *headers = detail.headerTable();
        const int needed = headers->fontMetrics().horizontalAdvance(u"Accept-Encoding"_s);
        QVERIFY(headers->columnWidth(0) > needed);
        // Raw wraps on demand.
        auto *wrap = detail.findChild<QCheckBox *>(u"rawWrap"_s);
        QVERIFY(wrap);
        QCOMPARE(detail.rawView()->lineWrapMode(), QPlainTextEdit::NoWrap);
        wrap->setChecked(true);
        QCOMPARE(detail.rawView()->lineWrapMode(), QPlainTextEdit::WidgetWidth);
        // The reply's timing.
        QVERIFY2(detail.replyView()->toPlainText().contains(u"reply sent after 250 ms"_s),
            qPrintable(detail.replyView()->toPlainText()));
    }

    void bodyTreeMenu()
    {
        Inspector inspector;
        MainWindow window(&inspector);
        CaptureDetailView *detail = window.detail();
        detail->setCapture(sample());
        QTreeWidgetItem *send = findItem(detail->bodyTree(), u"sendID"_s);
        QVERIFY(send);
        std::unique_ptr<QMenu> menu(detail->bodyTreeMenu(send));
        QStringList texts;
        QList<QAction *> actions;
        for (QAction *a : menu->actions()) {
            if (!a->isSeparator()) {
                texts.append(a->text().remove(u'&'));
                actions.append(a);
            }
        }
        QCOMPARE(texts,
            (QStringList {u"Make Condition from This Field..."_s, u"Copy Value"_s, u"Copy Path"_s,
                u"Filter on This Value"_s}));
        actions.at(1)->trigger();
        QCOMPARE(QApplication::clipboard()->text(), u"alice"_s);
        actions.at(3)->trigger();
        QCOMPARE(window.filterEdit()->text(), u"sendID:alice"_s); // the capture pane's filter
        // The decoded content's text: its path as rules write it.
        QTreeWidgetItem *decoded = findItem(detail->bodyTree(), u"(decoded)"_s);
        QVERIFY(decoded);
        QTreeWidgetItem *inner = decoded->child(0);
        QCOMPARE(CaptureDetailView::pathOf(inner), u"content.content"_s);
        std::unique_ptr<QMenu> innerMenu(detail->bodyTreeMenu(inner));
        auto named = [&](const QString &text) {
            for (QAction *a : innerMenu->actions())
                if (a->text() == text)
                    return a;
            return static_cast<QAction *>(nullptr);
        };
        QVERIFY(named(u"Copy &Path"_s) && named(u"&Filter on This Value"_s));
        named(u"Copy &Path"_s)->trigger();
        QCOMPARE(QApplication::clipboard()->text(), u"content.content"_s);
        named(u"&Filter on This Value"_s)->trigger();
        QCOMPARE(window.filterEdit()->text(), u"\"hi there\""_s);
        window.rules()->setModified(false);
    }

    // Qt takes seconds to lay out a line of megabytes: a body over 256 KiB is shown with its long
    // values cut (keys in wire order) and says so; Copy body copies it whole.
    void hugeBodyShownCut()
    {
        CapturedRequest c = sample();
        const QByteArray content = QByteArray("casino ") + QByteArray(2000000, 'z');
        c.body = "{\"sendID\":\"alice\",\"content\":\"" + content + "\",\"clientMsgID\":\"m1\"}";
        CaptureDetailView detail;
        detail.resize(900, 500);
        detail.show();
        QElapsedTimer clock;
        clock.start();
        detail.setCapture(c);
        qInfo("setCapture of a 2 MB body: %lld ms", clock.elapsed());
        const QString shown = detail.requestBodyView()->toPlainText();
        QVERIFY(shown.size() < 10000);
        QVERIFY(shown.contains(u"casino zzz"_s));
        QVERIFY(shown.indexOf(u"sendID"_s) < shown.indexOf(u"clientMsgID"_s)); // wire order
        QVERIFY(detail.rawView()->toPlainText().size() < 10000);
        bool said = false;
        for (const QLabel *label : detail.findChildren<QLabel *>())
            said = said || label->text().contains(u"long values are cut"_s);
        QVERIFY(said);
        detail.copyBody();
        QCOMPARE(QApplication::clipboard()->text().toUtf8(), c.body);
    }

    // A large body leaves memory once the session file has it (issue 14): the row keeps an abridged
    // copy for its columns; the detail, Copy Value and the export read the whole body back.
    void largeBodyReadBackFromTheSessionFile()
    {
        QTemporaryDir dir;
        const QByteArray content =
            QByteArray("casino ") + QByteArray(200000, 'z'); // over 64 KiB, shown whole
        {
            Inspector inspector;
            inspector.setBodySpill(CaptureStore::defaultSpillThreshold);
            inspector.store()->setFlushIntervalMs(5);
            MainWindow window(&inspector);
            QVERIFY(window.openSession(dir.filePath(u"big.cbisession"_s), false));
            ServerConfig config;
            config.port = 0;
            QVERIFY(window.startServer(config));
            const QByteArray body =
                "{\"sendID\":\"alice\",\"recvID\":\"bob\",\"content\":\"" + content + "\"}";
            QTcpSocket openim;
            const auto replies = testhttp::exchange(openim, inspector.host()->config().port,
                testhttp::callbackRequest("callbackBeforeSendSingleMsgCommand", body, "op-big"), 1, 5000);
            QCOMPARE(replies.size(), 1);
            CaptureTableModel *model = window.model();
            QTRY_VERIFY(model->rowCount() == 1 && model->captureAt(0)->isBodySpilled());
            QCOMPARE(model->captureAt(0)->spilledBodySize, body.size());
            QVERIFY2(model->memoryUsed() < 16 * 1024, qPrintable(QString::number(model->memoryUsed())));
            QVERIFY(inspector.store()->memoryUsed() < 16 * 1024);
            QCOMPARE(
                model->index(0, CaptureTableModel::PartiesColumn).data().toString(), u"alice \u2192 bob"_s);
            QVERIFY(
                model->index(0, CaptureTableModel::ContentColumn).data().toString().startsWith(u"casino"_s));

            window.view()->selectRow(0);
            QVERIFY(window.detail()->requestBodyView()->toPlainText().contains(QString::fromLatin1(content)));
            for (const QLabel *label : window.detail()->findChildren<QLabel *>())
                QVERIFY(!label->text().contains(u"Only the start"_s)); // read back, not abridged

            auto *pane = window.findChild<CapturePane *>();
            QVERIFY(pane);
            const QModelIndex cell = window.view()->model()->index(0, CaptureTableModel::ContentColumn);
            std::unique_ptr<QMenu> menu(pane->rowMenu(window.view()->visualRect(cell).center()));
            QAction *copyValue = menu->findChild<QAction *>(u"copyValue"_s);
            QVERIFY(copyValue);
            copyValue->trigger();
            QCOMPARE(QApplication::clipboard()->text().size(), content.size());

            const QString exported = dir.filePath(u"shown.ndjson"_s);
            QVERIFY(window.files()->exportCaptures(exported, u"ndjson"_s));
            QFile file(exported);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QJsonObject line = QJsonDocument::fromJson(file.readAll().trimmed()).object();
            QCOMPARE(line.value(u"body"_s).toString().toUtf8(), body);
            QVERIFY(!line.contains(u"bodyAbridged"_s));
            window.rules()->setModified(false);
            inspector.shutdown();
        }

        // Opened again: the rows read from the file are abridged as they are read, and whole when shown.
        Inspector again;
        again.setBodySpill(CaptureStore::defaultSpillThreshold);
        MainWindow reopened(&again);
        QVERIFY(reopened.openSession(dir.filePath(u"big.cbisession"_s), true));
        QCOMPARE(reopened.model()->rowCount(), 1);
        QVERIFY(reopened.model()->captureAt(0)->isBodySpilled());
        QVERIFY(again.store()->memoryUsed() < 16 * 1024);
        reopened.view()->selectRow(0);
        QVERIFY(reopened.detail()->requestBodyView()->toPlainText().contains(QString::fromLatin1(content)));
        reopened.rules()->setModified(false);
    }
};

QTEST_MAIN(TestFilesAndDetail)
#include "tst_filesanddetail.moc"

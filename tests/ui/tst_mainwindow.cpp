// SPDX-License-Identifier: MIT
// The window offscreen, fed by a real server: a POST shows up as a row.
#include "capture/capturestore.h"
#include "mainwindow.h"
#include "models/capturetablemodel.h"
#include "rules/scenario.h"
#include "server/captureserver.h"

#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void postShowsUpAsRow()
    {
        CaptureStore store;
        store.setFlushIntervalMs(5);
        CaptureServer server(&store);
        ServerConfig config;
        config.port = 0;
        QVERIFY(server.start(config));
        MainWindow window(&store);
        window.setServerState(u"http://127.0.0.1:%1/callbackExample"_s.arg(server.serverPort()), {});
        window.show();

        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(socket.waitForConnected(2000));
        const QByteArray body =
            R"({"sendID":"alice","recvID":"bob","callbackCommand":"callbackBeforeSendSingleMsgCommand"})";
        socket.write(
            "POST /callbackExample/callbackBeforeSendSingleMsgCommand HTTP/1.1\r\noperationID: op-gui\r\n"
            "Content-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QTRY_COMPARE(window.model()->rowCount(), 1);
        const QAbstractItemModel *model = window.view()->model();
        QCOMPARE(model->data(model->index(0, CaptureTableModel::OperationIdColumn)).toString(), u"op-gui"_s);
        QVERIFY(model->data(model->index(0, CaptureTableModel::CommandColumn))
                    .toString()
                    .startsWith(u"callbackBeforeSendSingleMsgCommand"_s));
        QTRY_VERIFY(socket.bytesAvailable() > 0);
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 200 OK"));
    }

    void scenarioOpensOrExplainsWhyNot()
    {
        CaptureStore store;
        MainWindow window(&store);
        window.show();
        qRegisterMetaType<cbi::Scenario>();
        QSignalSpy loaded(&window, &MainWindow::scenarioLoaded);
        QVERIFY(window.openScenario(QStringLiteral(CBI_SCENARIO_DIR) + u"/sensitive-word-block.json"_s));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().first().value<Scenario>().rules.size(), 1);

        QTemporaryDir dir;
        QFile broken(dir.filePath(u"broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"scenario\": 1, \"profile\": \"v9\"}");
        broken.close();
        QVERIFY(!window.openScenario(broken.fileName()));
        QCOMPARE(loaded.size(), 1);
        QMessageBox *box = window.findChild<QMessageBox *>();
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY2(box->text().contains(u"$.profile"_s), qPrintable(box->text()));
    }

    void portErrorIsShownInTheWindow()
    {
        CaptureStore store;
        MainWindow window(&store);
        window.setServerState({}, u"Cannot listen on 127.0.0.1 port 10006: address in use"_s);
        window.show();
        bool shown = false;
        for (QLabel *label : window.findChildren<QLabel *>()) {
            if (label->isVisible() && label->text().contains(u"address in use"_s))
                shown = true;
        }
        QVERIFY(shown);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

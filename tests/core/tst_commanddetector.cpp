// SPDX-License-Identifier: MIT
#include "catalogue/catalogue.h"
#include "catalogue/commanddetector.h"

#include <QJsonDocument>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

static CapturedRequest request(const QString &path, const QString &query = {}, const QByteArray &body = {},
    const HeaderList &headers = {})
{
    CapturedRequest c;
    c.method = "POST";
    c.path = path;
    c.query = query;
    c.body = body;
    c.headers = headers;
    return c;
}

static QByteArray bodyWith(const QString &command)
{
    return R"({"callbackCommand":")" + command.toUtf8() + R"(","operationID":"op-body","sendID":"u1"})";
}

class TestCommandDetector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void styles_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("style");
        QTest::addColumn<QStringList>("warnings");

        const QString single = u"callbackBeforeSendSingleMsgCommand"_s;
        QTest::newRow("v3.4.2+ path segment") << u"/callbackExample/"_s + single << QString()
                                              << bodyWith(single) << single << u"path"_s << QStringList {};
        QTest::newRow("v3.0-3.4.0 command query")
            << u"/callbackExample"_s << u"command="_s + single << bodyWith(single) << single << u"query"_s
            << QStringList {};
        QTest::newRow("v2 body only")
            << u"/callback"_s << QString() << bodyWith(u"callbackWordFilterCommand"_s)
            << u"callbackWordFilterCommand"_s << u"body"_s << QStringList {u"legacy-name-retired"_s};
        QTest::newRow("path and body disagree")
            << u"/callbackExample/callbackAfterSendSingleMsgCommand"_s << QString() << bodyWith(single)
            << u"callbackAfterSendSingleMsgCommand"_s << u"path"_s << QStringList {u"styles-disagree"_s};
        QTest::newRow("path and query disagree")
            << u"/callbackExample/"_s + single << u"command=callbackAfterSendSingleMsgCommand"_s
            << bodyWith(single) << single << u"path"_s << QStringList {u"styles-disagree"_s};
        QTest::newRow("trailing slash in webhooks url")
            << u"/callbackExample//"_s + single << QString() << bodyWith(single) << single << u"path"_s
            << QStringList {u"double-slash"_s};
        QTest::newRow("any base path works when configured elsewhere")
            << u"/hooks/openim/"_s + single << QString() << bodyWith(single) << single << u"path"_s
            << QStringList {u"outside-base-path"_s};
        QTest::newRow("legacy v3.4 name in path")
            << u"/callbackExample/callbackMsgModifyCommand"_s << QString()
            << bodyWith(u"callbackMsgModifyCommand"_s) << u"callbackMsgModifyCommand"_s << u"path"_s
            << QStringList {u"legacy-name"_s};
        QTest::newRow("unknown command is still a command")
            << u"/callbackExample/callbackBeforeTeleportCommand"_s << QString()
            << bodyWith(u"callbackBeforeTeleportCommand"_s) << u"callbackBeforeTeleportCommand"_s << u"path"_s
            << QStringList {u"unknown-command"_s};
        QTest::newRow("nothing at all") << u"/"_s << QString() << QByteArray("plain text") << QString()
                                        << u"none"_s << QStringList {u"body-not-json"_s, u"no-command"_s};
        QTest::newRow("base path alone, empty body")
            << u"/callbackExample"_s << QString() << QByteArray() << QString() << u"none"_s
            << QStringList {u"no-command"_s};
    }

    void styles()
    {
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(QByteArray, body);
        QFETCH(QString, command);
        QFETCH(QString, style);
        QFETCH(QStringList, warnings);
        CommandDetector detector(Catalogue::instance());
        CapturedRequest c = request(path, query, body, {{"operationID", "op-1"}});
        detector.detect(c);
        QCOMPARE(c.command, command);
        QCOMPARE(urlStyleName(c.urlStyle), style);
        QStringList codes;
        for (const auto &w : c.warnings)
            codes.append(w.code);
        QCOMPARE(codes, warnings);
        for (const auto &w : c.warnings)
            QVERIFY2(!w.text(false).contains(u"%"_s), qPrintable(w.text(false))); // every argument filled in
    }

    void canonicalNames()
    {
        CommandDetector detector(Catalogue::instance());
        CapturedRequest c = request(u"/callbackExample/callbackSuperGroupOnlinePushCommand"_s);
        detector.detect(c);
        QCOMPARE(c.canonicalCommand, u"callbackBeforeGroupOnlinePushCommand"_s);
        QVERIFY(c.isKnownCommand());
        c = request(u"/callbackExample/callbackBeforeTeleportCommand"_s);
        detector.detect(c);
        QVERIFY(!c.isKnownCommand());
    }

    void operationIdInAnyCase_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("as documented") << QByteArray("operationID");
        QTest::newRow("Go canonical form") << QByteArray("Operationid");
        QTest::newRow("lower case") << QByteArray("operationid");
    }

    void operationIdInAnyCase()
    {
        QFETCH(QByteArray, header);
        CommandDetector detector(Catalogue::instance());
        CapturedRequest c =
            request(u"/callbackExample/callbackAfterUserOnlineCommand"_s, {}, "{}", {{header, "op-42"}});
        detector.detect(c);
        QCOMPARE(c.operationID, u"op-42"_s);
        QVERIFY(!c.hasWarning(u"no-operation-id"_s));
    }

    void operationIdFallsBackToBody()
    {
        CommandDetector detector(Catalogue::instance());
        CapturedRequest c = request(u"/callbackExample/callbackBeforeSendSingleMsgCommand"_s, {},
            bodyWith(u"callbackBeforeSendSingleMsgCommand"_s));
        detector.detect(c);
        QCOMPARE(c.operationID, u"op-body"_s);
        QVERIFY(c.hasWarning(u"no-operation-id"_s));
    }

    void keyParameterIsDecoded()
    {
        const QByteArray key = QByteArray(R"({"sendID":"u1","recvID":"u2","groupID":""})").toBase64();
        CommandDetector detector(Catalogue::instance());
        CapturedRequest c = request(u"/callbackExample/callbackAfterSendSingleMsgCommand"_s,
            u"key="_s + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(key))), "{}",
            {{"operationID", "1"}});
        detector.detect(c);
        QCOMPARE(c.keyData.value(u"sendID"_s).toString(), u"u1"_s);
        QCOMPARE(c.keyData.value(u"recvID"_s).toString(), u"u2"_s);
        QVERIFY(c.warnings.isEmpty());

        c = request(u"/callbackExample/callbackAfterSendSingleMsgCommand"_s, u"key=%%%not-base64"_s, "{}",
            {{"operationID", "1"}});
        detector.detect(c);
        QVERIFY(c.keyData.isEmpty());
        QVERIFY(c.hasWarning(u"key-undecodable"_s));
    }

    void basePathIsNormalised()
    {
        QCOMPARE(CommandDetector::normalizeBasePath(u"/callbackExample/"_s), u"/callbackExample"_s);
        QCOMPARE(CommandDetector::normalizeBasePath(u"hooks"_s), u"/hooks"_s);
        QCOMPARE(CommandDetector::normalizeBasePath(u"/"_s), QString());
        CommandDetector root(Catalogue::instance(), u"/"_s);
        CapturedRequest c = request(u"/callbackAfterUserOnlineCommand"_s, {}, "{}", {{"operationID", "1"}});
        root.detect(c);
        QCOMPARE(c.command, u"callbackAfterUserOnlineCommand"_s);
        QVERIFY(c.warnings.isEmpty());
    }

    void everySampleIsRecognised()
    {
        CommandDetector detector(Catalogue::instance());
        for (const auto &spec : Catalogue::instance().commands()) {
            CapturedRequest c = request(u"/callbackExample/"_s + spec.command, {},
                QJsonDocument(spec.sampleRequest).toJson(QJsonDocument::Compact), {{"Operationid", "op"}});
            detector.detect(c);
            QCOMPARE(c.canonicalCommand, spec.command);
            QVERIFY2(c.warnings.isEmpty(), qPrintable(spec.command));
        }
    }
};

QTEST_GUILESS_MAIN(TestCommandDetector)
#include "tst_commanddetector.moc"

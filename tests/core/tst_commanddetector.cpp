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

// A warning's code and arguments, for QCOMPARE.
static QStringList versionWarning(const CapturedRequest &c)
{
    for (const CaptureWarning &w : c.warnings) {
        if (w.code.startsWith(QLatin1String("version-")))
            return QStringList {w.code} + w.args;
    }
    return {};
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

    // A request the chosen profile's OpenIM never sends names the versions it looks like.
    void otherVersionsRequests_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QStringList>("warning");
        const QByteArray secret =
            R"({"callbackCommand":"callbackBeforeUserRegisterCommand","secret":"openIM123","users":[]})";
        QTest::newRow("secret on v3.8.2")
            << u"callbackBeforeUserRegisterCommand"_s << secret << u"v3.8.2"_s
            << QStringList {u"version-fields"_s, u"v3.8.2"_s, u"secret"_s, u"v3.7, v3.8.0"_s};
        QTest::newRow("secret on v3.8.0")
            << u"callbackBeforeUserRegisterCommand"_s << secret << u"v3.8.0"_s << QStringList {};
        QTest::newRow("no secret on v3.7")
            << u"callbackAfterUserRegisterCommand"_s
            << QByteArray(R"({"callbackCommand":"callbackAfterUserRegisterCommand","users":[]})") << u"v3.7"_s
            << QStringList {u"version-fields"_s, u"v3.7"_s, u"secret"_s, u"v3.8.1, v3.8.2, main"_s};
        const QByteArray online =
            R"({"callbackCommand":"callbackAfterUserOnlineCommand","userID":"u1","platformID":2,"connID":""})";
        QTest::newRow("online, connID empty, on v3.7")
            << u"callbackAfterUserOnlineCommand"_s << online << u"v3.7"_s
            << QStringList {u"version-fields"_s, u"v3.7"_s, u"connID"_s, u"v3.8.2, main"_s};
        QTest::newRow("online on v3.8.0") << u"callbackAfterUserOnlineCommand"_s << online << u"v3.8.0"_s
                                          << QStringList {u"version-command"_s, u"v3.8.0"_s,
                                                 u"callbackAfterUserOnlineCommand"_s, u"v3.8.2, main"_s};
        QTest::newRow("online, connID empty, on v3.8.2")
            << u"callbackAfterUserOnlineCommand"_s << online << u"v3.8.2"_s << QStringList {};
        const QByteArray join =
            R"({"callbackCommand":"callbackBeforeMemberJoinGroupCommand","groupID":"g","userID":"u","ex":"","groupEx":""})";
        QTest::newRow("v3.7 member join on v3.8.2")
            << u"callbackBeforeMemberJoinGroupCommand"_s << join << u"v3.8.2"_s
            << QStringList {
                   u"version-command"_s, u"v3.8.2"_s, u"callbackBeforeMemberJoinGroupCommand"_s, u"v3.7"_s};
        QTest::newRow("v3.7 member join on v3.7")
            << u"callbackBeforeMemberJoinGroupCommand"_s << join << u"v3.7"_s << QStringList {};
        const QByteArray msg =
            R"({"callbackCommand":"callbackBeforeSendSingleMsgCommand","sendID":"a","recvID":"b","sessionType":1})";
        QTest::newRow("message without sendTime on v3.8.2")
            << u"callbackBeforeSendSingleMsgCommand"_s << msg << u"v3.8.2"_s
            << QStringList {u"version-fields"_s, u"v3.8.2"_s, u"sendTime"_s, u"v3.7, v3.8.0"_s};
        QTest::newRow("kick with a reason on v3.8.0")
            << u"callbackAfterKickGroupCommand"_s
            << QByteArray(
                   R"({"callbackCommand":"callbackAfterKickGroupCommand","groupID":"g","reason":"spam"})")
            << u"v3.8.0"_s
            << QStringList {u"version-fields"_s, u"v3.8.0"_s, u"reason"_s, u"v3.8.1, v3.8.2, main"_s};
        QTest::newRow("set group info ex on v3.7")
            << u"callbackAfterSetGroupInfoExCommand"_s
            << QByteArray(R"({"callbackCommand":"callbackAfterSetGroupInfoExCommand","groupID":"g"})")
            << u"v3.7"_s
            << QStringList {u"version-command"_s, u"v3.7"_s, u"callbackAfterSetGroupInfoExCommand"_s,
                   u"v3.8.1, v3.8.2, main"_s};
        QTest::newRow("kick-off: no version sends it")
            << u"callbackAfterUserKickOffCommand"_s
            << QByteArray(R"({"callbackCommand":"callbackAfterUserKickOffCommand","userID":"u"})")
            << u"main"_s
            << QStringList {
                   u"version-never-sends"_s, u"main"_s, u"callbackAfterUserKickOffCommand"_s, QString()};
        QTest::newRow("afterMsgSaveDB on v3.8.2: the branch has it")
            << u"callbackAfterMsgSaveDBCommand"_s
            << QByteArray(R"({"callbackCommand":"callbackAfterMsgSaveDBCommand","sendID":"a","sendTime":1})")
            << u"v3.8.2"_s
            << QStringList {
                   u"version-branch-only"_s, u"v3.8.2"_s, u"callbackAfterMsgSaveDBCommand"_s, u"main"_s};
        QTest::newRow("afterMsgSaveDB on v3.8.1")
            << u"callbackAfterMsgSaveDBCommand"_s
            << QByteArray(R"({"callbackCommand":"callbackAfterMsgSaveDBCommand","sendID":"a","sendTime":1})")
            << u"v3.8.1"_s
            << QStringList {u"version-command"_s, u"v3.8.1"_s, u"callbackAfterMsgSaveDBCommand"_s, u"main"_s};
        QTest::newRow("v3.6 is not checked")
            << u"callbackBeforeUserRegisterCommand"_s << secret << u"v3.6"_s << QStringList {};
        QTest::newRow("no profile, no check")
            << u"callbackBeforeUserRegisterCommand"_s << secret << QString() << QStringList {};
    }

    void otherVersionsRequests()
    {
        QFETCH(QString, command);
        QFETCH(QByteArray, body);
        QFETCH(QString, profile);
        QFETCH(QStringList, warning);
        CommandDetector detector(Catalogue::instance());
        CapturedRequest c = request(u"/callbackExample/"_s + command, {}, body, {{"operationID", "op"}});
        detector.detect(c, profile);
        QCOMPARE(versionWarning(c), warning);
        if (!warning.isEmpty())
            QVERIFY(
                c.warnings.last().text(false).contains(u"switch profile?"_s) == !warning.last().isEmpty());
    }

    // OpenIM v3.7.0 - v3.8.0 send their admin secret to the business server: said whatever the profile.
    void adminSecretIsFlagged()
    {
        CommandDetector detector(Catalogue::instance());
        CapturedRequest c = request(u"/callbackExample/callbackAfterUserRegisterCommand"_s, {},
            R"({"callbackCommand":"callbackAfterUserRegisterCommand","secret":"openIM123","users":[]})",
            {{"operationID", "op"}});
        detector.detect(c);
        QVERIFY(c.hasWarning(u"secret-leaked"_s));
        QVERIFY2(c.warnings.last().text(false).contains(u"this OpenIM version (v3.7, v3.8.0) leaks"_s),
            qPrintable(c.warnings.last().text(false)));
        CapturedRequest none = request(u"/callbackExample/callbackAfterUserRegisterCommand"_s, {},
            R"({"callbackCommand":"callbackAfterUserRegisterCommand","users":[]})", {{"operationID", "op"}});
        detector.detect(none);
        QVERIFY(none.warnings.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCommandDetector)
#include "tst_commanddetector.moc"

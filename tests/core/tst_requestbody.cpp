// SPDX-License-Identifier: MIT
#include "capture/requestbody.h"
#include "catalogue/catalogue.h"

#include <QJsonDocument>
#include <QTest>

using namespace cbi;

// The fast scan must never accept what QJsonDocument rejects, nor read other strings than it.
class TestRequestBody : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scan_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<bool>("fast"); // expected: the scan answers without Qt
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("operation");
        const QString cmd = QStringLiteral("callbackBeforeSendSingleMsgCommand");
        auto q = [](const char *text) { return QByteArray(text).replace('\'', '"'); };
        QTest::newRow("typical") << q("{'callbackCommand':'callbackBeforeSendSingleMsgCommand',"
                                      "'operationID':'op1','sendID':'u1','seq':12,'ok':true,'x':null}")
                                 << true << cmd << QStringLiteral("op1");
        QTest::newRow("whitespace") << q(" \n{ 'callbackCommand' : 'a' ,\t'operationID':'b' }\r\n") << true
                                    << QStringLiteral("a") << QStringLiteral("b");
        QTest::newRow("empty object") << q("{}") << true << QString() << QString();
        QTest::newRow("chinese") << QByteArray(
            "{\"content\":\"\xe4\xbd\xa0\xe5\xa5\xbd\",\"operationID\":\"\xe6\x93\x8d\"}")
                                 << true << QString() << QStringLiteral("\u64cd");
        QTest::newRow("emoji") << QByteArray("{\"content\":\"\xf0\x9f\x98\x80\"}") << true << QString()
                               << QString();
        QTest::newRow("escapes elsewhere") << q("{'content':'{\\'a\\':1}\\n\\u00e9','callbackCommand':'c'}")
                                           << true << QStringLiteral("c") << QString();
        QTest::newRow("nested") << q("{'a':[1,-2.5e3,{'b':[[],{}]}],'operationID':'o'}") << true << QString()
                                << QStringLiteral("o");
        QTest::newRow("numbers") << q("{'a':0,'b':-0.0,'c':1E+2,'d':123456789012345}") << true << QString()
                                 << QString();
        // The scan gives up; Qt decides.
        QTest::newRow("escaped target")
            << q("{'callbackCommand':'a\\u0062'}") << false << QStringLiteral("ab") << QString();
        QTest::newRow("escaped key") << q("{'callback\\u0043ommand':'x'}") << false << QStringLiteral("x")
                                     << QString();
        QTest::newRow("duplicate target")
            << q("{'operationID':'a','operationID':'b'}") << false << QString() << QString();
        QTest::newRow("non-string target") << q("{'operationID':5}") << false << QString() << QString();
        QTest::newRow("surrogate escape") << q("{'a':'\\ud83d\\ude00'}") << false << QString() << QString();
        QTest::newRow("huge exponent") << q("{'a':1e999}") << false << QString() << QString();
        // Not JSON objects at all.
        QTest::newRow("array") << q("[1]") << false << QString() << QString();
        QTest::newRow("trailing comma") << q("{'a':1,}") << false << QString() << QString();
        QTest::newRow("single quotes") << QByteArray("{'a':1}") << false << QString() << QString();
        QTest::newRow("garbage after") << q("{'a':1}x") << false << QString() << QString();
        QTest::newRow("control char") << QByteArray("{\"a\":\"x\ty\"}") << false << QString() << QString();
        QTest::newRow("bad utf8") << QByteArray("{\"a\":\"\xc0\xaf\"}") << false << QString() << QString();
        QTest::newRow("utf8 surrogate")
            << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << false << QString() << QString();
        QTest::newRow("truncated") << q("{'a':'b") << false << QString() << QString();
        QTest::newRow("leading zero") << q("{'a':01}") << false << QString() << QString();
        QTest::newRow("bare word") << q("{'a':tru}") << false << QString() << QString();
        QTest::newRow("form body") << QByteArray("a=1&b=2") << false << QString() << QString();
    }

    void scan()
    {
        QFETCH(QByteArray, raw);
        QFETCH(bool, fast);
        QFETCH(QString, command);
        QFETCH(QString, operation);
        QString c;
        QString o;
        QCOMPARE(RequestBody::scan(raw, &c, &o), fast);
        const QJsonDocument doc = QJsonDocument::fromJson(raw);
        if (fast) {
            QVERIFY(doc.isObject());
            QCOMPARE(c, command);
            QCOMPARE(o, operation);
        }
        // Whichever way it went, the summary is what Qt's parse says.
        const RequestBody::Summary s = RequestBody(raw).summary();
        QCOMPARE(s.isObject, doc.isObject());
        QCOMPARE(s.error.isEmpty(), doc.isObject());
        QCOMPARE(s.callbackCommand, doc.object().value(QLatin1String("callbackCommand")).toString());
        QCOMPARE(s.operationID, doc.object().value(QLatin1String("operationID")).toString());
    }

    void emptyBodyIsNotAnError()
    {
        for (const QByteArray &raw : {QByteArray(), QByteArray(" \r\n")}) {
            const RequestBody::Summary s = RequestBody(raw).summary();
            QVERIFY(s.empty);
            QVERIFY(!s.isObject);
            QVERIFY(s.error.isEmpty());
        }
    }

    // Real OpenIM bodies take the fast path, pretty-printed or compact.
    void catalogueSamplesScanFast()
    {
        const auto &catalogue = Catalogue::instance();
        QVERIFY(!catalogue.commands().isEmpty());
        for (const auto &spec : catalogue.commands()) {
            QJsonObject sample = spec.sampleRequest;
            sample.insert(QStringLiteral("callbackCommand"), spec.command);
            for (auto format : {QJsonDocument::Compact, QJsonDocument::Indented}) {
                QString c;
                QString o;
                QVERIFY2(RequestBody::scan(QJsonDocument(sample).toJson(format), &c, &o),
                    qPrintable(spec.command));
                QCOMPARE(c, spec.command);
            }
        }
    }

    void objectIsParsedOnceAndShared()
    {
        const RequestBody body(QByteArrayLiteral("{\"a\":{\"b\":2}}"));
        const RequestBody copy = body;
        QCOMPARE(copy.object().value(QLatin1String("a")).toObject().value(QLatin1String("b")).toInt(), 2);
        QCOMPARE(body.value(QLatin1String("a")).toObject().value(QLatin1String("b")).toInt(), 2);
        const RequestBody fromObject(QJsonObject {{QStringLiteral("operationID"), QStringLiteral("x")}});
        QCOMPARE(fromObject.summary().operationID, QStringLiteral("x"));
        QVERIFY(fromObject.summary().isObject);
    }
};

QTEST_GUILESS_MAIN(TestRequestBody)
#include "tst_requestbody.moc"

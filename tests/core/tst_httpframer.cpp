// SPDX-License-Identifier: MIT
#include "server/httpframer.h"

#include <QTest>

using namespace cbi;
using Event = HttpFramer::Event;

static QList<Event> events(const QList<HttpFramer::Output> &outputs)
{
    QList<Event> out;
    for (const auto &o : outputs)
        out.append(o.event);
    return out;
}

static QList<HttpFramer::Output> feedBytewise(HttpFramer &framer, const QByteArray &data)
{
    QList<HttpFramer::Output> out;
    for (char ch : data)
        out += framer.feed(QByteArrayView(&ch, 1));
    return out;
}

class TestHttpFramer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void contentLengthRequest()
    {
        HttpFramer framer;
        const auto out =
            framer.feed("POST /cb/x HTTP/1.1\r\nHost: a\r\noperationID: 7\r\nContent-Length: 5\r\n\r\nhello");
        QCOMPARE(events(out), (QList<Event> {Event::Head, Event::Complete}));
        const RequestHead &h = out.first().head;
        QCOMPARE(h.method, QByteArray("POST"));
        QCOMPARE(h.target, QByteArray("/cb/x"));
        QCOMPARE(h.version, QByteArray("HTTP/1.1"));
        QCOMPARE(h.contentLength, 5);
        QCOMPARE(h.header("OPERATIONID"), QByteArray("7"));
        QVERIFY(h.keepAlive);
        QCOMPARE(out.at(1).body, QByteArray("hello"));
        QVERIFY(framer.idle());
    }

    void splitAnywhere()
    {
        const QByteArray two = "POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
                               "PROPFIND /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
        HttpFramer framer;
        const auto out = feedBytewise(framer, two);
        QCOMPARE(events(out), (QList<Event> {Event::Head, Event::Complete, Event::Head, Event::Complete}));
        QCOMPARE(out.at(1).body, QByteArray("abc"));
        QCOMPARE(out.at(3).body, QByteArray());
        QCOMPARE(out.at(2).head.method, QByteArray("PROPFIND"));
        QCOMPARE(out.at(2).head.version, QByteArray("HTTP/1.0"));
        QVERIFY(out.at(2).head.keepAlive);
    }

    void connectionSemantics_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("1.1 default") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true;
        QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nConnection: close\r\n\r\n") << false;
        QTest::newRow("1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("1.0 keep-alive")
            << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true;
    }

    void connectionSemantics()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, keepAlive);
        HttpFramer framer;
        const auto out = framer.feed(request);
        QCOMPARE(out.size(), 2);
        QCOMPARE(out.first().head.keepAlive, keepAlive);
    }

    void chunkedBody()
    {
        HttpFramer framer;
        const QByteArray req =
            "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"
            "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n"
            "GET /next HTTP/1.1\r\n\r\n";
        const auto out = feedBytewise(framer, req);
        QCOMPARE(events(out), (QList<Event> {Event::Head, Event::Complete, Event::Head, Event::Complete}));
        QVERIFY(out.first().head.chunked);
        QVERIFY(out.first().head.expectContinue);
        QCOMPARE(out.at(1).body, QByteArray("hello world")); // de-chunked, extensions and trailer dropped
        QCOMPARE(out.at(2).head.target, QByteArray("/next"));
    }

    void limits()
    {
        HttpFramer framer({256, 100});
        auto out = framer.feed("POST /x HTTP/1.1\r\nContent-Length: 101\r\n\r\n");
        QCOMPARE(events(out), QList<Event> {Event::BodyTooLarge});
        QCOMPARE(out.first().head.contentLength, 101);
        QVERIFY(framer.failed());
        QVERIFY(framer.feed("more").isEmpty());

        HttpFramer chunked({256, 10});
        out = chunked.feed("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n");
        QCOMPARE(events(out), (QList<Event> {Event::Head, Event::BodyTooLarge}));

        HttpFramer headers({256, 10});
        out = headers.feed(QByteArray("GET /x HTTP/1.1\r\nX-Big: " + QByteArray(300, 'a')));
        QCOMPARE(events(out), QList<Event> {Event::HeaderTooLarge});
        QCOMPARE(out.first().head.target, QByteArray("/x")); // what is known is kept for the capture
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("TLS ClientHello") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11);
        QTest::newRow("method too long") << QByteArray(40, 'A');
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n");
        // The body's length must be certain (RFC 9112 6.3).
        QTest::newRow("negative Content-Length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n");
        QTest::newRow("Content-Length not a number")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n");
        QTest::newRow("Content-Length too large")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n");
        QTest::newRow("two Content-Lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 10\r\nContent-Length: 12\r\n\r\n");
        QTest::newRow("Content-Length and Transfer-Encoding")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n");
        QTest::newRow("Transfer-Encoding gzip")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n");
        QTest::newRow("chunked, then gzip")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n");
        QTest::newRow("bad chunk size")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    }

    void malformed()
    {
        QFETCH(QByteArray, data);
        HttpFramer framer;
        const auto out = framer.feed(data);
        QVERIFY(!out.isEmpty());
        QCOMPARE(out.last().event, Event::Malformed);
        QVERIFY(!out.last().reason.isEmpty());
    }

    void sameContentLengthTwiceIsOne()
    {
        HttpFramer framer;
        const auto out = framer.feed("POST / HTTP/1.1\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\n{}");
        QCOMPARE(events(out), (QList<Event> {Event::Head, Event::Complete}));
        QCOMPARE(out.last().body, QByteArray("{}"));
    }

    void leadingBlankLinesAreSkipped()
    {
        HttpFramer framer;
        const auto out = framer.feed("\r\n\r\nGET / HTTP/1.1\r\n\r\n");
        QCOMPARE(events(out), (QList<Event> {Event::Head, Event::Complete}));
    }
};

QTEST_GUILESS_MAIN(TestHttpFramer)
#include "tst_httpframer.moc"

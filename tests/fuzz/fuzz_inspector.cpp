// SPDX-License-Identifier: MIT
// libFuzzer target over everything that reads outside input: the HTTP framer (bytes in any
// chunking), the fast JSON scan (against Qt's parser), command detection, scenario files, the verdict's JSON
// decoding, capture imports, webhooks.yml and control API requests. The first byte picks the reader. Build:
// cmake --preset fuzz; run: scripts/fuzz.sh.
#include "capture/capturestore.h"
#include "capture/requestbody.h"
#include "catalogue/catalogue.h"
#include "catalogue/commanddetector.h"
#include "control/controlapi.h"
#include "export/capturereader.h"
#include "http/httpframer.h"
#include "integration/webhooksconfig.h"
#include "rules/ruleengine.h"
#include "verdict/verdictengine.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace cbi;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int mode = data[0] % 8;
    const int chunk = 1 + data[1] % 64;
    const QByteArray input(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    switch (mode) {
    case 0: {
        HttpFramer framer(HttpFramer::Limits {4096, 1 << 20});
        for (qsizetype i = 0; i < input.size(); i += chunk)
            framer.feed(QByteArrayView(input.constData() + i, qMin<qsizetype>(chunk, input.size() - i)));
        break;
    }
    case 1: {
        CapturedRequest c;
        const qsizetype nl = input.indexOf('\n');
        c.path = QString::fromLatin1(nl < 0 ? QByteArray("/callbackExample/x") : input.left(nl));
        c.query = QStringLiteral("key=") + QString::fromLatin1(input.left(40).toBase64());
        c.body = nl < 0 ? input : input.mid(nl + 1);
        c.headers = {{"operationID", input.left(8)}};
        const RequestBody body = CommandDetector(Catalogue::instance()).detect(c);
        RuleEngine engine;
        engine.answer(c, body);
        break;
    }
    case 2: {
        QString error;
        if (const auto scenario = Scenario::fromJson(input, &error)) {
            RuleEngine engine(*scenario, 1);
            CapturedRequest c;
            c.command = c.canonicalCommand = QStringLiteral("callbackBeforeSendSingleMsgCommand");
            c.body = R"({"sendID":"a","content":"{\"content\":\"x\"}","userIDList":["u"]})";
            engine.answer(c, QJsonDocument::fromJson(c.body).object());
            (void)Scenario::fromJson(scenario->toJson(), &error);
        }
        break;
    }
    case 3: {
        VerdictEngine::Input in;
        in.command = data[1] % 2 ? QStringLiteral("callbackBeforeMsgModifyCommand")
                                 : QStringLiteral("callbackBeforeSetGroupInfoExCommand");
        in.reply.body = input;
        in.profile = Profile(data[1] % 6);
        (void)VerdictEngine::compute(in);
        break;
    }
    case 4: {
        QList<CapturedRequest> captures;
        QString error;
        CaptureReader::read(input, &captures, &error);
        break;
    }
    case 5: {
        QString error;
        (void)WebhooksConfig::parse(input, &error);
        break;
    }
    case 7: {
        // A control API request: "METHOD TARGET" on the first line, then header lines, an empty line
        // and the body; sent from loopback with JSON, so that the guard lets it through to the routes.
        static int argc = 1;
        static char name[] = "fuzz";
        static char *argv[] = {name, nullptr};
        static QCoreApplication app(argc, argv); // waits and streams start timers
        static CaptureStore store;
        static RuleEngine engine;
        static ControlApi api(&store, &engine);
        if (store.size() == 0) {
            CapturedRequest seed;
            seed.id = 1;
            seed.method = "POST";
            seed.path = QStringLiteral("/callbackExample/callbackBeforeSendSingleMsgCommand");
            seed.command = seed.canonicalCommand = QStringLiteral("callbackBeforeSendSingleMsgCommand");
            seed.body = R"({"sendID":"a"})";
            store.append(seed);
            store.flush();
        }
        CapturedRequest request;
        const qsizetype headEnd = input.indexOf("\n\n");
        const QList<QByteArray> lines = (headEnd < 0 ? input : input.left(headEnd)).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).split(' ');
        request.method = requestLine.value(0);
        const QByteArray target = "/__inspector/" + requestLine.value(1);
        const qsizetype q = target.indexOf('?');
        request.path = QString::fromLatin1(q < 0 ? target : target.left(q));
        request.query = q < 0 ? QString() : QString::fromLatin1(target.mid(q + 1));
        request.headers = {{"Host", "127.0.0.1"}, {"Content-Type", "application/json"}};
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.prepend({lines.at(i).left(colon), lines.at(i).mid(colon + 1).trimmed()});
        }
        request.body = headEnd < 0 ? QByteArray() : input.mid(headEnd + 2);
        api.handle(request, [](const ControlApi::Response &r) {
            if (r.status < 100 || r.status > 599)
                __builtin_trap();
        });
        if (engine.scenario().rules.size() > 100)
            engine.setScenario({}); // keep each run small
        QCoreApplication::processEvents();
        break;
    }
    case 6: {
        // Differential: whatever the fast scan accepts, QJsonDocument accepts with the same strings.
        QString command;
        QString operation;
        if (RequestBody::scan(input, &command, &operation)) {
            const QJsonDocument doc = QJsonDocument::fromJson(input);
            if (!doc.isObject() || doc.object().value(QLatin1String("callbackCommand")).toString() != command
                || doc.object().value(QLatin1String("operationID")).toString() != operation)
                __builtin_trap();
        }
        break;
    }
    }
    return 0;
}

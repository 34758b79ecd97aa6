// SPDX-License-Identifier: MIT
// cURL export and Copy as cURL against hostile captures: the commands are run by sh (dash) and bash
// with a stub curl first on PATH, which records its arguments and stdin. Nothing but curl may run,
// and curl must get every byte of the capture as it was.
#include "export/capturewriter.h"
#include "export/curlcommand.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {
// What an attacker may put in any field: shell syntax, quotes, line breaks, substitutions, options,
// printf's own syntax, curl's @file syntax, invalid UTF-8 and characters terminals act on.
const QList<QByteArray> &payloads()
{
    static const QList<QByteArray> list = {
        "`touch pwned-backtick`",
        "$(touch pwned-subst)",
        "'; touch pwned-quote; '",
        "\"; touch pwned-dquote; \"",
        "a\nb; touch pwned-newline\n",
        "x\r\ntouch pwned-crlf\r",
        "|&;<>()$`\\\"' \t*?[#~=%!{}^",
        QByteArray("\xff\xfe\x80 not utf-8 \xc3"),
        "-o pwned-option",
        "%s%n%%\\n\\0\\101\\",
        "@/etc/hostname",
        "x\n\n",
        "$IFS${PATH}$((1+1))~root",
        "\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xe2\x80\xae bidi",
        "\x1b]0;title\x07 \x7f \x01",
        "\xc2\x9b C1",
        "tag \xf3\xa0\x81\x81 \xf0\x9f\x98\x80",
        "[1-3]{a,b}",
        "x",
    };
    return list;
}

CapturedRequest hostile(quint64 id, const QByteArray &p)
{
    CapturedRequest c;
    c.id = id;
    c.method = p;
    c.path = u"/callbackExample/"_s + QString::fromLatin1(p);
    c.query = u"q="_s + QString::fromLatin1(p);
    c.headers = {{"Host", "127.0.0.1"}, {"X-" + p, p}, {"Operationid", "op"}, {"X-Empty", ""}};
    c.body = p;
    c.command = QString::fromLatin1(p);
    return c;
}

struct Run
{
    QList<QByteArray> args;
    QByteArray stdinBody; // when curl read its body from stdin
    bool readStdin = false;
};

class Sandbox
{
public:
    Sandbox()
    {
        QDir(m_dir.path()).mkpath(u"bin"_s);
        QDir(m_dir.path()).mkpath(u"out"_s);
        QDir(m_dir.path()).mkpath(u"work"_s);
        QFile stub(m_dir.filePath(u"bin/curl"_s));
        stub.open(QIODevice::WriteOnly);
        // One file of NUL-separated arguments per call; stdin too when the body is "@-".
        stub.write(
            "#!/bin/sh\n"
            "n=$(ls \"$CBI_OUT\" | grep -c '^args')\n"
            "printf '%s\\0' \"$@\" > \"$CBI_OUT/args.$n\"\n"
            "prev=\n"
            "for a in \"$@\"; do\n"
            "  if [ \"$prev\" = --data-binary ] && [ \"$a\" = @- ]; then cat > \"$CBI_OUT/body.$n\"; fi\n"
            "  prev=$a\n"
            "done\n");
        stub.close();
        stub.setPermissions(stub.permissions() | QFileDevice::ExeOwner);
    }

    // Runs the script with the shell; returns the calls curl saw.
    QList<Run> run(const QString &shell, const QByteArray &script, QString *failure)
    {
        for (const QString &sub : {u"out"_s, u"work"_s}) {
            QDir d(m_dir.filePath(sub));
            d.removeRecursively();
            QDir(m_dir.path()).mkpath(sub);
        }
        QFile file(m_dir.filePath(u"script.sh"_s));
        file.open(QIODevice::WriteOnly);
        file.write(script);
        file.close();
        QProcess p;
        QProcessEnvironment env;
        env.insert(u"PATH"_s, m_dir.filePath(u"bin"_s) + u":/usr/bin:/bin"_s);
        env.insert(u"CBI_OUT"_s, m_dir.filePath(u"out"_s));
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        env.insert(u"HOME"_s, m_dir.filePath(u"work"_s));
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_dir.filePath(u"work"_s));
        p.start(shell, {file.fileName()});
        p.closeWriteChannel();
        if (!p.waitForFinished(20000)) {
            *failure = u"%1 did not finish"_s.arg(shell);
            return {};
        }
        const QStringList left =
            QDir(m_dir.filePath(u"work"_s)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        if (!left.isEmpty())
            *failure = u"%1 ran more than curl: it created %2"_s.arg(shell, left.join(u", "_s));
        const QByteArray err = p.readAllStandardError();
        if (!err.isEmpty() && failure->isEmpty())
            *failure = u"%1 complained: %2"_s.arg(shell, QString::fromUtf8(err));
        QList<Run> runs;
        for (int n = 0;; ++n) {
            QFile args(m_dir.filePath(u"out/args.%1"_s.arg(n)));
            if (!args.open(QIODevice::ReadOnly))
                break;
            Run r;
            r.args = args.readAll().split('\0');
            r.args.removeLast(); // after the last terminator
            QFile body(m_dir.filePath(u"out/body.%1"_s.arg(n)));
            if ((r.readStdin = body.open(QIODevice::ReadOnly)))
                r.stdinBody = body.readAll();
            runs.append(r);
        }
        return runs;
    }

private:
    QTemporaryDir m_dir;
};

// The call curl must see for a capture, and the body it must send.
QString compare(const Run &run, const CapturedRequest &c, const QByteArray &base, const QByteArray &ca)
{
    QList<QByteArray> expected {"--globoff"};
    if (!ca.isEmpty())
        expected << "--cacert" << ca;
    expected << "-X" << c.method << base + c.path.toLatin1() + '?' + c.query.toLatin1();
    for (const auto &h : c.headers) {
        if (h.first != "Host")
            expected << "-H"
                     << QByteArray(h.second.isEmpty() ? QByteArray(h.first + ';')
                                                      : QByteArray(h.first + ": " + h.second));
    }
    expected << "--data-binary";
    QList<QByteArray> got = run.args;
    if (got.size() != expected.size() + 1)
        return u"%1 arguments instead of %2"_s.arg(got.size()).arg(expected.size() + 1);
    for (qsizetype i = 0; i < expected.size(); ++i) {
        if (got.at(i) != expected.at(i))
            return u"argument %1 is %2, not %3"_s.arg(i).arg(
                QString::fromLatin1(got.at(i).toPercentEncoding()),
                QString::fromLatin1(expected.at(i).toPercentEncoding()));
    }
    const QByteArray data = got.last();
    if (data == "@-") {
        if (!run.readStdin || run.stdinBody != c.body)
            return u"the body on stdin is %1"_s.arg(QString::fromLatin1(run.stdinBody.toPercentEncoding()));
    } else if (data != c.body || data.startsWith('@')) {
        return u"the body argument is %1"_s.arg(QString::fromLatin1(data.toPercentEncoding()));
    }
    return {};
}

// The command goes on the clipboard as text: printable, no terminal controls.
bool printable(const QString &command)
{
    for (const uint ch : command.toUcs4()) {
        if (ch == U'\n' || ch == U'\t')
            continue;
        if (QChar::category(ch) == QChar::Other_Control || QChar::category(ch) == QChar::Other_Format)
            return false;
    }
    return command.toUtf8().isValidUtf8();
}
} // namespace

class TestCurlCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        for (const QString &shell : {u"sh"_s, u"bash"_s}) {
            if (QStandardPaths::findExecutable(shell).isEmpty())
                QSKIP("sh and bash are needed");
        }
    }

    void shells_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::newRow("sh") << u"sh"_s;
        QTest::newRow("bash") << u"bash"_s;
    }

    // Copy as cURL: one command per capture, over http and over https with a CA file.
    void copyAsCurl_data() { shells_data(); }
    void copyAsCurl()
    {
        QFETCH(QString, shell);
        Sandbox sandbox;
        quint64 id = 0;
        for (const QByteArray &p : payloads()) {
            CapturedRequest c = hostile(++id, p);
            for (const bool https : {false, true}) {
                const QByteArray base = https ? "https://127.0.0.1:10006" : "http://127.0.0.1:10006";
                const QByteArray ca = https ? "/tmp/$(touch pwned-ca)/ca'.pem" : "";
                const QString command =
                    CurlCommand::forCapture(c, QString::fromUtf8(base), QString::fromUtf8(ca));
                QVERIFY2(printable(command), qPrintable(command));
                QString failure;
                const QList<Run> runs = sandbox.run(shell, command.toUtf8() + '\n', &failure);
                const QByteArray where = "payload " + p.toPercentEncoding() + ": " + command.toUtf8();
                QVERIFY2(failure.isEmpty(), qPrintable(failure + u"\n"_s + QString::fromUtf8(where)));
                QCOMPARE(runs.size(), 1);
                const QString diff = compare(runs.first(), c, base, ca);
                QVERIFY2(diff.isEmpty(), qPrintable(diff + u"\n"_s + QString::fromUtf8(where)));
            }
        }
    }

    // export --format curl: the whole script at once, with bodies holding NUL bytes as well.
    void exportScript_data() { shells_data(); }
    void exportScript()
    {
        QFETCH(QString, shell);
        QList<CapturedRequest> captures;
        quint64 id = 0;
        for (const QByteArray &p : payloads()) {
            captures.append(hostile(++id, p));
            CapturedRequest withNul = hostile(++id, p);
            withNul.body = p + QByteArray("\0; touch pwned-nul\0", 19) + p;
            captures.append(withNul);
        }
        QByteArray script;
        QBuffer buffer(&script);
        buffer.open(QIODevice::WriteOnly);
        CaptureWriter writer(&buffer, CaptureWriter::Format::Curl, u"http://127.0.0.1:10006"_s);
        writer.begin();
        for (const auto &c : captures)
            writer.write(c);
        writer.end();
        Sandbox sandbox;
        QString failure;
        const QList<Run> runs = sandbox.run(shell, script, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(printable(QString::fromUtf8(script)));
        QCOMPARE(runs.size(), captures.size());
        for (qsizetype i = 0; i < runs.size(); ++i) {
            const QString diff = compare(runs.at(i), captures.at(i), "http://127.0.0.1:10006", {});
            QVERIFY2(diff.isEmpty(),
                qPrintable(u"capture %1: "_s.arg(i + 1) + diff + u"\n"_s + QString::fromUtf8(script)));
        }
    }

    // Random bytes in every field (seeded, so a failure repeats): NUL only in bodies, which go
    // through stdin; header names start with X so that none is one curl computes itself.
    void randomBytes_data() { shells_data(); }
    void randomBytes()
    {
        QFETCH(QString, shell);
        QRandomGenerator generator(20261129);
        const auto bytes = [&generator](int maxLength, bool nul) {
            QByteArray out(generator.bounded(1, maxLength + 1), Qt::Uninitialized);
            for (char &ch : out) {
                do
                    ch = char(generator.bounded(256));
                while (!nul && ch == 0);
            }
            return out;
        };
        QList<CapturedRequest> captures;
        for (quint64 id = 1; id <= 60; ++id) {
            CapturedRequest c;
            c.id = id;
            c.method = bytes(12, false);
            c.path = QString::fromLatin1(bytes(40, false));
            c.query = QString::fromLatin1(bytes(20, false));
            c.headers = {{"X" + bytes(10, false), bytes(30, false)}, {"X-Second", bytes(30, false)}};
            c.body = bytes(200, true);
            c.command = QString::fromLatin1(bytes(20, false));
            captures.append(c);
        }
        QByteArray script;
        QBuffer buffer(&script);
        buffer.open(QIODevice::WriteOnly);
        CaptureWriter writer(&buffer, CaptureWriter::Format::Curl, u"http://127.0.0.1:10006"_s);
        writer.begin();
        for (const auto &c : captures)
            writer.write(c);
        writer.end();
        QVERIFY(printable(QString::fromUtf8(script)));
        Sandbox sandbox;
        QString failure;
        const QList<Run> runs = sandbox.run(shell, script, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(runs.size(), captures.size());
        for (qsizetype i = 0; i < runs.size(); ++i) {
            const QString diff = compare(runs.at(i), captures.at(i), "http://127.0.0.1:10006", {});
            QVERIFY2(diff.isEmpty(), qPrintable(u"capture %1: "_s.arg(i + 1) + diff));
        }
    }

    // What curl cannot send as it was is not turned into a different request: a comment instead.
    void unsendableCapturesBecomeComments_data() { shells_data(); }
    void unsendableCapturesBecomeComments()
    {
        QFETCH(QString, shell);
        CapturedRequest nulHeader = hostile(1, "$(touch pwned-h)");
        nulHeader.headers.append(qMakePair(QByteArray("X-Nul"), QByteArray("a\0; touch pwned-nul", 19)));
        CapturedRequest nulMethod = hostile(2, "x");
        nulMethod.method = QByteArray("PO\0ST", 5);
        CapturedRequest fileHeader = hostile(3, "x");
        fileHeader.headers.append(qMakePair(QByteArray("@/etc/hostname"), QByteArray("x")));
        CapturedRequest refused = hostile(4, "x"); // answered 400 before it was read whole
        refused.rejection = Rejection::Malformed;
        refused.method = "?";
        QCOMPARE(CurlCommand::forCapture(refused, u"http://127.0.0.1:1"_s),
            u"# capture 4 cannot be replayed with curl: the inspector refused it (malformed) and did not keep it whole"_s);
        Sandbox sandbox;
        for (const CapturedRequest &c : {nulHeader, nulMethod, fileHeader, refused}) {
            const QString command = CurlCommand::forCapture(c, u"http://127.0.0.1:1"_s);
            QVERIFY2(command.startsWith(u"# capture "_s), qPrintable(command));
            QVERIFY(!command.contains(QLatin1Char('\n')));
            QString failure;
            QCOMPARE(sandbox.run(shell, command.toUtf8() + '\n', &failure).size(), 0);
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
        }
    }

    void harmlessCapturesStayReadable()
    {
        // The everyday case reads as before: single quotes, the body inline.
        CapturedRequest c = hostile(1, "x");
        c.method = "POST";
        c.path = u"/callbackExample/callbackBeforeSendSingleMsgCommand"_s;
        c.query.clear();
        c.headers = {{"Host", "h"}, {"Content-Type", "application/json; charset=utf-8"}};
        c.body = "{\"sendID\":\"it's\"}";
        QCOMPARE(CurlCommand::forCapture(c, u"http://127.0.0.1:10006/"_s),
            u"curl --globoff -X 'POST' "
            u"'http://127.0.0.1:10006/callbackExample/callbackBeforeSendSingleMsgCommand' "
            "-H 'Content-Type: application/json; charset=utf-8' --data-binary '{\"sendID\":\"it'\\''s\"}'"_s);
    }
};

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"

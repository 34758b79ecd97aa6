// SPDX-License-Identifier: MIT
#include "scenarioreader.h"

#include "capture/httpsyntax.h"
#include "capture/verdict.h"
#include "catalogue/catalogue.h"
#include "jsonpath.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>

#include <limits>

namespace cbi {

bool ScenarioReader::fail(const QString &path, const QString &message)
{
    if (error.isEmpty())
        error = path + QStringLiteral(": ") + message;
    return false;
}

bool ScenarioReader::onlyKeys(const QJsonObject &o, const QString &path, const QStringList &allowed)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!allowed.contains(it.key()))
            return fail(path,
                QStringLiteral("unknown key \"%1\" (expected one of: %2)")
                    .arg(it.key(), allowed.join(QStringLiteral(", "))));
    }
    return true;
}

bool ScenarioReader::readInt(
    const QJsonObject &o, const QString &key, const QString &path, int *out, int min, int max)
{
    if (!o.contains(key))
        return true;
    const QJsonValue v = o.value(key);
    const double d = v.toDouble(-1e300);
    if (!v.isDouble() || d != double(qint64(d)) || d < min || d > max)
        return fail(path + QLatin1Char('.') + key,
            QStringLiteral("expected a whole number from %1 to %2").arg(min).arg(max));
    *out = int(d);
    return true;
}

bool ScenarioReader::readString(const QJsonObject &o, const QString &key, const QString &path, QString *out)
{
    if (!o.contains(key))
        return true;
    if (!o.value(key).isString())
        return fail(path + QLatin1Char('.') + key, QStringLiteral("expected a string"));
    *out = o.value(key).toString();
    return true;
}

bool ScenarioReader::readDelay(const QJsonValue &value, const QString &path, DelaySpec *d)
{
    if (value.isDouble()) {
        d->kind = DelaySpec::Kind::Fixed;
        return readInt(QJsonObject {{QStringLiteral("fixed"), value}}, QStringLiteral("fixed"), path, &d->ms,
            0, 3600000);
    }
    if (!value.isObject() || value.toObject().size() != 1)
        return fail(path,
            QStringLiteral(
                "expected {\"fixed\": ms}, {\"uniform\": [min, max]}, {\"lognormal\": {\"median\": ms, "
                "\"sigma\": s, \"max\": ms}} or {\"pastTimeout\": marginMs}"));
    const QJsonObject o = value.toObject();
    const QString kind = o.begin().key();
    if (kind == QLatin1String("fixed")) {
        d->kind = DelaySpec::Kind::Fixed;
        return readInt(o, kind, path, &d->ms, 0, 3600000);
    }
    if (kind == QLatin1String("uniform")) {
        const QJsonArray a = o.value(kind).toArray();
        if (a.size() != 2 || !a.at(0).isDouble() || !a.at(1).isDouble() || a.at(0).toInt() < 0
            || a.at(0).toInt() > a.at(1).toInt())
            return fail(path + QStringLiteral(".uniform"),
                QStringLiteral("expected [min, max] in ms with 0 <= min <= max"));
        d->kind = DelaySpec::Kind::Uniform;
        d->minMs = a.at(0).toInt();
        d->maxMs = a.at(1).toInt();
        return true;
    }
    if (kind == QLatin1String("lognormal")) {
        const QJsonObject l = o.value(kind).toObject();
        const QString p = path + QStringLiteral(".lognormal");
        if (!onlyKeys(l, p, {QStringLiteral("median"), QStringLiteral("sigma"), QStringLiteral("max")}))
            return false;
        if (!l.value(QLatin1String("median")).isDouble() || l.value(QLatin1String("median")).toDouble() <= 0)
            return fail(p + QStringLiteral(".median"), QStringLiteral("expected a positive number of ms"));
        if (!l.value(QLatin1String("max")).isDouble() || l.value(QLatin1String("max")).toDouble() <= 0)
            return fail(
                p + QStringLiteral(".max"), QStringLiteral("expected a positive number of ms (the cap)"));
        d->kind = DelaySpec::Kind::LogNormal;
        d->medianMs = l.value(QLatin1String("median")).toDouble();
        d->sigma = l.value(QLatin1String("sigma")).toDouble(0.5);
        d->maxMs = l.value(QLatin1String("max")).toInt();
        if (d->sigma < 0)
            return fail(p + QStringLiteral(".sigma"), QStringLiteral("expected a number >= 0"));
        return true;
    }
    if (kind == QLatin1String("pastTimeout")) {
        d->kind = DelaySpec::Kind::PastTimeout;
        return readInt(o, kind, path, &d->marginMs, 0, 600000);
    }
    return fail(
        path, QStringLiteral("unknown delay kind \"%1\" (fixed, uniform, lognormal, pastTimeout)").arg(kind));
}

// "forward": "http://biz:8080/callback" or {"url": ..., "override": true}
bool ScenarioReader::readForward(const QJsonValue &value, const QString &parent, ResponseSpec *r)
{
    const QString path = parent + QStringLiteral(".forward");
    QJsonObject o;
    if (value.isString()) {
        o.insert(QStringLiteral("url"), value);
    } else if (value.isObject()) {
        o = value.toObject();
        if (!onlyKeys(o, path, {QStringLiteral("url"), QStringLiteral("override")}))
            return false;
    } else {
        return fail(path, QStringLiteral("expected a URL or {\"url\": ..., \"override\": false}"));
    }
    const QUrl url(o.value(QLatin1String("url")).toString());
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty())
        return fail(path + QStringLiteral(".url"),
            QStringLiteral("expected the business server's http:// URL, as in webhooks.yml"));
    if (o.contains(QLatin1String("override")) && !o.value(QLatin1String("override")).isBool())
        return fail(path + QStringLiteral(".override"), QStringLiteral("expected true or false"));
    r->forwardUrl = url.toString();
    r->forwardOverride = o.value(QLatin1String("override")).toBool();
    return true;
}

bool ScenarioReader::readResponse(const QJsonValue &value, const QString &path, ResponseSpec *r)
{
    if (!value.isObject())
        return fail(path, QStringLiteral("expected an object such as {\"preset\": \"continue\"}"));
    const QJsonObject o = value.toObject();
    if (!onlyKeys(o, path,
            {QStringLiteral("preset"), QStringLiteral("errCode"), QStringLiteral("errMsg"),
                QStringLiteral("errDlt"), QStringLiteral("actionCode"), QStringLiteral("fields"),
                QStringLiteral("status"), QStringLiteral("headers"), QStringLiteral("body"),
                QStringLiteral("delay"), QStringLiteral("fault"), QStringLiteral("faultPercent"),
                QStringLiteral("dripIntervalMs"), QStringLiteral("dripBytes"), QStringLiteral("times"),
                QStringLiteral("forward")}))
        return false;
    const QString preset = o.value(QLatin1String("preset")).toString(QStringLiteral("continue"));
    if (!ResponseSpec::presetFromName(preset, &r->preset))
        return fail(path + QStringLiteral(".preset"),
            QStringLiteral("unknown preset \"%1\" (continue, block, rewrite, error, custom)").arg(preset));
    if (!readInt(o, QStringLiteral("errCode"), path, &r->errCode, std::numeric_limits<qint32>::min(),
            std::numeric_limits<qint32>::max())
        || !readString(o, QStringLiteral("errMsg"), path, &r->errMsg)
        || !readString(o, QStringLiteral("errDlt"), path, &r->errDlt)
        || !readInt(o, QStringLiteral("actionCode"), path, &r->actionCode, std::numeric_limits<qint32>::min(),
            std::numeric_limits<qint32>::max())
        || !readInt(o, QStringLiteral("status"), path, &r->status, 100, 999)
        || !readInt(o, QStringLiteral("faultPercent"), path, &r->faultPercent, 0, 100)
        || !readInt(o, QStringLiteral("dripIntervalMs"), path, &r->dripIntervalMs, 1, 60000)
        || !readInt(o, QStringLiteral("dripBytes"), path, &r->dripBytes, 1, 1 << 20)
        || !readInt(o, QStringLiteral("times"), path, &r->times, 1, 1000000))
        return false;
    if (o.contains(QLatin1String("fields"))) {
        if (!o.value(QLatin1String("fields")).isObject())
            return fail(
                path + QStringLiteral(".fields"), QStringLiteral("expected an object of reply fields"));
        r->fields = o.value(QLatin1String("fields")).toObject();
    }
    if (o.contains(QLatin1String("body"))) {
        const QJsonValue b = o.value(QLatin1String("body"));
        // A JSON value is sent as compact JSON; a string is sent as it is.
        if (b.isString())
            r->rawBody = b.toString();
        else if (b.isObject())
            r->rawBody = QString::fromUtf8(QJsonDocument(b.toObject()).toJson(QJsonDocument::Compact));
        else if (b.isArray())
            r->rawBody = QString::fromUtf8(QJsonDocument(b.toArray()).toJson(QJsonDocument::Compact));
        if (!b.isString() && !b.isObject() && !b.isArray())
            return fail(
                path + QStringLiteral(".body"), QStringLiteral("expected a string, an object or an array"));
        if (r->preset != ResponseSpec::Preset::Custom)
            return fail(
                path + QStringLiteral(".body"), QStringLiteral("a raw body needs \"preset\": \"custom\""));
    }
    if (o.contains(QLatin1String("headers"))) {
        const QJsonValue h = o.value(QLatin1String("headers"));
        if (!h.isObject())
            return fail(path + QStringLiteral(".headers"),
                QStringLiteral("expected an object of header names and values"));
        const QJsonObject headers = h.toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            if (!it.value().isString())
                return fail(
                    path + QStringLiteral(".headers.") + it.key(), QStringLiteral("expected a string"));
            if (!HttpSyntax::isToken(it.key().toUtf8()))
                return fail(path + QStringLiteral(".headers.") + it.key(),
                    QStringLiteral("a header name is a token (letters, digits, !#$%&'*+-.^_`|~)"));
            if (!HttpSyntax::isFieldValue(it.value().toString().toUtf8()))
                return fail(path + QStringLiteral(".headers.") + it.key(),
                    QStringLiteral("a header value cannot hold CR, LF or other control characters"));
            r->headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
        }
    }
    if (o.contains(QLatin1String("delay"))
        && !readDelay(o.value(QLatin1String("delay")), path + QStringLiteral(".delay"), &r->delay))
        return false;
    if (o.contains(QLatin1String("forward")) && !readForward(o.value(QLatin1String("forward")), path, r))
        return false;
    if (o.contains(QLatin1String("fault"))) {
        const QString fault = o.value(QLatin1String("fault")).toString();
        if (!ResponseSpec::faultKindFromName(fault, &r->fault))
            return fail(path + QStringLiteral(".fault"),
                QStringLiteral(
                    "unknown fault \"%1\" (empty-body, malformed-json, wrong-types, close, reset, hang, "
                    "truncate, slow-drip)")
                    .arg(fault));
    }
    return true;
}

bool ScenarioReader::readCondition(const QJsonValue &value, const QString &path, Condition *c)
{
    if (!value.isObject())
        return fail(path,
            QStringLiteral("expected an object such as {\"body\": \"content\", \"contains\": \"word\"}"));
    const QJsonObject o = value.toObject();
    int sources = 0;
    const std::pair<const char *, Condition::Source> sourceKeys[] = {{"body", Condition::Source::Body},
        {"header", Condition::Source::Header}, {"query", Condition::Source::Query},
        {"key", Condition::Source::Key}};
    for (const auto &[key, source] : sourceKeys) {
        if (o.contains(QLatin1String(key))) {
            ++sources;
            c->source = source;
            c->name = o.value(QLatin1String(key)).toString();
            if (c->name.isEmpty())
                return fail(path + QLatin1Char('.') + QLatin1String(key),
                    QStringLiteral("expected a non-empty name or path"));
        }
    }
    if (sources != 1)
        return fail(path, QStringLiteral("name exactly one of \"body\", \"header\", \"query\", \"key\""));
    if ((c->source == Condition::Source::Body || c->source == Condition::Source::Key)
        && !JsonPath::isValid(c->name))
        return fail(path,
            QStringLiteral("invalid JSON path \"%1\" (e.g. content, userIDList[0], memberList[1].userID)")
                .arg(c->name));
    int ops = 0;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("body") || key == QLatin1String("header") || key == QLatin1String("query")
            || key == QLatin1String("key"))
            continue;
        if (key == QLatin1String("not")) {
            if (!it.value().isBool())
                return fail(path + QStringLiteral(".not"), QStringLiteral("expected true or false"));
            c->negate = it.value().toBool();
            continue;
        }
        if (key == QLatin1String("ignoreCase")) {
            if (!it.value().isBool())
                return fail(path + QStringLiteral(".ignoreCase"), QStringLiteral("expected true or false"));
            c->ignoreCase = it.value().toBool();
            continue;
        }
        Condition::Op op;
        if (!Condition::opFromName(key, &op))
            return fail(path,
                QStringLiteral(
                    "unknown operator \"%1\" (equals, contains, regex, exists, in, lt, le, gt, ge, not)")
                    .arg(key));
        ++ops;
        c->op = op;
        c->value = it.value();
    }
    if (ops != 1)
        return fail(path,
            QStringLiteral("give exactly one operator: equals, contains, regex, exists, in, lt, le, gt, ge"));
    const QString opPath = path + QLatin1Char('.') + Condition::opName(c->op);
    if (c->op == Condition::Op::Regex) {
        // (?i) is how the regex engine spells "ignore case"; the option saves users from knowing it.
        c->regex = BoundedRegex((c->ignoreCase ? QStringLiteral("(?i)") : QString()) + c->value.toString());
        if (!c->value.isString() || !c->regex.isValid())
            return fail(opPath, QStringLiteral("invalid regular expression: %1").arg(c->regex.errorString()));
    }
    if (c->op == Condition::Op::In && !c->value.isArray())
        return fail(opPath, QStringLiteral("expected an array of values"));
    if ((c->op == Condition::Op::Lt || c->op == Condition::Op::Le || c->op == Condition::Op::Gt
            || c->op == Condition::Op::Ge)
        && !c->value.isDouble())
        return fail(opPath, QStringLiteral("expected a number"));
    if (c->op == Condition::Op::Exists && c->value != QJsonValue(true))
        return fail(opPath, QStringLiteral("expected true (use \"not\": true for absence)"));
    return true;
}

bool ScenarioReader::readMatch(const QJsonValue &value, const QString &path, CaptureMatch *m)
{
    if (!value.isObject())
        return fail(
            path, QStringLiteral("expected an object such as {\"command\": \"...\", \"when\": [...]}"));
    const QJsonObject o = value.toObject();
    if (!onlyKeys(o, path,
            {QStringLiteral("command"), QStringLiteral("when"), QStringLiteral("verdict"),
                QStringLiteral("errCode")}))
        return false;
    if (!readString(o, QStringLiteral("command"), path, &m->command))
        return false;
    if (!readString(o, QStringLiteral("verdict"), path, &m->outcome))
        return false;
    QStringList outcomes;
    for (Verdict::Outcome outcome : Verdict::outcomes())
        outcomes.append(Verdict::outcomeName(outcome));
    if (!m->outcome.isEmpty() && !outcomes.contains(m->outcome))
        return fail(path + QStringLiteral(".verdict"),
            QStringLiteral("expected one of %1").arg(outcomes.join(QStringLiteral(", "))));
    if (!readInt(o, QStringLiteral("errCode"), path, &m->errCode, std::numeric_limits<qint32>::min(),
            std::numeric_limits<qint32>::max()))
        return false;
    const QJsonValue when = o.value(QLatin1String("when"));
    if (!when.isUndefined() && !when.isArray())
        return fail(path + QStringLiteral(".when"), QStringLiteral("expected an array of conditions"));
    const QJsonArray conditions = when.toArray();
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        Condition c;
        if (!readCondition(conditions.at(i), path + QStringLiteral(".when[%1]").arg(i), &c))
            return false;
        m->conditions.append(c);
    }
    return true;
}

bool ScenarioReader::readExpectation(const QJsonValue &value, const QString &path, Expectation *e)
{
    if (!value.isObject())
        return fail(path, QStringLiteral("expected an object"));
    const QJsonObject o = value.toObject();
    if (!onlyKeys(o, path,
            {QStringLiteral("name"), QStringLiteral("seen"), QStringLiteral("min"), QStringLiteral("max"),
                QStringLiteral("exactly"), QStringLiteral("never"), QStringLiteral("first"),
                QStringLiteral("before")}))
        return false;
    if (!readString(o, QStringLiteral("name"), path, &e->name))
        return false;
    if (o.contains(QLatin1String("first"))) {
        e->kind = Expectation::Kind::Order;
        if (!o.contains(QLatin1String("before")))
            return fail(path, QStringLiteral("an order expectation names \"first\" and \"before\""));
        return readMatch(o.value(QLatin1String("first")), path + QStringLiteral(".first"), &e->match)
            && readMatch(o.value(QLatin1String("before")), path + QStringLiteral(".before"), &e->then);
    }
    const bool never = o.contains(QLatin1String("never"));
    if (never == o.contains(QLatin1String("seen")))
        return fail(path,
            QStringLiteral(
                "give \"seen\" (with min, max or exactly) or \"never\", or \"first\" and \"before\""));
    if (!readMatch(o.value(never ? QLatin1String("never") : QLatin1String("seen")),
            path + (never ? QStringLiteral(".never") : QStringLiteral(".seen")), &e->match))
        return false;
    if (never) {
        e->min = 0;
        e->max = 0;
        return true;
    }
    int exactly = -1;
    if (!readInt(o, QStringLiteral("min"), path, &e->min, 0, 1 << 30)
        || !readInt(o, QStringLiteral("max"), path, &e->max, 0, 1 << 30)
        || !readInt(o, QStringLiteral("exactly"), path, &exactly, 0, 1 << 30))
        return false;
    if (exactly >= 0)
        e->min = e->max = exactly;
    if (e->max >= 0 && e->max < e->min)
        return fail(path, QStringLiteral("max is below min"));
    return true;
}

bool ScenarioReader::readRule(const QJsonValue &value, const QString &path, Rule *rule)
{
    if (!value.isObject())
        return fail(path, QStringLiteral("expected an object"));
    const QJsonObject o = value.toObject();
    if (!onlyKeys(o, path,
            {QStringLiteral("name"), QStringLiteral("command"), QStringLiteral("enabled"),
                QStringLiteral("match"), QStringLiteral("when"), QStringLiteral("respond"),
                QStringLiteral("then")}))
        return false;
    if (!readString(o, QStringLiteral("name"), path, &rule->name)
        || !readString(o, QStringLiteral("command"), path, &rule->command))
        return false;
    if (rule->command.isEmpty())
        return fail(path + QStringLiteral(".command"), QStringLiteral("expected a command name or \"*\""));
    rule->enabled = o.value(QLatin1String("enabled")).toBool(true);
    const QString match = o.value(QLatin1String("match")).toString(QStringLiteral("all"));
    if (match != QLatin1String("all") && match != QLatin1String("any"))
        return fail(path + QStringLiteral(".match"), QStringLiteral("expected \"all\" or \"any\""));
    rule->matchAll = match == QLatin1String("all");
    const QString then = o.value(QLatin1String("then")).toString(QStringLiteral("repeat-last"));
    if (then != QLatin1String("repeat-last") && then != QLatin1String("cycle"))
        return fail(path + QStringLiteral(".then"), QStringLiteral("expected \"repeat-last\" or \"cycle\""));
    rule->then = then == QLatin1String("cycle") ? Rule::Then::Cycle : Rule::Then::RepeatLast;
    const QJsonValue when = o.value(QLatin1String("when"));
    if (!when.isUndefined() && !when.isArray())
        return fail(path + QStringLiteral(".when"), QStringLiteral("expected an array of conditions"));
    const QJsonArray conditions = when.toArray();
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        Condition c;
        if (!readCondition(conditions.at(i), path + QStringLiteral(".when[%1]").arg(i), &c))
            return false;
        rule->conditions.append(c);
    }
    const QJsonValue respond = o.value(QLatin1String("respond"));
    const QJsonArray responses = respond.isArray() ? respond.toArray() : QJsonArray {respond};
    if (respond.isUndefined() || responses.isEmpty())
        return fail(
            path + QStringLiteral(".respond"), QStringLiteral("expected a reply or an array of replies"));
    for (qsizetype i = 0; i < responses.size(); ++i) {
        ResponseSpec r;
        const QString p = respond.isArray() ? path + QStringLiteral(".respond[%1]").arg(i)
                                            : path + QStringLiteral(".respond");
        if (!readResponse(responses.at(i), p, &r))
            return false;
        rule->responses.append(r);
    }
    return true;
}

bool ScenarioReader::readScenario(const QJsonObject &o, Scenario *s)
{
    const QString root = QStringLiteral("$");
    if (!onlyKeys(o, root,
            {QStringLiteral("scenario"), QStringLiteral("name"), QStringLiteral("description"),
                QStringLiteral("profile"), QStringLiteral("failedContinue"), QStringLiteral("timeouts"),
                QStringLiteral("rules"), QStringLiteral("expect")}))
        return false;
    if (!o.value(QLatin1String("scenario")).isDouble())
        return fail(QStringLiteral("$.scenario"), QStringLiteral("missing format version (\"scenario\": 1)"));
    const int version = o.value(QLatin1String("scenario")).toInt();
    if (version != Scenario::currentVersion)
        return fail(QStringLiteral("$.scenario"),
            QStringLiteral("format version %1 is not supported (this build reads %2)")
                .arg(version)
                .arg(Scenario::currentVersion));
    if (!readString(o, QStringLiteral("name"), root, &s->name)
        || !readString(o, QStringLiteral("description"), root, &s->description))
        return false;
    if (o.contains(QLatin1String("profile"))) {
        const auto profile = profileFromName(o.value(QLatin1String("profile")).toString());
        if (!profile)
            return fail(QStringLiteral("$.profile"),
                QStringLiteral("unknown OpenIM profile \"%1\" (%2)")
                    .arg(o.value(QLatin1String("profile")).toString(),
                        profileNames().join(QStringLiteral(", "))));
        s->profile = *profile;
        if (s->profile == Profile::V3_7) // it covered v3.7.0 - v3.8.3 before the 3.8 split
            s->notices.append({QStringLiteral("profile-v37-narrowed"), {}});
    }
    if (o.contains(QLatin1String("failedContinue"))) {
        if (!o.value(QLatin1String("failedContinue")).isBool())
            return fail(QStringLiteral("$.failedContinue"), QStringLiteral("expected true or false"));
        s->failedContinue = o.value(QLatin1String("failedContinue")).toBool();
    }
    if (o.contains(QLatin1String("timeouts"))) {
        if (!o.value(QLatin1String("timeouts")).isObject())
            return fail(
                QStringLiteral("$.timeouts"), QStringLiteral("expected an object of seconds per command"));
        const QJsonObject t = o.value(QLatin1String("timeouts")).toObject();
        for (auto it = t.begin(); it != t.end(); ++it) {
            int seconds = 0;
            // OpenIM's client caps every timeout at 15 s; larger values are accepted and capped.
            if (!readInt(t, it.key(), QStringLiteral("$.timeouts"), &seconds, 0, 3600))
                return false;
            if (it.key() == QLatin1String("default")) {
                s->defaultTimeoutSeconds = seconds;
                continue;
            }
            const QString canonical = Catalogue::instance().canonicalName(it.key());
            if (canonical.isEmpty())
                return fail(
                    QStringLiteral("$.timeouts.") + it.key(), QStringLiteral("unknown OpenIM command"));
            s->timeouts.insert(canonical, seconds);
        }
    }
    const QJsonValue rules = o.value(QLatin1String("rules"));
    if (!rules.isUndefined() && !rules.isArray())
        return fail(QStringLiteral("$.rules"), QStringLiteral("expected an array of rules"));
    const QJsonArray array = rules.toArray();
    // Every callback is matched against every rule: 150,000 rules made each one cost 0.26 s.
    constexpr qsizetype maxRules = 10000;
    if (array.size() > maxRules)
        return fail(QStringLiteral("$.rules"),
            QStringLiteral("%1 rules; a scenario holds at most %2").arg(array.size()).arg(maxRules));
    for (qsizetype i = 0; i < array.size(); ++i) {
        Rule rule;
        if (!readRule(array.at(i), QStringLiteral("$.rules[%1]").arg(i), &rule))
            return false;
        if (rule.name.isEmpty())
            rule.name = QStringLiteral("rule %1").arg(i + 1);
        s->rules.append(rule);
    }
    const QJsonValue expect = o.value(QLatin1String("expect"));
    if (!expect.isUndefined() && !expect.isArray())
        return fail(QStringLiteral("$.expect"), QStringLiteral("expected an array of expectations"));
    const QJsonArray expectations = expect.toArray();
    for (qsizetype i = 0; i < expectations.size(); ++i) {
        Expectation e;
        if (!readExpectation(expectations.at(i), QStringLiteral("$.expect[%1]").arg(i), &e))
            return false;
        if (e.name.isEmpty())
            e.name = QStringLiteral("expectation %1").arg(i + 1);
        s->expectations.append(e);
    }
    return true;
}

} // namespace cbi

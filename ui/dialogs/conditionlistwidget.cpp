// SPDX-License-Identifier: MIT
#include "conditionlistwidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace cbi {

namespace {
const QStringList sources = {
    QStringLiteral("body"), QStringLiteral("header"), QStringLiteral("query"), QStringLiteral("key")};
const QStringList ops = {QStringLiteral("equals"), QStringLiteral("contains"), QStringLiteral("regex"),
    QStringLiteral("exists"), QStringLiteral("in"), QStringLiteral("lt"), QStringLiteral("le"),
    QStringLiteral("gt"), QStringLiteral("ge")};
// Shown in the UI language; the item's data is the scenario keyword the rule is written with.
const char *const sourceLabels[] = {QT_TRANSLATE_NOOP("cbi::ConditionListWidget", "body"),
    QT_TRANSLATE_NOOP("cbi::ConditionListWidget", "header"),
    QT_TRANSLATE_NOOP("cbi::ConditionListWidget", "query"),
    QT_TRANSLATE_NOOP("cbi::ConditionListWidget", "key")};
const char *const opLabels[] = {QT_TRANSLATE_NOOP("cbi::ConditionListWidget", "equals"),
    QT_TRANSLATE_NOOP("cbi::ConditionListWidget", "contains"),
    QT_TRANSLATE_NOOP("cbi::ConditionListWidget", "regex"),
    QT_TRANSLATE_NOOP("cbi::ConditionListWidget", "exists"),
    QT_TRANSLATE_NOOP("cbi::ConditionListWidget", "in"), QT_TRANSLATE_NOOP("cbi::ConditionListWidget", "lt"),
    QT_TRANSLATE_NOOP("cbi::ConditionListWidget", "le"), QT_TRANSLATE_NOOP("cbi::ConditionListWidget", "gt"),
    QT_TRANSLATE_NOOP("cbi::ConditionListWidget", "ge")};

void fill(QComboBox *box, const QStringList &keywords, const char *const *labels, const QString &current)
{
    for (int i = 0; i < keywords.size(); ++i)
        box->addItem(ConditionListWidget::tr(labels[i]), keywords.at(i));
    box->setCurrentIndex(qMax(0, box->findData(current)));
}

bool isTextOp(const QString &op)
{
    return op == QLatin1String("equals") || op == QLatin1String("contains") || op == QLatin1String("regex")
        || op == QLatin1String("in");
}
} // namespace

ConditionListWidget::ConditionListWidget(QWidget *parent)
    : QWidget(parent)
    , m_rowsLayout(new QVBoxLayout)
    , m_add(new QPushButton(tr("Add &condition"), this))
{
    m_add->setAccessibleName(tr("Add condition"));
    m_add->setToolTip(tr("Add a test on the request: a body path, a header or a query parameter"));
    auto *rows = new QWidget;
    auto *rowsOuter = new QVBoxLayout(rows);
    rowsOuter->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    rowsOuter->addLayout(m_rowsLayout);
    rowsOuter->addStretch();
    // A fixed height for about three rows: more conditions scroll instead of moving the dialog.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(rows);
    scroll->setWidgetResizable(true);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFixedHeight(m_add->sizeHint().height() * 3 + 12);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(m_add);
    top->addStretch();
    layout->addLayout(top);
    layout->addWidget(scroll);
    connect(m_add, &QPushButton::clicked, this, [this] {
        addCondition(QStringLiteral("body"), QString(), QStringLiteral("equals"), QString());
        m_rows.constLast().name->setFocus(Qt::TabFocusReason);
    });
}

void ConditionListWidget::addCondition(const Condition &c)
{
    addCondition(Condition::sourceName(c.source), c.name, Condition::opName(c.op), textFromValue(c.value),
        c.ignoreCase, c.negate);
}

void ConditionListWidget::addCondition(const QString &source, const QString &name, const QString &op,
    const QString &value, bool ignoreCase, bool negate)
{
    const int n = int(m_rows.size()) + 1;
    Row row;
    row.box = new QWidget(this);
    row.source = new QComboBox(row.box);
    row.name = new QLineEdit(name, row.box);
    row.op = new QComboBox(row.box);
    row.value = new QLineEdit(value, row.box);
    row.ignoreCase = new QCheckBox(tr("Any case"), row.box);
    row.negate = new QCheckBox(tr("Not"), row.box);
    row.remove = new QPushButton(tr("Remove"), row.box);
    fill(row.source, sources, sourceLabels, source);
    fill(row.op, ops, opLabels, op);
    row.ignoreCase->setChecked(ignoreCase);
    row.negate->setChecked(negate);
    row.name->setPlaceholderText(tr("path, e.g. content.content"));
    row.value->setPlaceholderText(tr("value"));
    row.source->setAccessibleName(tr("Condition %1 source").arg(n));
    row.name->setAccessibleName(tr("Condition %1 name or path").arg(n));
    row.op->setAccessibleName(tr("Condition %1 operator").arg(n));
    row.value->setAccessibleName(tr("Condition %1 value").arg(n));
    row.ignoreCase->setAccessibleName(tr("Condition %1 ignores letter case").arg(n));
    row.ignoreCase->setToolTip(tr("CASINO, Casino and casino all match"));
    row.negate->setAccessibleName(tr("Condition %1 negated").arg(n));
    row.remove->setAccessibleName(tr("Remove condition %1").arg(n));
    auto *h = new QHBoxLayout(row.box);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(row.source);
    h->addWidget(row.name, 2);
    h->addWidget(row.op);
    h->addWidget(row.value, 3);
    h->addWidget(row.ignoreCase);
    h->addWidget(row.negate);
    h->addWidget(row.remove);
    m_rowsLayout->addWidget(row.box);
    row.box->show(); // now, not on the layout's queued show: the next key press may be a Tab into it
    m_rows.append(row);
    updateRow(row);
    relink();

    auto changed = [this] { Q_EMIT this->changed(); };
    QWidget *box = row.box;
    connect(row.source, &QComboBox::currentIndexChanged, this, changed);
    connect(row.op, &QComboBox::currentIndexChanged, this, [this, box] {
        for (const Row &r : std::as_const(m_rows)) {
            if (r.box == box)
                updateRow(r);
        }
        Q_EMIT this->changed();
    });
    connect(row.name, &QLineEdit::textChanged, this, changed);
    connect(row.value, &QLineEdit::textChanged, this, changed);
    connect(row.ignoreCase, &QCheckBox::toggled, this, changed);
    connect(row.negate, &QCheckBox::toggled, this, changed);
    connect(row.remove, &QPushButton::clicked, this, [this, box] { removeRow(box); });
    Q_EMIT this->changed();
}

void ConditionListWidget::updateRow(const Row &row)
{
    const QString op = row.op->currentData().toString();
    row.ignoreCase->setEnabled(isTextOp(op));
    row.value->setEnabled(op != QLatin1String("exists"));
}

void ConditionListWidget::removeRow(QWidget *box)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).box != box)
            continue;
        const bool hadFocus = box->isAncestorOf(focusWidget());
        m_rows.removeAt(i);
        box->hide();
        box->deleteLater(); // its Remove button is still in its clicked signal
        relink();
        if (hadFocus) // the keyboard stays here: the next row, or Add condition
            (i < m_rows.size() ? static_cast<QWidget *>(m_rows.at(i).name) : m_add)->setFocus();
        Q_EMIT changed();
        return;
    }
}

void ConditionListWidget::relink()
{
    QWidget *previous = m_add;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        for (QWidget *w :
            QList<QWidget *> {r.source, r.name, r.op, r.value, r.ignoreCase, r.negate, r.remove}) {
            setTabOrder(previous, w);
            previous = w;
        }
        // Names follow the position after a removal.
        const int n = i + 1;
        r.source->setAccessibleName(tr("Condition %1 source").arg(n));
        r.name->setAccessibleName(tr("Condition %1 name or path").arg(n));
        r.op->setAccessibleName(tr("Condition %1 operator").arg(n));
        r.value->setAccessibleName(tr("Condition %1 value").arg(n));
        r.ignoreCase->setAccessibleName(tr("Condition %1 ignores letter case").arg(n));
        r.negate->setAccessibleName(tr("Condition %1 negated").arg(n));
        r.remove->setAccessibleName(tr("Remove condition %1").arg(n));
    }
}

QJsonArray ConditionListWidget::toJson() const
{
    QJsonArray when;
    for (const Row &r : m_rows) {
        const QString op = r.op->currentData().toString();
        QJsonObject c {{r.source->currentData().toString(), r.name->text().trimmed()}};
        c.insert(op, op == QLatin1String("exists") ? QJsonValue(true) : valueFromText(r.value->text()));
        if (r.negate->isChecked())
            c.insert(QStringLiteral("not"), true);
        if (r.ignoreCase->isChecked() && isTextOp(op))
            c.insert(QStringLiteral("ignoreCase"), true);
        when.append(c);
    }
    return when;
}

QJsonValue ConditionListWidget::valueFromText(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toUtf8() + "]");
    if (doc.isArray() && doc.array().size() == 1)
        return doc.array().first();
    return text;
}

QString ConditionListWidget::textFromValue(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    const QByteArray a = QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

} // namespace cbi

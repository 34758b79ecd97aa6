// SPDX-License-Identifier: MIT
#include "comparedialog.h"

#include "capture/capturediff.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QVBoxLayout>

namespace cbi {

namespace {
QPlainTextEdit *sideView(QWidget *parent, const QString &name)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setTabChangesFocus(true); // no keyboard trap
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setAccessibleName(name);
    return view;
}

// Marks lines with a background that reads on light and dark palettes alike.
void mark(QPlainTextEdit *view, const QList<int> &lines, const QColor &color)
{
    QList<QTextEdit::ExtraSelection> selections;
    for (int line : lines) {
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(view->document()->findBlockByNumber(line));
        s.format.setBackground(color);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(s);
    }
    view->setExtraSelections(selections);
}
} // namespace

CompareDialog::CompareDialog(const CapturedRequest &left, const CapturedRequest &right, QWidget *parent)
    : QDialog(parent)
    , m_left(sideView(this, tr("Capture #%1").arg(left.id)))
    , m_right(sideView(this, tr("Capture #%1").arg(right.id)))
    , m_summary(new QLabel(this))
{
    setWindowTitle(tr("Compare Captures #%1 and #%2").arg(left.id).arg(right.id));
    // Aligned: a line only one side has faces an empty line on the other.
    QStringList leftText;
    QStringList rightText;
    QList<int> leftMarks;
    QList<int> rightMarks;
    // A run of removed lines and the run of added lines after it face each other, row by row, so a
    // changed value sits beside its old one.
    QStringList removed;
    QStringList added;
    const auto flush = [&] {
        for (qsizetype i = 0; i < qMax(removed.size(), added.size()); ++i) {
            if (i < removed.size())
                leftMarks.append(int(leftText.size()));
            if (i < added.size())
                rightMarks.append(int(rightText.size()));
            leftText.append(removed.value(i));
            rightText.append(added.value(i));
        }
        m_differences += int(removed.size() + added.size());
        removed.clear();
        added.clear();
    };
    for (const auto &line : CaptureDiff::diff(CaptureDiff::lines(left), CaptureDiff::lines(right))) {
        switch (line.kind) {
        case CaptureDiff::Line::Kind::Same:
            flush();
            leftText.append(line.text);
            rightText.append(line.text);
            break;
        case CaptureDiff::Line::Kind::OnlyLeft:
            if (!added.isEmpty())
                flush(); // removed after added: a new change
            removed.append(line.text);
            break;
        case CaptureDiff::Line::Kind::OnlyRight:
            added.append(line.text);
            break;
        }
    }
    flush();
    m_left->setPlainText(leftText.join(QLatin1Char('\n')));
    m_right->setPlainText(rightText.join(QLatin1Char('\n')));
    mark(m_left, leftMarks, QColor(220, 60, 60, 70));
    mark(m_right, rightMarks, QColor(40, 160, 70, 70));
    // One scroll position for both sides.
    connect(m_left->verticalScrollBar(), &QScrollBar::valueChanged, m_right->verticalScrollBar(),
        &QScrollBar::setValue);
    connect(m_right->verticalScrollBar(), &QScrollBar::valueChanged, m_left->verticalScrollBar(),
        &QScrollBar::setValue);
    m_summary->setText(m_differences == 0
            ? tr("The two captures are the same (apart from time and id).")
            : tr("%n line(s) differ: removed on the left, added on the right.", nullptr, m_differences));

    auto *headers = new QHBoxLayout;
    headers->addWidget(new QLabel(
        tr("#%1  %2  %3")
            .arg(left.id)
            .arg(left.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")), left.command),
        this));
    headers->addWidget(new QLabel(
        tr("#%1  %2  %3")
            .arg(right.id)
            .arg(right.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")), right.command),
        this));
    auto *sides = new QHBoxLayout;
    sides->addWidget(m_left);
    sides->addWidget(m_right);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(headers);
    layout->addLayout(sides, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(1100, 700);
}

} // namespace cbi

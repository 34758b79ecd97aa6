// SPDX-License-Identifier: MIT
#pragma once

#include "rules/condition.h"

#include <QJsonArray>
#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace cbi {

// The rule editor's conditions: one row of plain widgets per condition (source, path, operator,
// value, any case, not, remove), so Tab walks them in reading order and every button takes focus
// (gui walk F8: the old table trapped Tab and its buttons were out of reach).
class ConditionListWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ConditionListWidget(QWidget *parent = nullptr);

    // Adds a row and gives its path field the focus when the user asked for it.
    void addCondition(const QString &source, const QString &name, const QString &op, const QString &value,
        bool ignoreCase = false, bool negate = false);
    void addCondition(const Condition &condition);
    int count() const { return int(m_rows.size()); }
    QJsonArray toJson() const; // as scenario files spell conditions
    QPushButton *addButton() const { return m_add; }

    // A value typed in a field: JSON when it parses as JSON (5, true, ["a"]), else a string.
    static QJsonValue valueFromText(const QString &text);
    static QString textFromValue(const QJsonValue &value);

Q_SIGNALS:
    void changed();

private:
    struct Row
    {
        QWidget *box;
        QComboBox *source;
        QLineEdit *name;
        QComboBox *op;
        QLineEdit *value;
        QCheckBox *ignoreCase;
        QCheckBox *negate;
        QPushButton *remove;
    };
    void removeRow(QWidget *box);
    void relink(); // tab order: Add condition, then the rows in order
    void updateRow(const Row &row);

    QList<Row> m_rows;
    QVBoxLayout *m_rowsLayout;
    QPushButton *m_add;
};

} // namespace cbi

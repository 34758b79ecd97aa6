// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QTableView;

namespace cbi {

// Sizes a table's columns to its viewport so that the row fits without a horizontal scrollbar
// (gui walk F20, at 1366 px and at scale 2): each column gets the width of a sample text, shrinks
// toward a shorter one when the row does not fit (its cells elide), and the least needed columns
// give way last; the stretch column keeps a readable minimum. It refits on every resize until the
// user sizes, hides or shows a column, or a saved header layout was restored.
class ColumnFitter : public QObject
{
    Q_OBJECT
public:
    struct Column
    {
        int column = 0;
        QString preferred; // the width this text needs (at most the header's)
        QString shortest; // the narrowest it gets before hiding columns
        int hideOrder = 0; // 1 gives way first; 0 never hidden
    };

    ColumnFitter(QTableView *view, int stretchColumn, const QList<Column> &columns);

    bool isActive() const { return m_active; }
    void setActive(bool active);
    // The narrowest the stretch column gets before others shrink (a sample text's width).
    void setStretchMinimum(const QString &sample) { m_stretchSample = sample; }
    int stretchMinimum() const;
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int textWidth(const QString &text) const;
    int headerWidth(int column) const;

    QTableView *m_view;
    int m_stretch;
    QList<Column> m_columns;
    QString m_stretchSample;
    bool m_active = true;
    bool m_fitting = false;
};

} // namespace cbi

// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace cbi {

// Two captures side by side, aligned line by line, with what differs marked: the request line,
// headers, the body (keys sorted), the reply and the verdict.
class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    CompareDialog(const CapturedRequest &left, const CapturedRequest &right, QWidget *parent = nullptr);

    int differences() const { return m_differences; }
    QPlainTextEdit *leftView() const { return m_left; }
    QPlainTextEdit *rightView() const { return m_right; }

private:
    QPlainTextEdit *m_left;
    QPlainTextEdit *m_right;
    QLabel *m_summary;
    int m_differences = 0;
};

} // namespace cbi

#pragma once

class QLineEdit;

namespace ui {

// Makes `edit` behave as a filter field: a clear button, and Escape clears the text (an empty field lets Escape
// through, so a dialog or popup around it still gets it).
void makeFilterField(QLineEdit *edit);

} // namespace ui

#include "ui/filterfield.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>

namespace ui {

namespace {

class EscapeClears final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *edit = qobject_cast<QLineEdit *>(watched);
        if (!edit || edit->text().isEmpty())
            return false;
        // Escape is a shortcut candidate first: claim it, so no window shortcut takes it while text is there.
        if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() != Qt::Key_Escape || key->modifiers() != Qt::NoModifier)
                return false;
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();
                return true;
            }
            edit->clear();
            return true;
        }
        return false;
    }
};

} // namespace

void makeFilterField(QLineEdit *edit)
{
    edit->setClearButtonEnabled(true);
    edit->installEventFilter(new EscapeClears(edit));
}

} // namespace ui

#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace ui {

class ConnectionSet;
class WindowConnection;

// Add Connection (issue 14): a name and a URL (plugdesk:///STORE, unix:///SOCKET, ssh://[USER@]HOST[:PORT]), or one
// of Docker's contexts picked from a list, which fills both. What is wrong is said under the fields as it is typed
// (the name, the URL, naming the mistake) and Add stays disabled until both are right; Add saves the connection
// through ConnectionSet (connections.json, as `plugdeskctl connection add`) and the dialog closes.
class AddConnectionDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AddConnectionDialog(ConnectionSet *connections, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QListWidget *contextList() const { return m_contexts; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *addButton() const;

    void accept() override;

Q_SIGNALS:
    void added(ui::WindowConnection *connection);

private:
    // The first thing wrong with the fields, empty when Add can go ahead.
    QString problem() const;
    void validate();

    ConnectionSet *m_connections;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QListWidget *m_contexts = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_nameTouched = false;
};

} // namespace ui

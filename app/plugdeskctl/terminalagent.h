#pragma once

#include "core/helper/authorisationprompt.h"

#include <QCoreApplication>
#include <QTextStream>
#include <sys/types.h>

namespace cli {

// plugdeskctl's part in authorisation, as systemctl's polkit_agent_open_if_enabled: when polkit wants a password
// and stdin is a terminal, it starts `pkttyagent --notify-fd N --fallback --system-bus-name <own bus name>` (once,
// and only
// then: a verb that needs no password starts nothing), waits until the agent has registered, and stops it when
// plugdeskctl ends (it also dies with plugdeskctl: PR_SET_PDEATHSIG). `--fallback` leaves a desktop agent in charge
// where there is one. With --no-ask-password nothing is started and no call allows interaction.
//
// While a call waits for polkit and no agent of its own prompts on the terminal, it shows
// "waiting for authorisation (org.plugdesk.install)…" on stderr, when stderr is a terminal (a script's log gets
// only the error), and erases that line when the answer comes.
class TerminalAgent final : public core::AuthorisationPrompt
{
    Q_DECLARE_TR_FUNCTIONS(TerminalAgent)

public:
    TerminalAgent(bool askPassword, QTextStream &err);
    ~TerminalAgent() override;
    TerminalAgent(const TerminalAgent &) = delete;
    TerminalAgent &operator=(const TerminalAgent &) = delete;

    bool mayAsk() const override { return m_askPassword; }
    // Started once already, or impossible (no terminal on stdin): calls then allow interaction at once, so that a
    // desktop agent, if any, can still ask.
    bool agentReady() const override { return m_tried || !m_terminal; }
    void startAgent(const QString &action, const QString &busName) override;
    void waiting(const QString &action) override;
    void answered() override;

private:
    void stop();

    bool m_askPassword = true;
    bool m_terminal = false;
    bool m_tried = false;
    pid_t m_agent = -1;
    int m_waiting = 0;
    bool m_lineShown = false;
    QTextStream &m_err;
};

} // namespace cli

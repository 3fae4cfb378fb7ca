#pragma once

#include <QString>

namespace core {

// How a program without a desktop polkit agent takes part in authorisation: plugdeskctl on a terminal starts
// pkttyagent for itself (TerminalAgent), or refuses to ask at all (--no-ask-password). HelperEngine calls it around
// every call a person made (HelperEngine::setAuthorisationPrompt); the window installs none, its desktop agent asks.
class AuthorisationPrompt
{
public:
    virtual ~AuthorisationPrompt() = default;

    // false: calls are sent without interactive authorisation, so a password polkit wants is refused at once.
    virtual bool mayAsk() const = 0;
    // Whether an agent of this prompt's is registered already (calls then allow interaction from the start).
    virtual bool agentReady() const = 0;
    // Polkit wants a password for `action` (asked for the caller's connection, `busName`): registers an agent for
    // this process, waiting until it is (or it could not be started). The call is then sent again, allowing
    // interaction.
    virtual void startAgent(const QString &action, const QString &busName) = 0;
    // A call needing `action` has not been answered after a short delay (polkit or a person is thinking), and
    // then it has.
    virtual void waiting(const QString &action) = 0;
    virtual void answered() = 0;
};

} // namespace core

#include "core/helper/enginefactory.h"

#include "core/docker/dockerengine.h"
#include "core/engine/localengine.h"
#include "core/helper/helperengine.h"

#include <unistd.h>

namespace core {

namespace {

QString storeRoot(const EngineChoice &choice)
{
    return choice.root.isEmpty() ? choice.connection.path : choice.root;
}

} // namespace

bool shouldUseHelper(const EngineChoice &choice)
{
    return !choice.connection.isDocker() && geteuid() != 0 && storeRoot(choice).isEmpty() &&
           qEnvironmentVariableIsEmpty("PLUGDESK_ROOT");
}

std::unique_ptr<Engine> makeEngine(const EngineChoice &choice)
{
    // Docker Engine connections (unix://, ssh://): DockerEngine. ssh may ask for a passphrase or password on the
    // terminal (it reads /dev/tty, not the pipe it talks through); without one (the window, a script) BatchMode makes
    // it fail with its own message instead of waiting for an answer nobody can give.
    if (choice.connection.isDocker()) {
        DockerClientOptions options;
        options.batchMode = !isatty(STDIN_FILENO);
        return std::make_unique<DockerEngine>(choice.connection, options);
    }
    if (shouldUseHelper(choice))
        return std::make_unique<HelperEngine>();
    return std::make_unique<LocalEngine>(LocalEngine::Options{storeRoot(choice), choice.runRoot, choice.watch});
}

} // namespace core

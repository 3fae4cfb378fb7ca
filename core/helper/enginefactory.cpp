#include "core/helper/enginefactory.h"

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
    // Docker Engine connections (unix://, ssh://) are DockerEngine's (core/docker), which is not built yet: no
    // caller passes one until it is.
    if (choice.connection.isDocker())
        return nullptr;
    if (shouldUseHelper(choice))
        return std::make_unique<HelperEngine>();
    return std::make_unique<LocalEngine>(LocalEngine::Options{storeRoot(choice), choice.runRoot, choice.watch});
}

} // namespace core

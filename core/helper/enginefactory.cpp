#include "core/helper/enginefactory.h"

#include "core/engine/localengine.h"
#include "core/helper/helperengine.h"

#include <unistd.h>

namespace core {

bool shouldUseHelper(const EngineChoice &choice)
{
    return geteuid() != 0 && choice.root.isEmpty() && qEnvironmentVariableIsEmpty("PLUGDESK_ROOT");
}

std::unique_ptr<Engine> makeEngine(const EngineChoice &choice)
{
    if (shouldUseHelper(choice))
        return std::make_unique<HelperEngine>();
    return std::make_unique<LocalEngine>(LocalEngine::Options{choice.root, choice.runRoot, choice.watch});
}

} // namespace core

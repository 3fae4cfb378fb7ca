#include "core/plugin/pluginconfig.h"

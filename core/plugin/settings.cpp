#include "core/plugin/settings.h"

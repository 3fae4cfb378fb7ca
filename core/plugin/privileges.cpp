#include "core/plugin/privileges.h"

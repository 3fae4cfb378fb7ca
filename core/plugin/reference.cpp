#include "core/plugin/reference.h"

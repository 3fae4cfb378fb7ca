target_sources(plugdesk_core PRIVATE
    plugin/plugin.cpp plugin/plugin.h
    plugin/pluginconfig.cpp plugin/pluginconfig.h
    plugin/pluginfilter.cpp plugin/pluginfilter.h
    plugin/privileges.cpp plugin/privileges.h
    plugin/reference.cpp plugin/reference.h
    plugin/settings.cpp plugin/settings.h
)

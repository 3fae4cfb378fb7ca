target_sources(plugdesk_plugin PRIVATE
    plugin/manifest.cpp plugin/manifest.h
    plugin/plugin.cpp plugin/plugin.h
    plugin/pluginconfig.cpp plugin/pluginconfig.h
    plugin/pluginfilter.cpp plugin/pluginfilter.h
    plugin/pluginruntimestate.cpp plugin/pluginruntimestate.h
    plugin/pluginstream.cpp plugin/pluginstream.h
    plugin/privileges.cpp plugin/privileges.h
    plugin/reference.cpp plugin/reference.h
    plugin/settings.cpp plugin/settings.h
)

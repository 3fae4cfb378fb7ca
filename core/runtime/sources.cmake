target_sources(plugdesk_core PRIVATE
    runtime/spawn.cpp runtime/spawn.h
    runtime/logreader.cpp runtime/logreader.h
    runtime/ocispec.cpp runtime/ocispec.h
    runtime/pluginhttpclient.cpp runtime/pluginhttpclient.h
    runtime/pluginmonitor.cpp runtime/pluginmonitor.h
    runtime/pluginrunner.cpp runtime/pluginrunner.h
    runtime/pluginruntimestate.cpp runtime/pluginruntimestate.h
    runtime/pluginsocket.cpp runtime/pluginsocket.h
    runtime/rotatinglog.cpp runtime/rotatinglog.h
    runtime/runcruntime.cpp runtime/runcruntime.h
    runtime/runlayout.h
    runtime/socketproxy.cpp runtime/socketproxy.h
    runtime/socketpublisher.cpp runtime/socketpublisher.h
    runtime/volumebind.cpp runtime/volumebind.h
)

target_sources(plugdesk_runtime PRIVATE
    runtime/helperwakeup.cpp runtime/helperwakeup.h
    runtime/logreader.cpp runtime/logreader.h
    runtime/monitorlauncher.cpp runtime/monitorlauncher.h
    runtime/ocispec.cpp runtime/ocispec.h
    runtime/pluginhttpclient.cpp runtime/pluginhttpclient.h
    runtime/pluginmonitor.cpp runtime/pluginmonitor.h
    runtime/pluginrunner.cpp runtime/pluginrunner.h
    runtime/pluginsocket.cpp runtime/pluginsocket.h
    runtime/rotatinglog.cpp runtime/rotatinglog.h
    runtime/runcruntime.cpp runtime/runcruntime.h
    runtime/runfile.cpp runtime/runfile.h
    runtime/runlayout.h
    runtime/runtimechoice.cpp runtime/runtimechoice.h
    runtime/runtimestatefile.cpp runtime/runtimestatefile.h
    runtime/socketproxy.cpp runtime/socketproxy.h
    runtime/socketpublisher.cpp runtime/socketpublisher.h
    runtime/spawn.cpp runtime/spawn.h
    runtime/startcheck.cpp runtime/startcheck.h
    runtime/volumebind.cpp runtime/volumebind.h
    runtime/volumedriverinfo.cpp runtime/volumedriverinfo.h
)

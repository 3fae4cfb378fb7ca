target_sources(plugdesk_core PRIVATE
    engine/createplugin.cpp engine/createplugin.h
    engine/engine.cpp engine/engine.h
    engine/error.h
    engine/exportplugin.cpp engine/exportplugin.h
    engine/importplugin.cpp engine/importplugin.h
    engine/installplugin.cpp engine/installplugin.h
    engine/job.cpp engine/job.h
    engine/json.h
    engine/localengine.cpp engine/localengine.h
    engine/pluginartifact.cpp engine/pluginartifact.h
    engine/pluginstaging.cpp engine/pluginstaging.h
    engine/pushplugin.cpp engine/pushplugin.h
    engine/removeplugin.cpp engine/removeplugin.h
    engine/result.h
    engine/unpackbudget.cpp engine/unpackbudget.h
)

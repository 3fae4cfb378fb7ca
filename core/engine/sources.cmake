target_sources(plugdesk_engine PRIVATE
    engine/createplugin.cpp engine/createplugin.h
    engine/engine.cpp engine/engine.h
    engine/exportplugin.cpp engine/exportplugin.h
    engine/importplugin.cpp engine/importplugin.h
    engine/installplugin.cpp engine/installplugin.h
    engine/localengine.cpp engine/localengine.h
    engine/pluginartifact.cpp engine/pluginartifact.h
    engine/pluginstaging.cpp engine/pluginstaging.h
    engine/pushplugin.cpp engine/pushplugin.h
    engine/removeplugin.cpp engine/removeplugin.h
    engine/unpackbudget.cpp engine/unpackbudget.h
)

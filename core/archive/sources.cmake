target_sources(plugdesk_core PRIVATE
    archive/layerextractor.cpp archive/layerextractor.h
    archive/layerwriter.cpp archive/layerwriter.h
    archive/rootfsdir.cpp archive/rootfsdir.h
)

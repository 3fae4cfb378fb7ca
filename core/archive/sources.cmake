target_sources(plugdesk_archive PRIVATE
    archive/bundleheader.cpp archive/bundleheader.h
    archive/bundlereader.cpp archive/bundlereader.h
    archive/bundlewriter.cpp archive/bundlewriter.h
    archive/layerdecoder.cpp archive/layerdecoder.h
    archive/layerextractor.cpp archive/layerextractor.h
    archive/layerwriter.cpp archive/layerwriter.h
    archive/rootfsdir.cpp archive/rootfsdir.h
)

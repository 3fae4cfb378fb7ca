target_sources(plugdesk_core PRIVATE
    store/atomicfile.cpp store/atomicfile.h
    store/blobstore.cpp store/blobstore.h
    store/pendingfile.cpp store/pendingfile.h
    store/store.cpp store/store.h
    store/storelimits.cpp store/storelimits.h
    store/storelock.cpp store/storelock.h
)

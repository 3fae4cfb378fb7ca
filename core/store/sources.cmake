target_sources(plugdesk_store PRIVATE
    store/blobstore.cpp store/blobstore.h
    store/store.cpp store/store.h
    store/storelimits.cpp store/storelimits.h
    store/storelock.cpp store/storelock.h
)

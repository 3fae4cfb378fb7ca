target_sources(plugdesk_base PRIVATE
    base/atomicfile.cpp base/atomicfile.h
    base/backgroundsync.cpp base/backgroundsync.h
    base/crashpoint.cpp base/crashpoint.h
    base/calllocale.cpp base/calllocale.h
    base/digest.cpp base/digest.h
    base/error.cpp base/error.h
    base/httpanswerreader.cpp base/httpanswerreader.h
    base/libcurl.cpp base/libcurl.h
    base/job.cpp base/job.h
    base/json.h
    base/pendingfile.cpp base/pendingfile.h
    base/removetree.cpp base/removetree.h
    base/result.h
    base/units.h
    base/sha256.cpp base/sha256.h
)

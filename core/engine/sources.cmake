target_sources(plugdesk_core PRIVATE
    engine/error.h
    engine/result.h
)

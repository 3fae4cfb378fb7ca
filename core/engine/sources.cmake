target_sources(plugdesk_core PRIVATE
    engine/engine.h
    engine/error.h
    engine/job.cpp engine/job.h
    engine/json.h
    engine/localengine.cpp engine/localengine.h
    engine/result.h
)

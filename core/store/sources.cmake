target_sources(plugdesk_core PRIVATE
)

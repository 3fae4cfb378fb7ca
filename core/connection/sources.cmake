target_sources(plugdesk_connection PRIVATE
    connection/connectionurl.cpp connection/connectionurl.h
)

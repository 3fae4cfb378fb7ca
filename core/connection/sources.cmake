target_sources(plugdesk_connection PRIVATE
    connection/connectionurl.cpp connection/connectionurl.h
    connection/connectionstore.cpp connection/connectionstore.h
    connection/dockercontexts.cpp connection/dockercontexts.h
)

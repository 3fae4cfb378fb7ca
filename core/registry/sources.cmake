target_sources(plugdesk_core PRIVATE
    registry/remoteprivileges.cpp registry/remoteprivileges.h
    registry/remotetags.cpp registry/remotetags.h
    registry/registrylogin.cpp registry/registrylogin.h
    registry/authchallenge.cpp registry/authchallenge.h
    registry/credentials.cpp registry/credentials.h
    registry/manifest.cpp registry/manifest.h
    registry/registryauth.cpp registry/registryauth.h
    registry/registryclient.cpp registry/registryclient.h
    registry/registryendpoint.cpp registry/registryendpoint.h
    registry/tokencache.cpp registry/tokencache.h
)

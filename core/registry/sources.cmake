target_sources(plugdesk_registry PRIVATE
    registry/authchallenge.cpp registry/authchallenge.h
    registry/blobtransfer.cpp registry/blobtransfer.h
    registry/credentials.cpp registry/credentials.h
    registry/platform.cpp registry/platform.h
    registry/registryauth.cpp registry/registryauth.h
    registry/registryauthenticator.cpp registry/registryauthenticator.h
    registry/registryclient.cpp registry/registryclient.h
    registry/registryendpoint.cpp registry/registryendpoint.h
    registry/registryexchange.cpp registry/registryexchange.h
    registry/registrylogin.cpp registry/registrylogin.h
    registry/remoteprivileges.cpp registry/remoteprivileges.h
    registry/remotetags.cpp registry/remotetags.h
    registry/tokencache.cpp registry/tokencache.h
)

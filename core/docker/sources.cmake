target_sources(plugdesk_docker PRIVATE
    docker/dockerclient.cpp docker/dockerclient.h
    docker/dockerengine.cpp docker/dockerengine.h
    docker/swarmplugins.cpp docker/swarmplugins.h
)

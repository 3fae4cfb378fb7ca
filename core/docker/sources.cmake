target_sources(plugdesk_docker PRIVATE
    docker/dockerclient.cpp docker/dockerclient.h
    docker/swarmplugins.cpp docker/swarmplugins.h
)

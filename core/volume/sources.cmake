target_sources(plugdesk_volume PRIVATE
    volume/volume.cpp volume/volume.h
    volume/volumedriverclient.cpp volume/volumedriverclient.h
    volume/volumerecords.cpp volume/volumerecords.h
    volume/volumeservice.cpp volume/volumeservice.h
)

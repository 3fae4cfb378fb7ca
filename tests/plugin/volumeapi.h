#pragma once

// Maps HTTP requests to the VolumeDriver protocol, the legacy /Plugin.Activate handshake and /Plugdesk.Debug.
// Owns nothing: the store and options outlive it.

#include "httpserver.h"
#include "options.h"
#include "volumestore.h"

namespace testplugin {

class VolumeApi final
{
public:
    VolumeApi(VolumeStore &store, const Options &options)
        : m_store(store)
        , m_options(options)
    {}

    HttpResponse handle(const HttpRequest &request);

private:
    VolumeStore &m_store;
    const Options &m_options;
};

} // namespace testplugin

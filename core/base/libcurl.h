#pragma once

#include "core/base/result.h"

#include <QCoreApplication>
#include <curl/curl.h>

namespace core {

// libcurl's functions, from libcurl.so.4 opened on first use rather than linked.
//
// Linked, libcurl brings 28 more libraries into every Plugdesk process (LDAP, Kerberos, SSH, RTMP, GnuTLS, ...), and
// loading and relocating them cost each start about 12 ms, a third of plugdeskctl's start-up, though only a blob
// download (BlobTransfer) and HTTP to a plugin's socket (PluginHttpClient) use libcurl. Code that is about to need it
// calls preload(), so that the library loads on a thread of its own while that code waits for something else (the
// manifest of an install, the runtime starting a plugin).
//
// The headers are still libcurl's; the package depends on libcurl4 by name, since dpkg-shlibdeps cannot see a dlopen.
class LibCurl final
{
    Q_DECLARE_TR_FUNCTIONS(LibCurl)

public:
    decltype(&::curl_easy_init) easyInit = nullptr;
    CURLcode (*easySetopt)(CURL *, CURLoption, ...) = nullptr;
    CURLcode (*easyGetinfo)(CURL *, CURLINFO, ...) = nullptr;
    decltype(&::curl_easy_perform) easyPerform = nullptr;
    decltype(&::curl_easy_cleanup) easyCleanup = nullptr;
    decltype(&::curl_easy_strerror) easyStrerror = nullptr;
    decltype(&::curl_multi_init) multiInit = nullptr;
    decltype(&::curl_multi_add_handle) multiAddHandle = nullptr;
    decltype(&::curl_multi_remove_handle) multiRemoveHandle = nullptr;
    decltype(&::curl_multi_perform) multiPerform = nullptr;
    decltype(&::curl_multi_poll) multiPoll = nullptr;
    decltype(&::curl_multi_wakeup) multiWakeup = nullptr;
    decltype(&::curl_multi_info_read) multiInfoRead = nullptr;
    decltype(&::curl_multi_cleanup) multiCleanup = nullptr;
    decltype(&::curl_slist_append) slistAppend = nullptr;
    decltype(&::curl_slist_free_all) slistFreeAll = nullptr;

    // The library, loaded and initialised (curl_global_init) on the first call from any thread; later calls answer
    // at once. An error names the library and what the loader said; it is the same error every time.
    static Result<const LibCurl *> get();
    // Starts get() on a thread of its own and returns at once; does nothing once it was started.
    static void preload();

private:
    LibCurl() = default;
};

} // namespace core

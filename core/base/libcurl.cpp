#include "core/base/libcurl.h"

#include <dlfcn.h>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>

namespace core {

namespace {

constexpr const char *kLibrary = "libcurl.so.4";

// The one load: filled once under std::call_once, read-only afterwards.
struct Loaded
{
    std::once_flag once;
    std::optional<LibCurl> library;
    std::optional<Error> error;
};

Loaded &loaded()
{
    static Loaded instance;
    return instance;
}

// The preloading thread, joined when the program ends so that no load is cut short by exit.
struct Preloader
{
    std::once_flag once;
    std::thread thread;
    ~Preloader()
    {
        if (thread.joinable())
            thread.join();
    }
};

Preloader &preloader()
{
    static Preloader instance;
    return instance;
}

} // namespace

Result<const LibCurl *> LibCurl::get()
{
    Loaded &state = loaded();
    std::call_once(state.once, [&state] {
        void *handle = ::dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char *why = ::dlerror();
            state.error = Error{
                ErrorCode::Internal,
                tr("cannot load %1: %2").arg(QLatin1String(kLibrary), why ? QString::fromLocal8Bit(why) : QString())};
            return;
        }
        LibCurl library;
        QStringList missing;
        auto bind = [&](auto &slot, const char *name) {
            slot = reinterpret_cast<std::remove_reference_t<decltype(slot)>>(::dlsym(handle, name));
            if (!slot)
                missing.append(QLatin1String(name));
        };
        bind(library.easyInit, "curl_easy_init");
        bind(library.easySetopt, "curl_easy_setopt");
        bind(library.easyGetinfo, "curl_easy_getinfo");
        bind(library.easyPerform, "curl_easy_perform");
        bind(library.easyCleanup, "curl_easy_cleanup");
        bind(library.easyStrerror, "curl_easy_strerror");
        bind(library.multiInit, "curl_multi_init");
        bind(library.multiAddHandle, "curl_multi_add_handle");
        bind(library.multiRemoveHandle, "curl_multi_remove_handle");
        bind(library.multiPerform, "curl_multi_perform");
        bind(library.multiPoll, "curl_multi_poll");
        bind(library.multiWakeup, "curl_multi_wakeup");
        bind(library.multiInfoRead, "curl_multi_info_read");
        bind(library.multiCleanup, "curl_multi_cleanup");
        bind(library.slistAppend, "curl_slist_append");
        bind(library.slistFreeAll, "curl_slist_free_all");
        CURLcode (*globalInit)(long) = nullptr;
        bind(globalInit, "curl_global_init");
        if (!missing.isEmpty()) {
            state.error =
                Error{ErrorCode::Internal, tr("cannot use %1: it lacks %2 (libcurl 7.85 or later is needed)")
                                               .arg(QLatin1String(kLibrary), missing.join(QStringLiteral(", ")))};
            return;
        }
        if (const CURLcode code = globalInit(CURL_GLOBAL_DEFAULT); code != CURLE_OK) {
            state.error = Error{ErrorCode::Internal,
                                tr("cannot initialise %1: %2")
                                    .arg(QLatin1String(kLibrary), QString::fromLocal8Bit(library.easyStrerror(code)))};
            return;
        }
        // The handle stays open for the life of the process.
        state.library = library;
    });
    if (state.error)
        return *state.error;
    return &*state.library;
}

void LibCurl::preload()
{
    loaded(); // constructed before the preloader, so destroyed after the preloader joined its thread
    Preloader &loader = preloader();
    std::call_once(loader.once, [&loader] { loader.thread = std::thread([] { (void)get(); }); });
}

} // namespace core

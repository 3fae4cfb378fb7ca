// LibCurl: libcurl is not in the process until it is first asked for (it is opened, not linked); then every
// function is there, every caller from any thread gets the same one, and preload() loads it without anyone waiting.
#include "core/base/libcurl.h"

#include <QFile>
#include <QTest>
#include <thread>
#include <vector>

using core::LibCurl;

namespace {

bool curlMapped()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    return maps.readAll().contains("/libcurl.so.4");
}

} // namespace

class TestLibCurl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Runs first: nothing before it asked for libcurl.
    void notLoadedUntilPreloaded()
    {
        QVERIFY2(!curlMapped(), "libcurl is in the process before anything asked for it: is it linked again?");
        LibCurl::preload();
        LibCurl::preload(); // a second call starts nothing more
        QTRY_VERIFY(curlMapped());
    }

    void everyCallerGetsTheSameLibrary()
    {
        const auto first = LibCurl::get();
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        std::vector<std::thread> callers;
        std::vector<const LibCurl *> seen(4, nullptr);
        for (size_t i = 0; i < seen.size(); ++i) {
            callers.emplace_back([&seen, i] {
                if (auto library = LibCurl::get())
                    seen[i] = *library;
            });
        }
        for (std::thread &caller : callers)
            caller.join();
        for (const LibCurl *library : seen)
            QCOMPARE(library, *first);
    }

    // A handle made and used through the functions it resolved: an option set, a string for a code, an slist.
    void itsFunctionsWork()
    {
        const auto loaded = LibCurl::get();
        QVERIFY(loaded);
        const LibCurl *lib = *loaded;
        CURL *easy = lib->easyInit();
        QVERIFY(easy);
        QCOMPARE(lib->easySetopt(easy, CURLOPT_URL, "http://127.0.0.1:9/"), CURLE_OK);
        QCOMPARE(lib->easySetopt(easy, CURLOPT_PROTOCOLS_STR, "http,https"), CURLE_OK);
        long code = -1;
        QCOMPARE(lib->easyGetinfo(easy, CURLINFO_RESPONSE_CODE, &code), CURLE_OK);
        QCOMPARE(code, 0L);
        lib->easyCleanup(easy);
        QVERIFY(QByteArray(lib->easyStrerror(CURLE_COULDNT_CONNECT)).contains("connect"));
        curl_slist *list = lib->slistAppend(nullptr, "Accept: */*");
        QVERIFY(list && QByteArray(list->data) == "Accept: */*");
        lib->slistFreeAll(list);
        CURLM *multi = lib->multiInit();
        QVERIFY(multi);
        QCOMPARE(lib->multiWakeup(multi), CURLM_OK);
        QCOMPARE(lib->multiCleanup(multi), CURLM_OK);
    }
};

QTEST_GUILESS_MAIN(TestLibCurl)
#include "tst_libcurl.moc"

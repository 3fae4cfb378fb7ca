# cmake -DDIR=<dir> -P gzipmanpages.cmake: DIR/*.1 -> DIR/*.1.gz, gzip -9n (no name, no time stamp), as Debian wants.
file(GLOB pages ${DIR}/*.1)
foreach(page IN LISTS pages)
    execute_process(COMMAND gzip -9nc ${page} OUTPUT_FILE ${page}.gz RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "gzip ${page}: ${result}")
    endif()
endforeach()

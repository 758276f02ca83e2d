# The SQL console's non-widget parts: statement-under-cursor logic, the session that runs scripts
# and spools results on a worker thread, the spooled result and the grid's bounded row-cache model,
# copy/export formats and the history. Included from core/CMakeLists.txt.
target_sources(dblearn-core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/consolesession.cpp ${CMAKE_CURRENT_LIST_DIR}/consolesession.h
    ${CMAKE_CURRENT_LIST_DIR}/historystore.cpp ${CMAKE_CURRENT_LIST_DIR}/historystore.h
    ${CMAKE_CURRENT_LIST_DIR}/resultformatter.cpp ${CMAKE_CURRENT_LIST_DIR}/resultformatter.h
    ${CMAKE_CURRENT_LIST_DIR}/resultmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/resultmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/resultspool.cpp ${CMAKE_CURRENT_LIST_DIR}/resultspool.h
    ${CMAKE_CURRENT_LIST_DIR}/sqlkeywords.cpp ${CMAKE_CURRENT_LIST_DIR}/sqlkeywords.h
    ${CMAKE_CURRENT_LIST_DIR}/rowloader.cpp ${CMAKE_CURRENT_LIST_DIR}/rowloader.h
    ${CMAKE_CURRENT_LIST_DIR}/statementlocator.cpp ${CMAKE_CURRENT_LIST_DIR}/statementlocator.h
)

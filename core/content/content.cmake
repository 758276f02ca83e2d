# The content check: every lesson of the curriculum rendered, its links, blocks and quizzes checked,
# its runnable blocks and reference solutions run (dblearn-cli check-content, the tests, the app).
target_sources(dblearn-core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/contentchecker.cpp ${CMAKE_CURRENT_LIST_DIR}/contentchecker.h
    ${CMAKE_CURRENT_LIST_DIR}/contentreport.cpp ${CMAKE_CURRENT_LIST_DIR}/contentreport.h
    ${CMAKE_CURRENT_LIST_DIR}/lessonexecutioncheck.cpp ${CMAKE_CURRENT_LIST_DIR}/lessonexecutioncheck.h
    ${CMAKE_CURRENT_LIST_DIR}/lessonstructurecheck.cpp ${CMAKE_CURRENT_LIST_DIR}/lessonstructurecheck.h
    ${CMAKE_CURRENT_LIST_DIR}/snippetexecutor.cpp ${CMAKE_CURRENT_LIST_DIR}/snippetexecutor.h
)

# The HTML document around a rendered lesson (CSP, page assets, theme).
target_sources(dblearn-core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/lessonpagetemplate.cpp ${CMAKE_CURRENT_LIST_DIR}/lessonpagetemplate.h)

target_sources(dblearn-core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/lessonlibrary.cpp ${CMAKE_CURRENT_LIST_DIR}/lessonlibrary.h)

# Desktop integration in the core: loading the translations for the user's language.
target_sources(dblearn-core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/translations.cpp ${CMAKE_CURRENT_LIST_DIR}/translations.h
)

# Query plans: one normalised model for every engine's EXPLAIN, the parsers, the analyzer and
# warnings engine, plan diff, layout and export. The node-type cards are data, compiled in.
target_sources(dblearn-core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/mariadbjsonplanparser.cpp ${CMAKE_CURRENT_LIST_DIR}/mariadbjsonplanparser.h
    ${CMAKE_CURRENT_LIST_DIR}/mysqljsonplanparser.cpp ${CMAKE_CURRENT_LIST_DIR}/mysqljsonplanparser.h
    ${CMAKE_CURRENT_LIST_DIR}/mysqltreeplanparser.cpp ${CMAKE_CURRENT_LIST_DIR}/mysqltreeplanparser.h
    ${CMAKE_CURRENT_LIST_DIR}/nodetypecatalog.cpp ${CMAKE_CURRENT_LIST_DIR}/nodetypecatalog.h
    ${CMAKE_CURRENT_LIST_DIR}/pgjsonplanparser.cpp ${CMAKE_CURRENT_LIST_DIR}/pgjsonplanparser.h
    ${CMAKE_CURRENT_LIST_DIR}/pgnodenames.cpp ${CMAKE_CURRENT_LIST_DIR}/pgnodenames.h
    ${CMAKE_CURRENT_LIST_DIR}/pgtextplanparser.cpp ${CMAKE_CURRENT_LIST_DIR}/pgtextplanparser.h
    ${CMAKE_CURRENT_LIST_DIR}/plan.cpp ${CMAKE_CURRENT_LIST_DIR}/plan.h
    ${CMAKE_CURRENT_LIST_DIR}/plananalyzer.cpp ${CMAKE_CURRENT_LIST_DIR}/plananalyzer.h
    ${CMAKE_CURRENT_LIST_DIR}/plandiff.cpp ${CMAKE_CURRENT_LIST_DIR}/plandiff.h
    ${CMAKE_CURRENT_LIST_DIR}/planformat.cpp ${CMAKE_CURRENT_LIST_DIR}/planformat.h
    ${CMAKE_CURRENT_LIST_DIR}/planhistory.cpp ${CMAKE_CURRENT_LIST_DIR}/planhistory.h
    ${CMAKE_CURRENT_LIST_DIR}/planjsonreader.cpp ${CMAKE_CURRENT_LIST_DIR}/planjsonreader.h
    ${CMAKE_CURRENT_LIST_DIR}/planjsonwriter.cpp ${CMAKE_CURRENT_LIST_DIR}/planjsonwriter.h
    ${CMAKE_CURRENT_LIST_DIR}/planlayout.cpp ${CMAKE_CURRENT_LIST_DIR}/planlayout.h
    ${CMAKE_CURRENT_LIST_DIR}/plannode.cpp ${CMAKE_CURRENT_LIST_DIR}/plannode.h
    ${CMAKE_CURRENT_LIST_DIR}/planparseerror.h
    ${CMAKE_CURRENT_LIST_DIR}/planparser.cpp ${CMAKE_CURRENT_LIST_DIR}/planparser.h
    ${CMAKE_CURRENT_LIST_DIR}/plantextreport.cpp ${CMAKE_CURRENT_LIST_DIR}/plantextreport.h
    ${CMAKE_CURRENT_LIST_DIR}/planwarningrules.cpp ${CMAKE_CURRENT_LIST_DIR}/planwarningrules.h
    ${CMAKE_CURRENT_LIST_DIR}/psqlframing.cpp ${CMAKE_CURRENT_LIST_DIR}/psqlframing.h
    ${CMAKE_CURRENT_LIST_DIR}/sqliteplanparser.cpp ${CMAKE_CURRENT_LIST_DIR}/sqliteplanparser.h
)
qt_add_resources(dblearn-core dblearn_plan_cards
    PREFIX /dblearn/plans
    BASE ${PROJECT_SOURCE_DIR}/resources/plans
    FILES ${PROJECT_SOURCE_DIR}/resources/plans/node-types.json)

# The part of the core library the fuzz targets reach (the lesson renderer, front matter,
# curriculum, plans, worksheets and the checker's values), compiled once into a static library
# with the fuzz build's instrumentation: a third of dblearn-core, so the fuzz build stays small.
# A target that needs another core file adds it here (the link fails with the missing symbol).
set(core ${PROJECT_SOURCE_DIR}/core)
add_library(dblearn-fuzz-core STATIC
    ${core}/backends/column.cpp ${core}/backends/rowbatch.cpp
    ${core}/checker/normalizedvalue.cpp ${core}/checker/valuenormalizer.cpp
    ${core}/cost/componentspecs.cpp ${core}/cost/costcomponent.cpp ${core}/cost/costengine.cpp
    ${core}/cost/financecalculator.cpp ${core}/cost/growthmodel.cpp ${core}/cost/scenariocosts.cpp
    ${core}/cost/sensitivityanalysis.cpp ${core}/cost/worksheet.cpp ${core}/cost/worksheetfile.cpp
    ${core}/cost/worksheetresults.cpp ${core}/cost/worksheetvalidator.cpp
    ${core}/curriculum/curriculum.cpp
    ${core}/lessons/frontmatter.cpp ${core}/lessons/headingslugger.cpp ${core}/lessons/htmlbuffer.cpp
    ${core}/lessons/htmlentities.cpp ${core}/lessons/lessonblockparser.cpp ${core}/lessons/lessonblockwriter.cpp
    ${core}/lessons/lessonrendercontext.cpp
    ${core}/lessons/lessonhtmlbuilder.cpp ${core}/lessons/markdownrenderer.cpp ${core}/lessons/mathcache.cpp
    ${core}/lessons/miniyaml.cpp ${core}/lessons/quiz.cpp ${core}/lessons/renderedlesson.cpp
    ${core}/lessons/sqlcodehighlighter.cpp ${core}/console/sqlkeywords.cpp ${core}/lessons/urlfilter.cpp
    ${core}/lessons/utf8validator.cpp ${core}/lessons/yamlnode.cpp
    ${core}/plans/mariadbjsonplanparser.cpp ${core}/plans/mysqljsonplanparser.cpp ${core}/plans/mysqltreeplanparser.cpp
    ${core}/plans/nodetypecatalog.cpp ${core}/plans/pgjsonplanparser.cpp ${core}/plans/pgnodenames.cpp
    ${core}/plans/pgtextplanparser.cpp ${core}/plans/plan.cpp ${core}/plans/plananalyzer.cpp ${core}/plans/plandiff.cpp
    ${core}/plans/planformat.cpp ${core}/plans/planjsonreader.cpp ${core}/plans/planjsonwriter.cpp
    ${core}/plans/planlayout.cpp ${core}/plans/plannode.cpp ${core}/plans/planparser.cpp ${core}/plans/plantextreport.cpp
    ${core}/plans/planwarningrules.cpp ${core}/plans/psqlframing.cpp ${core}/plans/sqliteplanparser.cpp
)
target_include_directories(dblearn-fuzz-core PUBLIC ${core})
target_link_libraries(dblearn-fuzz-core PUBLIC Qt6::Core Qt6::Gui Qt6::Sql PkgConfig::MD4C)
# The node-type cards NodeTypeCatalog reads (as in core/plans/plans.cmake).
qt_add_resources(dblearn-fuzz-core dblearn_fuzz_plan_cards
    PREFIX /dblearn/plans
    BASE ${PROJECT_SOURCE_DIR}/resources/plans
    FILES ${PROJECT_SOURCE_DIR}/resources/plans/node-types.json)

# Cost and TCO worksheets: the model, the arithmetic, finance, sensitivity, the price catalog and
# the file format (docs/worksheet-format.md).
target_sources(dblearn-core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/componentspecs.cpp ${CMAKE_CURRENT_LIST_DIR}/componentspecs.h
    ${CMAKE_CURRENT_LIST_DIR}/costcomponent.cpp ${CMAKE_CURRENT_LIST_DIR}/costcomponent.h
    ${CMAKE_CURRENT_LIST_DIR}/costengine.cpp ${CMAKE_CURRENT_LIST_DIR}/costengine.h
    ${CMAKE_CURRENT_LIST_DIR}/financecalculator.cpp ${CMAKE_CURRENT_LIST_DIR}/financecalculator.h
    ${CMAKE_CURRENT_LIST_DIR}/growthmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/growthmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/lineitem.h
    ${CMAKE_CURRENT_LIST_DIR}/lineitemexplainer.cpp ${CMAKE_CURRENT_LIST_DIR}/lineitemexplainer.h
    ${CMAKE_CURRENT_LIST_DIR}/pricecatalog.cpp ${CMAKE_CURRENT_LIST_DIR}/pricecatalog.h
    ${CMAKE_CURRENT_LIST_DIR}/priceentry.h
    ${CMAKE_CURRENT_LIST_DIR}/scenario.h
    ${CMAKE_CURRENT_LIST_DIR}/scenariocosts.cpp ${CMAKE_CURRENT_LIST_DIR}/scenariocosts.h
    ${CMAKE_CURRENT_LIST_DIR}/sensitivityanalysis.cpp ${CMAKE_CURRENT_LIST_DIR}/sensitivityanalysis.h
    ${CMAKE_CURRENT_LIST_DIR}/tornadobar.h
    ${CMAKE_CURRENT_LIST_DIR}/validationissue.h
    ${CMAKE_CURRENT_LIST_DIR}/worksheet.cpp ${CMAKE_CURRENT_LIST_DIR}/worksheet.h
    ${CMAKE_CURRENT_LIST_DIR}/worksheetautosave.cpp ${CMAKE_CURRENT_LIST_DIR}/worksheetautosave.h
    ${CMAKE_CURRENT_LIST_DIR}/worksheetexporter.cpp ${CMAKE_CURRENT_LIST_DIR}/worksheetexporter.h
    ${CMAKE_CURRENT_LIST_DIR}/worksheetfile.cpp ${CMAKE_CURRENT_LIST_DIR}/worksheetfile.h
    ${CMAKE_CURRENT_LIST_DIR}/worksheettemplates.cpp ${CMAKE_CURRENT_LIST_DIR}/worksheettemplates.h
    ${CMAKE_CURRENT_LIST_DIR}/worksheetresults.cpp ${CMAKE_CURRENT_LIST_DIR}/worksheetresults.h
    ${CMAKE_CURRENT_LIST_DIR}/worksheetvalidator.cpp ${CMAKE_CURRENT_LIST_DIR}/worksheetvalidator.h
)

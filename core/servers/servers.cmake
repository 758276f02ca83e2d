# Local database servers the application creates and runs for the learner.
target_sources(dblearn-core PRIVATE
    servers/localserver.cpp servers/localserver.h
    servers/localservers.cpp servers/localservers.h
    servers/mariadblocalserver.cpp servers/mariadblocalserver.h
    servers/postgresqllocalserver.cpp servers/postgresqllocalserver.h
)

#pragma once

namespace dblearn {

class BackendRegistry;
class Curriculum;
class DatasetProvider;
class LessonSearchIndex;
class LocalServers;
class LessonWebProfile;
class ProgressStore;

// The application's long-lived services, owned by the application and shared with its windows.
// progress and search may be null (the store could not be opened; the index is still building).
struct AppServices {
    BackendRegistry *registry = nullptr;
    Curriculum *curriculum = nullptr;
    LessonWebProfile *webProfile = nullptr;
    DatasetProvider *datasets = nullptr;
    ProgressStore *progress = nullptr;
    LessonSearchIndex *search = nullptr;
    LocalServers *localServers = nullptr;
};

} // namespace dblearn

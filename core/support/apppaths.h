#pragma once

#include <QString>

namespace dblearn {

// Where the application finds its own files. Everything is relative to the executable's folder,
// so the build tree (build/bin) and the install tree (<prefix>/bin) work the same way.
class AppPaths final
{
public:
    static QString pluginDir();  // <bin>/../lib/dblearn/plugins
    static QString dataDir();    // <bin>/../share/dblearn
    static QString contentDir(); // dataDir()/content, or $DBLEARN_CONTENT_DIR
    static QString webDir();     // dataDir()/web: the lesson page's scripts, styles and fonts
    // dataDir()/math: the lessons' math rendered at build time (MathCache); DBLEARN_MATH_DIR
    // overrides it, for the math of other content (dblearn-mathcache --out).
    static QString mathDir();
};

} // namespace dblearn

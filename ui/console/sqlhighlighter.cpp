#include "sqlhighlighter.h"

#include "builtinsqlhighlighter.h"
#ifdef DBLEARN_HAVE_KSYNTAXHIGHLIGHTING
#include "ksyntaxsqlhighlighter.h"
#endif

namespace dblearn {

SqlHighlighter *SqlHighlighter::create(QTextDocument *document, const QString &dialect)
{
#ifdef DBLEARN_HAVE_KSYNTAXHIGHLIGHTING
    return new KSyntaxSqlHighlighter(document, dialect);
#else
    return new BuiltinSqlHighlighter(document, dialect);
#endif
}

} // namespace dblearn

#include "lessons/lessonblockparser.h"

#include "lessons/miniyaml.h"

namespace dblearn {

namespace {

class BlockChecker
{
public:
    BlockChecker(const QString &context, QStringList *errors) : m_context(context), m_errors(errors) {}

    void error(int line, const QString &message)
    {
        m_errors->append(QStringLiteral("%1 line %2: %3").arg(m_context).arg(line).arg(message));
        m_ok = false;
    }
    // An error that does not make the block unusable.
    void softError(int line, const QString &message)
    {
        m_errors->append(QStringLiteral("%1 line %2: %3").arg(m_context).arg(line).arg(message));
    }
    bool ok() const { return m_ok; }

    // where: "a quiz", "option %1" (with optionId for %1)
    void checkKeys(const YamlNode &map, std::initializer_list<QByteArrayView> known, const char *where,
                   const QString &optionId = {})
    {
        for (const YamlNode &value : map.values) {
            bool found = false;
            for (const QByteArrayView k : known)
                found = found || value.key == k;
            if (!found) {
                const QString keyName = QString::fromLatin1(value.key);
                QStringList names;
                for (const QByteArrayView k : known)
                    names.append(QString::fromLatin1(k));
                QString place = QLatin1String(where);
                if (!optionId.isEmpty())
                    place = place.arg(optionId);
                error(value.line, QStringLiteral("unknown key '%1' in %2 (known keys: %3)")
                                              .arg(keyName, place, names.join(QLatin1String(", "))));
            }
        }
    }

    // Text field: any scalar (numbers and booleans become their text). Empty when absent.
    QString text(const YamlNode &map, const char *key, bool required, int fallbackLine)
    {
        const YamlNode *node = map.find(QLatin1String(key));
        if (!node || node->isNull()) {
            if (required)
                error(node ? node->line : fallbackLine, QStringLiteral("'%1' is missing").arg(QLatin1String(key)));
            return {};
        }
        if (!node->isScalar()) {
            error(node->line, QStringLiteral("'%1' must be text").arg(QLatin1String(key)));
            return {};
        }
        const QString value = node->toString();
        if (required && value.trimmed().isEmpty())
            error(node->line, QStringLiteral("'%1' is empty").arg(QLatin1String(key)));
        return value;
    }

    bool boolean(const YamlNode &map, const char *key, bool defaultValue)
    {
        const YamlNode *node = map.find(QLatin1String(key));
        if (!node || node->isNull())
            return defaultValue;
        if (!node->isBool()) {
            error(node->line, QStringLiteral("'%1' must be true or false").arg(QLatin1String(key)));
            return defaultValue;
        }
        return node->boolean;
    }

    QString id(const YamlNode &map)
    {
        const YamlNode *node = map.find(QLatin1String("id"));
        if (!node || node->isNull())
            return {};
        const QString value = node->isScalar() ? node->toString() : QString();
        if (!node->isScalar() || node->isBool() || !LessonBlockParser::isValidId(value)) {
            error(node->line, QStringLiteral("'id' must be lower-case letters, digits, '-' or '_' (at most 48)"));
            return {};
        }
        return value;
    }

private:
    QString m_context;
    QStringList *m_errors;
    bool m_ok = true;
};

int firstTextLine(const YamlNode &map, const char *key)
{
    const YamlNode *node = map.find(QLatin1String(key));
    if (!node)
        return 0;
    // A '|' block starts on the line after its key.
    return node->literalBlock ? node->line + 1 : node->line;
}

QString trimmedCode(const QString &code)
{
    QString s = code;
    while (s.endsWith(QLatin1Char('\n')) || s.endsWith(QLatin1Char(' ')))
        s.chop(1);
    return s;
}

} // namespace

bool LessonBlockParser::isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > 48)
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const char16_t c = id.at(i).unicode();
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || (i > 0 && (c == u'-' || c == u'_'));
        if (!ok)
            return false;
    }
    return true;
}

bool LessonBlockParser::isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > 32)
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool ok = (c >= u'a' && c <= u'z') || (i > 0 && ((c >= u'0' && c <= u'9') || c == u'_'));
        if (!ok)
            return false;
    }
    return true;
}

bool LessonBlockParser::parseExercise(QByteArrayView content, int fenceLine, Exercise *out, QStringList *errors)
{
    *out = Exercise();
    out->line = fenceLine;
    const QString context = QStringLiteral("exercise block");
    YamlNode root;
    QString yamlError;
    if (!MiniYaml::parse(content, fenceLine + 1, context, &root, &yamlError)) {
        errors->append(yamlError);
        return false;
    }
    BlockChecker c(context, errors);
    c.checkKeys(root,
                {"id", "title", "engine", "dataset", "variant_datasets", "prompt", "starter", "hint", "solution",
                 "verify", "ordered", "check_column_names", "float_tolerance"},
                "an exercise");

    out->id = c.id(root);
    out->title = c.text(root, "title", false, fenceLine).trimmed();
    out->engine = c.text(root, "engine", true, fenceLine).trimmed();
    if (!out->engine.isEmpty() && !isValidName(out->engine))
        c.error(root.find(QLatin1String("engine"))->line, QStringLiteral("'engine' must be an engine name such as sqlite"));
    out->dataset = c.text(root, "dataset", false, fenceLine).trimmed();
    if (!out->dataset.isEmpty() && !isValidName(out->dataset))
        c.error(root.find(QLatin1String("dataset"))->line, QStringLiteral("'dataset' must be a dataset name such as shop"));
    if (const YamlNode *variants = root.find(QLatin1String("variant_datasets"))) {
        if (!variants->isList()) {
            c.error(variants->line, QStringLiteral("'variant_datasets' must be a list of dataset names"));
        } else {
            for (const YamlNode &item : variants->items) {
                const QString name = item.toString();
                if (!item.isString() || !isValidName(name))
                    c.error(item.line, QStringLiteral("'variant_datasets' items must be dataset names"));
                else
                    out->variantDatasets.append(name);
            }
        }
    }
    out->prompt = c.text(root, "prompt", true, fenceLine).trimmed();
    out->starter = trimmedCode(c.text(root, "starter", false, fenceLine));
    out->solution = trimmedCode(c.text(root, "solution", true, fenceLine));
    out->solutionLine = firstTextLine(root, "solution");
    out->verify = trimmedCode(c.text(root, "verify", false, fenceLine));
    out->verifyLine = out->verify.isEmpty() ? 0 : firstTextLine(root, "verify");
    out->ordered = c.boolean(root, "ordered", false);
    out->checkColumnNames = c.boolean(root, "check_column_names", false);

    if (const YamlNode *tol = root.find(QLatin1String("float_tolerance"))) {
        if (!tol->isNumber() || tol->toDouble() < 0 || tol->toDouble() > 1e6)
            c.error(tol->line, QStringLiteral("'float_tolerance' must be a number from 0 to 1e6, such as 0.001"));
        else
            out->floatTolerance = tol->toDouble();
    }

    const bool usable = c.ok();
    if (const YamlNode *hint = root.find(QLatin1String("hint"))) {
        const QString text = hint->isScalar() ? hint->toString().trimmed() : QString();
        if (!text.isEmpty()) {
            out->hints.append(text);
        } else if (hint->isList() && !hint->items.empty()) {
            for (const YamlNode &item : hint->items) {
                const QString itemText = item.isScalar() ? item.toString().trimmed() : QString();
                if (!itemText.isEmpty())
                    out->hints.append(itemText);
                else
                    c.softError(item.line, QStringLiteral("each hint must be text"));
            }
        } else {
            c.softError(hint->line, QStringLiteral("'hint' must be text or a list of texts"));
        }
    } else {
        c.softError(fenceLine, QStringLiteral("the exercise has no 'hint'"));
    }
    return usable;
}

bool LessonBlockParser::parseQuiz(QByteArrayView content, int fenceLine, Quiz *out, QStringList *errors)
{
    *out = Quiz();
    out->line = fenceLine;
    const QString context = QStringLiteral("quiz block");
    YamlNode root;
    QString yamlError;
    if (!MiniYaml::parse(content, fenceLine + 1, context, &root, &yamlError)) {
        errors->append(yamlError);
        return false;
    }
    BlockChecker c(context, errors);
    c.checkKeys(root, {"id", "question", "type", "options"}, "a quiz");
    out->id = c.id(root);
    out->question = c.text(root, "question", true, fenceLine).trimmed();

    const QString type = c.text(root, "type", false, fenceLine).trimmed();
    if (type == QLatin1String("multiple"))
        out->multiple = true;
    else if (!type.isEmpty() && type != QLatin1String("single"))
        c.error(root.find(QLatin1String("type"))->line, QStringLiteral("'type' must be single or multiple"));

    const YamlNode *options = root.find(QLatin1String("options"));
    if (!options || !options->isList()) {
        c.error(options ? options->line : fenceLine, QStringLiteral("'options' must be a list of options (- text: ...)"));
        return false;
    }
    if (options->items.size() < 2 || options->items.size() > 10)
        c.error(options->line, QStringLiteral("a question needs 2 to 10 options, not %1").arg(options->items.size()));

    // Option ids "a" to "j" made once (at most 10 options are valid; the ids of more, reported as
    // an error, are made as they come).
    static const QString optionIds[] = {
        QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("e"),
        QStringLiteral("f"), QStringLiteral("g"), QStringLiteral("h"), QStringLiteral("i"), QStringLiteral("j"),
    };
    out->options.reserve(qsizetype(options->items.size()));
    int index = 0;
    for (const YamlNode &item : options->items) {
        QuizOption option;
        option.id = index < 10 ? optionIds[index] : QString(QLatin1Char(char('a' + qMin(index, 25))));
        option.line = item.line;
        ++index;
        if (!item.isMap()) {
            c.error(item.line, QStringLiteral("option %1 must be a map: '- text: ...' with correct: and explanation:").arg(option.id));
            continue;
        }
        c.checkKeys(item, {"text", "correct", "explanation"}, "option %1", option.id);
        option.text = c.text(item, "text", false, item.line).trimmed();
        if (option.text.isEmpty())
            c.error(item.line, QStringLiteral("option %1 has no text").arg(option.id));
        option.correct = c.boolean(item, "correct", false);
        option.explanation = c.text(item, "explanation", false, item.line).trimmed();
        if (option.explanation.isEmpty())
            c.error(item.line, QStringLiteral("option %1 has no explanation (say why it is right or wrong)").arg(option.id));
        out->options.append(std::move(option));
    }

    const qsizetype correct = out->correctOptionIds().size();
    if (correct == 0)
        c.error(options->line, QStringLiteral("no option is marked 'correct: true'"));
    else if (!out->multiple && correct != 1)
        c.error(options->line, QStringLiteral("a single-choice question needs exactly one correct option, not %1 "
                                              "(use 'type: multiple' for choose-all-that-apply)").arg(correct));
    return c.ok();
}

} // namespace dblearn

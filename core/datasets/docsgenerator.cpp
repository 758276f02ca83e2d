#include "datasets/docsgenerator.h"

#include "datasets/datasetrandom.h"
#include "datasets/textbuilder.h"
#include "datasets/valuetext.h"

#include <cmath>

namespace dblearn {

namespace {

using Scaling = TableSpec::Scaling;

constexpr int dimensions = 16;
using Embedding = double[dimensions];

// How far each level strays from the one above it (the length of the added noise vector).
constexpr double subjectSpread = 0.45; // a pair's subject around its topic
constexpr double documentSpread = 0.25; // a document around its subject
constexpr double chunkSpread = 0.4; // a chunk around its document
constexpr double querySpread = 0.4; // a query around the document it was written for

struct Topic {
    const char *name;
    const char *subjects[6];
    const char *words[8];
};

const Topic topics[] = {
    {"databases",
     {"B-tree indexes", "write-ahead logging", "query planning", "MVCC", "table partitioning", "replication"},
     {"pages", "transactions", "locks", "the buffer pool", "statistics", "the optimizer", "durability", "latency"}},
    {"machine learning",
     {"gradient descent", "overfitting", "feature engineering", "cross-validation", "embeddings", "model drift"},
     {"training data", "the loss", "regularisation", "labels", "the validation set", "hyperparameters", "bias",
      "variance"}},
    {"networking",
     {"TCP congestion control", "DNS resolution", "TLS handshakes", "load balancing", "HTTP caching", "BGP routing"},
     {"packets", "round trips", "throughput", "certificates", "timeouts", "headers", "retries", "bandwidth"}},
    {"security",
     {"password hashing", "SQL injection", "access control", "secret rotation", "audit logging", "encryption at rest"},
     {"attackers", "credentials", "least privilege", "keys", "threat models", "salts", "permissions", "compliance"}},
    {"cooking",
     {"sourdough bread", "knife skills", "slow braising", "fermentation", "pan sauces", "meal prep"},
     {"flour", "the oven", "salt", "acidity", "temperature", "the dough", "stock", "resting time"}},
    {"astronomy",
     {"exoplanet detection", "stellar lifecycles", "telescope optics", "dark matter", "lunar phases", "comet orbits"},
     {"light curves", "the spectrum", "gravity", "the aperture", "redshift", "orbits", "luminosity", "galaxies"}},
    {"personal finance",
     {"index funds", "emergency savings", "compound interest", "budgeting", "retirement accounts", "mortgages"},
     {"fees", "inflation", "the interest rate", "risk", "cash flow", "taxes", "diversification", "debt"}},
    {"gardening",
     {"composting", "tomato pruning", "soil testing", "drip irrigation", "companion planting", "seed saving"},
     {"nitrogen", "watering", "sunlight", "mulch", "roots", "pests", "the pH", "seedlings"}},
};
constexpr int topicCount = int(sizeof topics / sizeof topics[0]);

const char *const aspects[] = {"for beginners", "at scale", "in production", "on a budget", "step by step",
                               "common pitfalls"};
const char *const sentences[] = {
    "%S is a core idea in %T: it decides how %A and %B interact.",
    "In practice, %S depends on %A, so measure %B before changing anything.",
    "A common mistake with %S is to ignore %A, which quietly hurts %B.",
    "Compared with other approaches, %S trades %A for simpler handling of %B.",
    "To get started with %S, look at %A first and only then at %B.",
    "Experienced practitioners watch %A closely when %S meets %B.",
    "The classic explanation of %S starts from %A and ends with %B.",
    "When %S goes wrong, the first symptom is usually %A, not %B.",
};
const char *const queryForms[] = {"How does %S work %P?", "What should I know about %S %P?",
                                  "%S %P: best practices", "Explain %S %P and the role of %A."};

void normalise(Embedding v)
{
    double sum = 0;
    for (int i = 0; i < dimensions; ++i)
        sum += v[i] * v[i];
    const double length = std::sqrt(sum);
    for (int i = 0; i < dimensions; ++i)
        v[i] = length > 0 ? v[i] / length : 0;
}

// out = normalise(base + noise of about `spread` length)
void perturb(const Embedding base, double spread, DatasetRandom &random, Embedding out)
{
    const double perComponent = spread / 4.0; // sqrt(16): the noise vector's expected length is `spread`
    for (int i = 0; i < dimensions; ++i)
        out[i] = base[i] + random.normal() * perComponent;
    normalise(out);
}

void appendEmbedding(TextBuilder &text, const Embedding v)
{
    text.clear().append('[');
    for (int i = 0; i < dimensions; ++i) {
        if (i)
            text.append(',');
        text.appendFixed(std::llround(v[i] * 10000.0), 4);
    }
    text.append(']');
}

// Fills a template: %S subject, %T topic, %P aspect, %A and %B two of the topic's words.
void expand(TextBuilder &text, const char *pattern, const char *subject, const Topic &topic, const char *aspect,
            DatasetRandom &random)
{
    const int a = int(random.uniform(0, 7));
    const int b = (a + 1 + int(random.uniform(0, 6))) % 8;
    for (const char *p = pattern; *p; ++p) {
        if (*p != '%' || !p[1]) {
            text.append(*p);
            continue;
        }
        switch (*++p) {
        case 'S':
            text.append(subject);
            break;
        case 'T':
            text.append(topic.name);
            break;
        case 'P':
            text.append(aspect);
            break;
        case 'A':
            text.append(topic.words[a]);
            break;
        case 'B':
            text.append(topic.words[b]);
            break;
        default:
            text.append('%').append(*p);
            break;
        }
    }
}

int wordCount(const TextBuilder &text)
{
    int words = 0;
    bool inWord = false;
    for (int i = 0; i < text.size(); ++i) {
        const bool space = text.data()[i] == ' ';
        if (!space && !inWord)
            ++words;
        inWord = !space;
    }
    return words;
}

} // namespace

DocsGenerator::DocsGenerator()
{
    m_tables << TableSpec(QStringLiteral("documents"), 40, Scaling::Linear,
                          QStringLiteral("Articles on eight topics, in pairs on one subject (an overview and a "
                                         "practical guide)."))
                    .id()
                    .column(QStringLiteral("title"), ColumnType::ShortText, 200)
                    .column(QStringLiteral("topic"), ColumnType::ShortText, 40)
                    .column(QStringLiteral("url"), ColumnType::ShortText, 200)
                    .column(QStringLiteral("published_at"), ColumnType::Timestamp);
    m_tables << TableSpec(QStringLiteral("chunks"), 200, Scaling::Linear,
                          QStringLiteral("Each document cut into 3 to 7 passages (5 on average), the unit of "
                                         "retrieval."))
                    .id()
                    .column(QStringLiteral("document_id"), ColumnType::Integer)
                    .column(QStringLiteral("chunk_index"), ColumnType::Integer)
                    .column(QStringLiteral("content"), ColumnType::Text)
                    .column(QStringLiteral("token_count"), ColumnType::Integer)
                    .references({QStringLiteral("document_id")}, QStringLiteral("documents"))
                    .uniqueIndex({QStringLiteral("document_id"), QStringLiteral("chunk_index")});
    m_tables << TableSpec(QStringLiteral("embeddings"), 200, Scaling::Linear,
                          QStringLiteral("One 16-dimensional unit vector per chunk, as a JSON array with 4 decimals "
                                         "(close to topic, subject and document: similar text, similar vector)."))
                    .column(QStringLiteral("chunk_id"), ColumnType::Integer)
                    .column(QStringLiteral("model"), ColumnType::ShortText, 40)
                    .column(QStringLiteral("dimensions"), ColumnType::Integer)
                    .column(QStringLiteral("embedding"), ColumnType::Text)
                    .key({QStringLiteral("chunk_id")})
                    .references({QStringLiteral("chunk_id")}, QStringLiteral("chunks"));
    m_tables << TableSpec(QStringLiteral("search_queries"), 20, Scaling::Linear,
                          QStringLiteral("Questions a user asked, one per document pair, with their embedding."))
                    .id()
                    .column(QStringLiteral("query_text"), ColumnType::Text)
                    .column(QStringLiteral("topic"), ColumnType::ShortText, 40)
                    .column(QStringLiteral("embedding"), ColumnType::Text);
    m_tables << TableSpec(QStringLiteral("relevance_labels"), 200, Scaling::Linear,
                          QStringLiteral("Judged relevant chunks per query: grade 2 for the document the question "
                                         "was about, 1 for its companion; chunks not listed are not relevant."))
                    .column(QStringLiteral("query_id"), ColumnType::Integer)
                    .column(QStringLiteral("chunk_id"), ColumnType::Integer)
                    .column(QStringLiteral("grade"), ColumnType::Integer)
                    .key({QStringLiteral("query_id"), QStringLiteral("chunk_id")})
                    .references({QStringLiteral("query_id")}, QStringLiteral("search_queries"))
                    .references({QStringLiteral("chunk_id")}, QStringLiteral("chunks"))
                    .check(QStringLiteral("grade IN (1, 2)"))
                    .index({QStringLiteral("chunk_id")});
}

QString DocsGenerator::name() const
{
    return QStringLiteral("docs");
}

QString DocsGenerator::title() const
{
    return QStringLiteral("Documents for search and RAG");
}

QString DocsGenerator::description() const
{
    return QStringLiteral("Documents on eight topics cut into chunks, a 16-dimensional embedding per chunk, and "
                          "search queries with graded relevance labels. For vector search (cosine, L2, inner "
                          "product), hybrid keyword and vector search, and measuring retrieval with recall@k.");
}

QString DocsGenerator::scaleNote() const
{
    return QStringLiteral("Scale 100 gives 20,000 chunks; scale 1000 gives 200,000, where exact search gets slow "
                          "and neighbours crowd.");
}

bool DocsGenerator::generate(DatasetSink &sink, int scale, quint64 seed) const
{
    TableWriter &documentRows = sink.table(QStringLiteral("documents"));
    TableWriter &chunkRows = sink.table(QStringLiteral("chunks"));
    TableWriter &embeddingRows = sink.table(QStringLiteral("embeddings"));
    TableWriter &queryRows = sink.table(QStringLiteral("search_queries"));
    TableWriter &labelRows = sink.table(QStringLiteral("relevance_labels"));
    const qint64 pairCount = rowCount(QStringLiteral("search_queries"), scale);

    DatasetRandom random("docs", seed, "documents");
    DatasetRandom vectors("docs", seed, "embeddings");
    Embedding centroids[topicCount];
    for (Embedding &c : centroids) {
        for (double &x : c)
            x = vectors.normal();
        normalise(c);
    }

    const qint64 publishFrom = ValueText::epoch(2021, 1, 1);
    const qint64 publishSpan = 4 * 365 * ValueText::day;
    const int chunkCounts[4] = {3, 7, 4, 6}; // by document position modulo 4: every pair has 10 chunks
    TextBuilder text;
    TextBuilder title;
    qint64 chunkId = 0;
    qint64 pairFirstChunk[2] = {0, 0};
    int pairChunks[2] = {0, 0};
    Embedding subjectVector, documentVectors[2], chunkVector, queryVector;

    int topicOrder[topicCount]; // topics take turns, in an order that depends on the seed
    for (int t = 0; t < topicCount; ++t)
        topicOrder[t] = t;
    random.shuffle(topicOrder, topicCount);

    for (qint64 pair = 0; pair < pairCount; ++pair) {
        const int topicIndex = topicOrder[pair % topicCount];
        const Topic &topic = topics[topicIndex];
        const char *subject = topic.subjects[random.uniform(0, 5)];
        const char *aspect = aspects[random.uniform(0, 5)];
        perturb(centroids[topicIndex], subjectSpread, vectors, subjectVector);

        for (int side = 0; side < 2; ++side) {
            const qint64 documentId = pair * 2 + side + 1;
            perturb(subjectVector, documentSpread, vectors, documentVectors[side]);
            title.clear().append(subject).append(' ').append(aspect).append(side == 0 ? ": an overview" : ": a practical guide");
            title.capitalize();
            documentRows.addInteger(documentId);
            documentRows.addText(title.data(), title.size());
            documentRows.addText(topic.name);
            text.clear().append("https://docs.example.com/").appendSlug(topic.name).append('/').appendInteger(documentId);
            documentRows.addText(text.data(), text.size());
            documentRows.addTimestamp(publishFrom + random.uniform(0, publishSpan - 1));
            if (!documentRows.endRow())
                return false;

            const int chunks = chunkCounts[(documentId - 1) % 4];
            pairFirstChunk[side] = chunkId + 1;
            pairChunks[side] = chunks;
            for (int c = 0; c < chunks; ++c) {
                ++chunkId;
                text.clear();
                const int sentenceCount = 2 + int(random.uniform(0, 1));
                for (int s = 0; s < sentenceCount; ++s) {
                    if (s)
                        text.append(' ');
                    const int start = text.size();
                    expand(text, sentences[random.uniform(0, 7)], subject, topic, aspect, random);
                    text.capitalize(start);
                }
                chunkRows.addInteger(chunkId);
                chunkRows.addInteger(documentId);
                chunkRows.addInteger(c);
                chunkRows.addText(text.data(), text.size());
                chunkRows.addInteger(wordCount(text));
                if (!chunkRows.endRow())
                    return false;

                perturb(documentVectors[side], chunkSpread, vectors, chunkVector);
                appendEmbedding(text, chunkVector);
                embeddingRows.addInteger(chunkId);
                embeddingRows.addText("toy-embed-16");
                embeddingRows.addInteger(dimensions);
                embeddingRows.addText(text.data(), text.size());
                if (!embeddingRows.endRow())
                    return false;
            }
        }

        // The question, written with one of the two documents in mind.
        const int primary = int(random.uniform(0, 1));
        const qint64 queryId = pair + 1;
        text.clear();
        expand(text, queryForms[random.uniform(0, 3)], subject, topic, aspect, random);
        text.capitalize();
        queryRows.addInteger(queryId);
        queryRows.addText(text.data(), text.size());
        queryRows.addText(topic.name);
        perturb(documentVectors[primary], querySpread, vectors, queryVector);
        appendEmbedding(text, queryVector);
        queryRows.addText(text.data(), text.size());
        if (!queryRows.endRow())
            return false;

        for (int side = 0; side < 2; ++side) {
            for (int c = 0; c < pairChunks[side]; ++c) {
                labelRows.addInteger(queryId);
                labelRows.addInteger(pairFirstChunk[side] + c);
                labelRows.addInteger(side == primary ? 2 : 1);
                if (!labelRows.endRow())
                    return false;
            }
        }
    }
    return true;
}

} // namespace dblearn

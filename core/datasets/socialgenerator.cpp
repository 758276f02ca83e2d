#include "datasets/socialgenerator.h"

#include "datasets/datasetrandom.h"
#include "datasets/samplenames.h"
#include "datasets/textbuilder.h"
#include "datasets/valuetext.h"

#include <vector>

namespace dblearn {

namespace {

using Scaling = TableSpec::Scaling;

const qint64 joinFrom = ValueText::epoch(2020, 1, 1);
const qint64 joinTo = ValueText::epoch(2024, 1, 1);
const qint64 postFrom = ValueText::epoch(2024, 1, 1);
const qint64 postTo = ValueText::epoch(2025, 1, 1);
constexpr int communitySize = 25; // users 1-25, 26-50, ... know each other

qint64 slotStart(qint64 start, qint64 end, qint64 index, qint64 count)
{
    return start + (end - start) * index / count;
}

struct Topic {
    const char *subject;
    const char *hashtag;
};

const Topic topics[] = {
    {"window functions", "#sql"},       {"query plans", "#postgres"},     {"B-tree indexes", "#databases"},
    {"recursive CTEs", "#sql"},         {"vector search", "#rag"},        {"embeddings", "#ml"},
    {"SQLite in production", "#sqlite"}, {"data modelling", "#databases"}, {"feature stores", "#ml"},
    {"sourdough", "#baking"},           {"trail running", "#running"},    {"jazz records", "#music"},
    {"endgame studies", "#chess"},      {"film photography", "#photography"}, {"balcony tomatoes", "#gardening"},
};
constexpr int topicCount = int(sizeof topics / sizeof topics[0]);

const char *const openers[] = {"Just learned something new about", "Hot take on", "Spent the weekend on",
                               "Can anyone recommend a good intro to", "Finally understood", "Loving",
                               "Struggling with", "Quick tip about", "Three things I wish I'd known about",
                               "Thread: what I've learned about"};
const char *const replies[] = {"Totally agree!", "Interesting - do you have a source?", "Same here.",
                               "I'd disagree a bit, it depends on the workload.", "Thanks for sharing!",
                               "This is the way.", "Bookmarking this.", "Have you tried the other approach?"};

} // namespace

SocialGenerator::SocialGenerator()
{
    m_tables << TableSpec(QStringLiteral("users"), 200, Scaling::Linear,
                          QStringLiteral("Members of the network; handles are unique. Ids grow with joined_at."))
                    .id()
                    .column(QStringLiteral("handle"), ColumnType::ShortText, 40)
                    .column(QStringLiteral("display_name"), ColumnType::ShortText, 120)
                    .column(QStringLiteral("city"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("joined_at"), ColumnType::Timestamp)
                    .uniqueIndex({QStringLiteral("handle")});
    m_tables << TableSpec(QStringLiteral("follows"), 1500, Scaling::Linear,
                          QStringLiteral("A directed graph: follower_id follows followee_id. A few popular hubs, "
                                         "close-knit communities of 25 (so cycles and mutual follows), and random "
                                         "long links; 7.5 follows per user on average."))
                    .column(QStringLiteral("follower_id"), ColumnType::Integer)
                    .column(QStringLiteral("followee_id"), ColumnType::Integer)
                    .column(QStringLiteral("created_at"), ColumnType::Timestamp)
                    .key({QStringLiteral("follower_id"), QStringLiteral("followee_id")})
                    .references({QStringLiteral("follower_id")}, QStringLiteral("users"))
                    .references({QStringLiteral("followee_id")}, QStringLiteral("users"))
                    .check(QStringLiteral("follower_id <> followee_id"))
                    .index({QStringLiteral("followee_id")});
    m_tables << TableSpec(QStringLiteral("posts"), 600, Scaling::Linear,
                          QStringLiteral("Posts during 2024; about a third reply to an earlier post, forming "
                                         "threads (a tree through reply_to_post_id)."))
                    .id()
                    .column(QStringLiteral("user_id"), ColumnType::Integer)
                    .nullable(QStringLiteral("reply_to_post_id"), ColumnType::Integer)
                    .column(QStringLiteral("body"), ColumnType::Text)
                    .column(QStringLiteral("created_at"), ColumnType::Timestamp)
                    .references({QStringLiteral("user_id")}, QStringLiteral("users"))
                    .references({QStringLiteral("reply_to_post_id")}, QStringLiteral("posts"))
                    .index({QStringLiteral("user_id")})
                    .index({QStringLiteral("reply_to_post_id")});
    m_tables << TableSpec(QStringLiteral("likes"), 3000, Scaling::Linear,
                          QStringLiteral("Who liked which post (0 to 10 likes per post, 5 on average), mostly by "
                                         "the author's followers."))
                    .column(QStringLiteral("user_id"), ColumnType::Integer)
                    .column(QStringLiteral("post_id"), ColumnType::Integer)
                    .column(QStringLiteral("created_at"), ColumnType::Timestamp)
                    .key({QStringLiteral("user_id"), QStringLiteral("post_id")})
                    .references({QStringLiteral("user_id")}, QStringLiteral("users"))
                    .references({QStringLiteral("post_id")}, QStringLiteral("posts"))
                    .index({QStringLiteral("post_id")});
}

QString SocialGenerator::name() const
{
    return QStringLiteral("social");
}

QString SocialGenerator::title() const
{
    return QStringLiteral("Social network");
}

QString SocialGenerator::description() const
{
    return QStringLiteral("A small social network: users, a follower graph with hubs, communities and cycles, "
                          "posts with reply threads, and likes. For graph modelling and traversal with recursive "
                          "CTEs (friends of friends, shortest paths, thread trees).");
}

QString SocialGenerator::scaleNote() const
{
    return QStringLiteral("Scale 100 gives 20,000 users and 150,000 follows; scale 1000 gives 1.5 million follows.");
}

bool SocialGenerator::generate(DatasetSink &sink, int scale, quint64 seed) const
{
    TableWriter &userRows = sink.table(QStringLiteral("users"));
    TableWriter &followRows = sink.table(QStringLiteral("follows"));
    TableWriter &postRows = sink.table(QStringLiteral("posts"));
    TableWriter &likeRows = sink.table(QStringLiteral("likes"));
    const qint64 userCount = rowCount(QStringLiteral("users"), scale);
    const qint64 postCount = rowCount(QStringLiteral("posts"), scale);
    TextBuilder text;

    DatasetRandom random("social", seed, "users");
    std::vector<qint64> joinedAt(size_t(userCount) + 1, 0);
    for (qint64 id = 1; id <= userCount; ++id) {
        const char *first = SampleNames::randomFirstName(random);
        const char *last = SampleNames::randomLastName(random);
        joinedAt[size_t(id)] = random.uniform(slotStart(joinFrom, joinTo, id - 1, userCount),
                                              slotStart(joinFrom, joinTo, id, userCount) - 1);
        userRows.addInteger(id);
        text.clear().appendSlug(first).append('_').appendSlug(last).appendInteger(id);
        userRows.addText(text.data(), text.size());
        text.clear().append(first).append(' ').append(last);
        userRows.addText(text.data(), text.size());
        userRows.addText(SampleNames::randomPlace(random).city);
        userRows.addTimestamp(joinedAt[size_t(id)]);
        if (!userRows.endRow())
            return false;
    }

    // Follows: 3, 6, 9 or 12 per user (shuffled per block of four users: 7.5 on average).
    DatasetRandom followRandom("social", seed, "follows");
    std::vector<std::vector<qint32>> followers(size_t(userCount) + 1);
    int perUser[4] = {3, 6, 9, 12};
    qint64 chosen[12];
    for (qint64 id = 1; id <= userCount; ++id) {
        if ((id - 1) % 4 == 0)
            followRandom.shuffle(perUser, 4);
        const int count = perUser[(id - 1) % 4];
        const qint64 community = (id - 1) / communitySize;
        for (int k = 0; k < count; ++k) {
            qint64 target = 0;
            for (int attempt = 0; attempt < 20 && target == 0; ++attempt) {
                const qint64 r = followRandom.uniform(0, 99);
                qint64 candidate;
                if (r < 45) { // a popular account
                    candidate = 1 + followRandom.skewed(userCount, 3);
                } else if (r < 90) { // someone from the same community
                    const qint64 first = community * communitySize + 1;
                    candidate = followRandom.uniform(first, qMin(userCount, first + communitySize - 1));
                } else {
                    candidate = followRandom.uniform(1, userCount);
                }
                bool taken = candidate == id;
                for (int j = 0; j < k && !taken; ++j)
                    taken = chosen[j] == candidate;
                if (!taken)
                    target = candidate;
            }
            for (qint64 c = 1; target == 0; ++c) { // after many collisions: the first free id
                bool taken = c == id;
                for (int j = 0; j < k && !taken; ++j)
                    taken = chosen[j] == c;
                if (!taken)
                    target = c;
            }
            chosen[k] = target;
            followers[size_t(target)].push_back(qint32(id));
            followRows.addInteger(id);
            followRows.addInteger(target);
            followRows.addTimestamp(qMax(joinedAt[size_t(id)], joinedAt[size_t(target)])
                                    + followRandom.uniform(3600, 180 * ValueText::day));
            if (!followRows.endRow())
                return false;
        }
    }

    // Posts, and their likes: 0, 2, 5, 8 or 10 per post (shuffled per block of five posts).
    DatasetRandom postRandom("social", seed, "posts");
    DatasetRandom likeRandom("social", seed, "likes");
    int likesPerPost[5] = {0, 2, 5, 8, 10};
    qint64 likers[10];
    for (qint64 id = 1; id <= postCount; ++id) {
        const qint64 author = 1 + postRandom.skewed(userCount, 2);
        const qint64 at = postRandom.uniform(slotStart(postFrom, postTo, id - 1, postCount),
                                             slotStart(postFrom, postTo, id, postCount) - 1);
        const bool reply = id > 1 && postRandom.chance(350);
        const Topic &topic = topics[postRandom.skewed(topicCount, 2)];
        postRows.addInteger(id);
        postRows.addInteger(author);
        if (reply) {
            postRows.addInteger(id - postRandom.uniform(1, qMin(id - 1, qint64(30))));
            text.clear().append(replies[postRandom.uniform(0, 7)]).append(' ').append(topic.hashtag);
        } else {
            postRows.addNull();
            text.clear()
                .append(openers[postRandom.uniform(0, 9)])
                .append(' ')
                .append(topic.subject)
                .append(". ")
                .append(topic.hashtag);
        }
        postRows.addText(text.data(), text.size());
        postRows.addTimestamp(at);
        if (!postRows.endRow())
            return false;

        if ((id - 1) % 5 == 0)
            likeRandom.shuffle(likesPerPost, 5);
        const int likeCount = likesPerPost[(id - 1) % 5];
        const std::vector<qint32> &fans = followers[size_t(author)];
        for (int k = 0; k < likeCount; ++k) {
            qint64 liker = 0;
            for (int attempt = 0; attempt < 20 && liker == 0; ++attempt) {
                const qint64 candidate = !fans.empty() && likeRandom.chance(700)
                    ? fans[size_t(likeRandom.uniform(0, qint64(fans.size()) - 1))]
                    : likeRandom.uniform(1, userCount);
                bool taken = candidate == author;
                for (int j = 0; j < k && !taken; ++j)
                    taken = likers[j] == candidate;
                if (!taken)
                    liker = candidate;
            }
            for (qint64 c = 1; liker == 0; ++c) {
                bool taken = c == author;
                for (int j = 0; j < k && !taken; ++j)
                    taken = likers[j] == c;
                if (!taken)
                    liker = c;
            }
            likers[k] = liker;
            likeRows.addInteger(liker);
            likeRows.addInteger(id);
            likeRows.addTimestamp(qMin(postTo - 1, at + likeRandom.uniform(60, 3 * ValueText::day)));
            if (!likeRows.endRow())
                return false;
        }
    }
    return true;
}

} // namespace dblearn

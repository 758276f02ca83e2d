#include "datasets/shopgenerator.h"

#include "datasets/datasetrandom.h"
#include "datasets/samplenames.h"
#include "datasets/textbuilder.h"
#include "datasets/valuetext.h"

#include <vector>

namespace dblearn {

namespace {

using Scaling = TableSpec::Scaling;

struct Category {
    int parent; // 0: a top-level category
    const char *name;
    qint64 minCents;
    qint64 maxCents;
    const char *nouns[6];
};

// Ids are positions + 1. Products belong to the leaves (parent != 0).
const Category categories[] = {
    {0, "Electronics", 0, 0, {}},
    {0, "Home & Kitchen", 0, 0, {}},
    {0, "Books", 0, 0, {}},
    {0, "Sports & Outdoors", 0, 0, {}},
    {1, "Phones", 9900, 129900, {"Smartphone", "Phone Case", "Charger", "Screen Protector", "Power Bank", "Phone Stand"}},
    {1, "Laptops", 39900, 249900, {"Laptop", "Ultrabook", "Laptop Sleeve", "Docking Station", "Keyboard", "Mouse"}},
    {1, "Audio", 1900, 59900, {"Headphones", "Earbuds", "Speaker", "Soundbar", "Microphone", "Turntable"}},
    {1, "Cameras", 4900, 199900, {"Camera", "Lens", "Tripod", "Action Camera", "Memory Card", "Camera Bag"}},
    {2, "Kitchen", 900, 49900, {"Chef's Knife", "Frying Pan", "Kettle", "Blender", "Coffee Grinder", "Cutting Board"}},
    {2, "Furniture", 2900, 89900, {"Desk", "Office Chair", "Bookshelf", "Lamp", "Side Table", "Sofa Cushion"}},
    {2, "Garden", 500, 39900, {"Hose", "Planter", "Pruning Shears", "Lawn Mower", "Seed Kit", "Garden Gloves"}},
    {3, "Fiction", 499, 3999, {"Novel", "Short Stories", "Mystery", "Thriller", "Fantasy Saga", "Poetry Collection"}},
    {3, "Non-fiction", 799, 5999, {"Biography", "History", "Cookbook", "Science Guide", "Travel Guide", "Essays"}},
    {3, "Children's Books", 399, 2499, {"Picture Book", "Activity Book", "Bedtime Stories", "Atlas", "Comic", "Puzzle Book"}},
    {4, "Fitness", 999, 149900, {"Yoga Mat", "Dumbbells", "Resistance Bands", "Treadmill", "Jump Rope", "Kettlebell"}},
    {4, "Camping", 1499, 69900, {"Tent", "Sleeping Bag", "Backpack", "Headlamp", "Camp Stove", "Water Filter"}},
};
constexpr int categoryCount = int(sizeof categories / sizeof categories[0]);
constexpr int firstLeaf = 4;

const char *const adjectives[] = {"Compact", "Classic", "Pro",     "Ultra",  "Eco",   "Smart", "Deluxe", "Travel",
                                  "Essential", "Premium", "Basic", "Wireless", "Portable", "Heavy-Duty", "Mini", "Max"};
const char *const warehouses[] = {"AMS", "CHI", "SGP"};

const char *const titles[6][3] = {
    {"", "", ""},
    {"Very disappointed", "Broke after a week", "Would not buy again"},
    {"Not great", "Meh", "Expected more"},
    {"It's okay", "Does the job", "Average"},
    {"Good value", "Happy with it", "Solid purchase"},
    {"Excellent!", "Love it", "Exactly what I needed"},
};
const char *const bodies[6][3] = {
    {"", "", ""},
    {"Stopped working after a few days and support didn't reply.", "Poor quality, returned it.",
     "Nothing like the description; I wouldn't recommend it."},
    {"Works, but feels cheap.", "Arrived late and the box was damaged.", "Smaller than it looks in the photos."},
    {"Fine for the price.", "Does what it says, nothing more.", "Okay quality; shipping was slow."},
    {"Good quality and fast delivery.", "Does exactly what I wanted.", "Great value, I'd buy it again."},
    {"Outstanding quality, highly recommended!", "Best purchase I've made this year.",
     "Perfect - my family loves it."},
};

// Orders span 2023-01-01 .. 2024-12-31; customers sign up from 2022-07-01 to 2024-10-31.
const qint64 orderStart = ValueText::epoch(2023, 1, 1);
const qint64 orderEnd = ValueText::epoch(2025, 1, 1); // exclusive
const qint64 customerStart = ValueText::epoch(2022, 7, 1);
const qint64 customerEnd = ValueText::epoch(2024, 11, 1);

// The start of slot `index` of `count` equal slots over [start, end).
qint64 slotStart(qint64 start, qint64 end, qint64 index, qint64 count)
{
    return start + (end - start) * index / count;
}

} // namespace

ShopGenerator::ShopGenerator()
{
    const QStringList statuses{QStringLiteral("pending"), QStringLiteral("processing"), QStringLiteral("shipped"),
                               QStringLiteral("delivered"), QStringLiteral("cancelled"), QStringLiteral("returned")};
    m_tables << TableSpec(QStringLiteral("categories"), categoryCount, Scaling::Fixed,
                          QStringLiteral("Product categories, two levels: parent_id is NULL for the top level."))
                    .id()
                    .nullable(QStringLiteral("parent_id"), ColumnType::Integer)
                    .column(QStringLiteral("name"), ColumnType::ShortText, 60)
                    .references({QStringLiteral("parent_id")}, QStringLiteral("categories"));
    m_tables << TableSpec(QStringLiteral("products"), 100, Scaling::Linear,
                          QStringLiteral("What the shop sells; every product is in a leaf category."))
                    .id()
                    .column(QStringLiteral("category_id"), ColumnType::Integer)
                    .column(QStringLiteral("sku"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("name"), ColumnType::ShortText, 120)
                    .column(QStringLiteral("price"), ColumnType::Decimal, 10, 2)
                    .column(QStringLiteral("active"), ColumnType::Boolean)
                    .column(QStringLiteral("created_at"), ColumnType::Timestamp)
                    .references({QStringLiteral("category_id")}, QStringLiteral("categories"))
                    .check(QStringLiteral("price >= 0"))
                    .uniqueIndex({QStringLiteral("sku")})
                    .index({QStringLiteral("category_id")});
    m_tables << TableSpec(QStringLiteral("customers"), 200, Scaling::Linear,
                          QStringLiteral("People who signed up; e-mail addresses are unique."))
                    .id()
                    .column(QStringLiteral("first_name"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("last_name"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("email"), ColumnType::ShortText, 120)
                    .column(QStringLiteral("city"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("country"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("created_at"), ColumnType::Timestamp)
                    .uniqueIndex({QStringLiteral("email")});
    m_tables << TableSpec(QStringLiteral("orders"), 1000, Scaling::Linear,
                          QStringLiteral("One row per order. total_amount is the stored sum of the order's items "
                                         "(a deliberate denormalisation). Ids grow with ordered_at."))
                    .id()
                    .column(QStringLiteral("customer_id"), ColumnType::Integer)
                    .column(QStringLiteral("ordered_at"), ColumnType::Timestamp)
                    .column(QStringLiteral("status"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("total_amount"), ColumnType::Decimal, 12, 2)
                    .references({QStringLiteral("customer_id")}, QStringLiteral("customers"))
                    .check(QStringLiteral("status IN ('") + statuses.join(QStringLiteral("', '")) + QStringLiteral("')"))
                    .index({QStringLiteral("customer_id")});
    m_tables << TableSpec(QStringLiteral("order_items"), 2500, Scaling::Linear,
                          QStringLiteral("The lines of each order (1 to 4, 2.5 on average); unit_price is the price "
                                         "paid, which may differ from the product's current price."))
                    .column(QStringLiteral("order_id"), ColumnType::Integer)
                    .column(QStringLiteral("line_no"), ColumnType::Integer)
                    .column(QStringLiteral("product_id"), ColumnType::Integer)
                    .column(QStringLiteral("quantity"), ColumnType::Integer)
                    .column(QStringLiteral("unit_price"), ColumnType::Decimal, 10, 2)
                    .key({QStringLiteral("order_id"), QStringLiteral("line_no")})
                    .references({QStringLiteral("order_id")}, QStringLiteral("orders"))
                    .references({QStringLiteral("product_id")}, QStringLiteral("products"))
                    .check(QStringLiteral("quantity > 0"))
                    .index({QStringLiteral("product_id")});
    m_tables << TableSpec(QStringLiteral("payments"), 1100, Scaling::Linear,
                          QStringLiteral("Payment attempts: one per order, and in one order of ten a failed attempt "
                                         "before the one that succeeded. Cancelled and returned orders are refunded."))
                    .id()
                    .column(QStringLiteral("order_id"), ColumnType::Integer)
                    .column(QStringLiteral("paid_at"), ColumnType::Timestamp)
                    .column(QStringLiteral("method"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("amount"), ColumnType::Decimal, 12, 2)
                    .column(QStringLiteral("status"), ColumnType::ShortText, 20)
                    .references({QStringLiteral("order_id")}, QStringLiteral("orders"))
                    .index({QStringLiteral("order_id")});
    m_tables << TableSpec(QStringLiteral("reviews"), 300, Scaling::Linear,
                          QStringLiteral("Ratings (1-5) by customers of products they ordered."))
                    .id()
                    .column(QStringLiteral("product_id"), ColumnType::Integer)
                    .column(QStringLiteral("customer_id"), ColumnType::Integer)
                    .column(QStringLiteral("rating"), ColumnType::Integer)
                    .column(QStringLiteral("title"), ColumnType::ShortText, 120)
                    .column(QStringLiteral("body"), ColumnType::Text)
                    .column(QStringLiteral("created_at"), ColumnType::Timestamp)
                    .references({QStringLiteral("product_id")}, QStringLiteral("products"))
                    .references({QStringLiteral("customer_id")}, QStringLiteral("customers"))
                    .check(QStringLiteral("rating BETWEEN 1 AND 5"))
                    .index({QStringLiteral("product_id")});
    m_tables << TableSpec(QStringLiteral("inventory"), 300, Scaling::Linear,
                          QStringLiteral("Stock of each product in each of three warehouses (AMS, CHI, SGP)."))
                    .column(QStringLiteral("product_id"), ColumnType::Integer)
                    .column(QStringLiteral("warehouse"), ColumnType::ShortText, 10)
                    .column(QStringLiteral("quantity"), ColumnType::Integer)
                    .column(QStringLiteral("updated_at"), ColumnType::Timestamp)
                    .key({QStringLiteral("product_id"), QStringLiteral("warehouse")})
                    .references({QStringLiteral("product_id")}, QStringLiteral("products"))
                    .check(QStringLiteral("quantity >= 0"));
}

QString ShopGenerator::name() const
{
    return QStringLiteral("shop");
}

QString ShopGenerator::title() const
{
    return QStringLiteral("Online shop");
}

QString ShopGenerator::description() const
{
    return QStringLiteral("An online shop's two years of business (2023-2024): categories, products, customers, "
                          "orders with their items and payments, reviews and inventory. For joins, aggregation, "
                          "indexing, query plans and normalisation trade-offs.");
}

QString ShopGenerator::scaleNote() const
{
    return QStringLiteral("Scale 1000 gives 1,000,000 orders (5.5 million rows in all).");
}

bool ShopGenerator::generate(DatasetSink &sink, int scale, quint64 seed) const
{
    TableWriter &categoryRows = sink.table(QStringLiteral("categories"));
    TableWriter &productRows = sink.table(QStringLiteral("products"));
    TableWriter &customerRows = sink.table(QStringLiteral("customers"));
    TableWriter &orderRows = sink.table(QStringLiteral("orders"));
    TableWriter &itemRows = sink.table(QStringLiteral("order_items"));
    TableWriter &paymentRows = sink.table(QStringLiteral("payments"));
    TableWriter &reviewRows = sink.table(QStringLiteral("reviews"));
    TableWriter &inventoryRows = sink.table(QStringLiteral("inventory"));

    const qint64 productCount = rowCount(QStringLiteral("products"), scale);
    const qint64 customerCount = rowCount(QStringLiteral("customers"), scale);
    const qint64 orderCount = rowCount(QStringLiteral("orders"), scale);
    const qint64 itemCount = rowCount(QStringLiteral("order_items"), scale);
    const qint64 reviewCount = rowCount(QStringLiteral("reviews"), scale);
    TextBuilder text;

    for (int i = 0; i < categoryCount; ++i) {
        categoryRows.addInteger(i + 1);
        categoryRows.addNullableInteger(categories[i].parent, categories[i].parent == 0);
        categoryRows.addText(categories[i].name);
        if (!categoryRows.endRow())
            return false;
    }

    // Products, and their stock in each warehouse.
    DatasetRandom productRandom("shop", seed, "products");
    DatasetRandom inventoryRandom("shop", seed, "inventory");
    std::vector<qint32> priceCents(size_t(productCount) + 1, 0);
    std::vector<qint8> productBias(size_t(productCount) + 1, 0);
    for (qint64 id = 1; id <= productCount; ++id) {
        const int categoryIndex = int(productRandom.uniform(firstLeaf, categoryCount - 1));
        const Category &category = categories[categoryIndex];
        const double u = productRandom.unit();
        qint64 units = (category.minCents + qint64(double(category.maxCents - category.minCents) * u * u)) / 100;
        if (units < 1)
            units = 1;
        const qint64 cents = units * 100 - 1; // prices end in .99
        priceCents[size_t(id)] = qint32(cents);
        productBias[size_t(id)] = qint8(productRandom.uniform(-1, 1)); // some products are better than others

        productRows.addInteger(id);
        productRows.addInteger(categoryIndex + 1);
        text.clear().append("SKU-").appendPadded(id, 7);
        productRows.addText(text.data(), text.size());
        text.clear()
            .append(adjectives[productRandom.uniform(0, int(sizeof adjectives / sizeof adjectives[0]) - 1)])
            .append(' ')
            .append(category.nouns[productRandom.uniform(0, 5)])
            .append(' ')
            .append(char('A' + productRandom.uniform(0, 25)))
            .appendInteger(productRandom.uniform(1, 99));
        productRows.addText(text.data(), text.size());
        productRows.addFixed(cents, 2);
        productRows.addBoolean(!productRandom.chance(50));
        productRows.addTimestamp(ValueText::epoch(2022, 1, 1) + productRandom.uniform(0, 365 * ValueText::day - 1));
        if (!productRows.endRow())
            return false;

        for (const char *warehouse : warehouses) {
            inventoryRows.addInteger(id);
            inventoryRows.addText(warehouse);
            inventoryRows.addInteger(inventoryRandom.chance(80) ? 0 : 1 + inventoryRandom.skewed(500, 2));
            inventoryRows.addTimestamp(ValueText::epoch(2024, 12, 1) + inventoryRandom.uniform(0, 31 * ValueText::day - 1));
            if (!inventoryRows.endRow())
                return false;
        }
    }

    // Customers sign up at a steady pace; ids grow with created_at.
    DatasetRandom customerRandom("shop", seed, "customers");
    for (qint64 id = 1; id <= customerCount; ++id) {
        const char *first = SampleNames::randomFirstName(customerRandom);
        const char *last = SampleNames::randomLastName(customerRandom);
        const SampleNames::Place &place = SampleNames::randomPlace(customerRandom);
        const qint64 from = slotStart(customerStart, customerEnd, id - 1, customerCount);
        const qint64 to = slotStart(customerStart, customerEnd, id, customerCount);
        customerRows.addInteger(id);
        customerRows.addText(first);
        customerRows.addText(last);
        text.clear().appendSlug(first).append('.').appendSlug(last).appendInteger(id).append("@example.com");
        customerRows.addText(text.data(), text.size());
        customerRows.addText(place.city);
        customerRows.addText(place.country);
        customerRows.addTimestamp(customerRandom.uniform(from, to - 1));
        if (!customerRows.endRow())
            return false;
    }

    // Orders with their items, payments and (for some items) a review.
    DatasetRandom orderRandom("shop", seed, "orders");
    DatasetRandom itemRandom("shop", seed, "order_items");
    DatasetRandom paymentRandom("shop", seed, "payments");
    DatasetRandom reviewRandom("shop", seed, "reviews");
    const char *const methods[] = {"card", "card", "card", "card", "card", "card", "paypal", "paypal", "bank_transfer",
                                   "gift_card"};
    int itemsPerOrder[4] = {1, 2, 3, 4}; // shuffled per block of four orders: 2.5 items per order exactly
    int failedInBlock = 0;               // per block of ten orders, one has a failed payment first
    qint64 itemIndex = 0;                // over all items, for choosing which get a review
    qint64 reviewBlock = 0;
    const auto reviewTarget = [&](qint64 block) {
        const qint64 from = itemCount * block / reviewCount;
        const qint64 to = itemCount * (block + 1) / reviewCount;
        return reviewRandom.uniform(from, to - 1);
    };
    qint64 nextReviewItem = reviewCount > 0 ? reviewTarget(0) : -1;
    qint64 paymentId = 0;
    qint64 reviewId = 0;
    qint64 productsInOrder[4];
    qint64 quantities[4];
    qint64 unitPrices[4];

    for (qint64 id = 1; id <= orderCount; ++id) {
        const qint64 position = id - 1;
        if (position % 4 == 0)
            orderRandom.shuffle(itemsPerOrder, 4);
        if (position % 10 == 0)
            failedInBlock = int(paymentRandom.uniform(0, 9));

        const qint64 orderedAt = orderRandom.uniform(slotStart(orderStart, orderEnd, position, orderCount),
                                                     slotStart(orderStart, orderEnd, id, orderCount) - 1);
        // Only customers who have signed up by then; the oldest customers order most.
        qint64 eligible = (orderedAt - customerStart) * customerCount / (customerEnd - customerStart);
        eligible = qBound(qint64(1), eligible, customerCount);
        const qint64 customerId = 1 + orderRandom.skewed(eligible, 2);

        const char *status = "delivered";
        if (orderedAt >= orderEnd - 3 * ValueText::day)
            status = "processing";
        else if (orderedAt >= orderEnd - 10 * ValueText::day)
            status = "shipped";
        else if (const qint64 r = orderRandom.uniform(0, 999); r < 40)
            status = "cancelled";
        else if (r < 90)
            status = "returned";

        const int lines = itemsPerOrder[position % 4];
        qint64 totalCents = 0;
        for (int line = 0; line < lines; ++line) {
            qint64 product = 1 + itemRandom.skewed(productCount, 2);
            for (int attempt = 0;; ++attempt) {
                bool duplicate = false;
                for (int k = 0; k < line; ++k)
                    duplicate = duplicate || productsInOrder[k] == product;
                if (!duplicate)
                    break;
                product = attempt < 8 ? 1 + itemRandom.skewed(productCount, 2) : product % productCount + 1;
            }
            const qint64 r = itemRandom.uniform(0, 99);
            const qint64 quantity = r < 70 ? 1 : r < 90 ? 2 : r < 97 ? 3 : 4 + (r & 1);
            qint64 price = priceCents[size_t(product)];
            if (itemRandom.chance(150))
                price = price * 90 / 100; // bought on sale
            productsInOrder[line] = product;
            quantities[line] = quantity;
            unitPrices[line] = price;
            totalCents += quantity * price;
        }

        orderRows.addInteger(id);
        orderRows.addInteger(customerId);
        orderRows.addTimestamp(orderedAt);
        orderRows.addText(status);
        orderRows.addFixed(totalCents, 2);
        if (!orderRows.endRow())
            return false;

        for (int line = 0; line < lines; ++line) {
            itemRows.addInteger(id);
            itemRows.addInteger(line + 1);
            itemRows.addInteger(productsInOrder[line]);
            itemRows.addInteger(quantities[line]);
            itemRows.addFixed(unitPrices[line], 2);
            if (!itemRows.endRow())
                return false;

            if (itemIndex == nextReviewItem) {
                const qint64 r = reviewRandom.uniform(0, 99);
                int rating = r < 10 ? 1 : r < 18 ? 2 : r < 30 ? 3 : r < 55 ? 4 : 5;
                rating = qBound(1, rating + productBias[size_t(productsInOrder[line])], 5);
                const int variant = int(reviewRandom.uniform(0, 2));
                reviewRows.addInteger(++reviewId);
                reviewRows.addInteger(productsInOrder[line]);
                reviewRows.addInteger(customerId);
                reviewRows.addInteger(rating);
                reviewRows.addText(titles[rating][variant]);
                reviewRows.addText(bodies[rating][int(reviewRandom.uniform(0, 2))]);
                reviewRows.addTimestamp(
                    qMin(orderEnd - 1, orderedAt + reviewRandom.uniform(3 * ValueText::day, 45 * ValueText::day)));
                if (!reviewRows.endRow())
                    return false;
                ++reviewBlock;
                nextReviewItem = reviewBlock < reviewCount ? reviewTarget(reviewBlock) : -1;
            }
            ++itemIndex;
        }

        const char *method = methods[paymentRandom.uniform(0, 9)];
        qint64 paidAt = orderedAt + paymentRandom.uniform(5, 600);
        if (position % 10 == failedInBlock) {
            paymentRows.addInteger(++paymentId);
            paymentRows.addInteger(id);
            paymentRows.addTimestamp(paidAt);
            paymentRows.addText(method);
            paymentRows.addFixed(totalCents, 2);
            paymentRows.addText("failed");
            if (!paymentRows.endRow())
                return false;
            paidAt += paymentRandom.uniform(60, 900);
            method = methods[paymentRandom.uniform(0, 9)];
        }
        const bool refunded = status[0] == 'c' || status[0] == 'r';
        paymentRows.addInteger(++paymentId);
        paymentRows.addInteger(id);
        paymentRows.addTimestamp(paidAt);
        paymentRows.addText(method);
        paymentRows.addFixed(totalCents, 2);
        paymentRows.addText(refunded ? "refunded" : "succeeded");
        if (!paymentRows.endRow())
            return false;
    }
    return true;
}

} // namespace dblearn

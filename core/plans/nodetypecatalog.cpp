#include "plans/nodetypecatalog.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

namespace dblearn {

namespace {
Q_LOGGING_CATEGORY(lcCatalog, "dblearn.plans.catalog")

QList<QPair<QString, QString>> pairs(const QJsonObject &object)
{
    QList<QPair<QString, QString>> result;
    for (auto it = object.begin(); it != object.end(); ++it)
        result.append({it.key(), it.value().toString()});
    return result;
}
} // namespace

const NodeTypeCatalog &NodeTypeCatalog::instance()
{
    static const NodeTypeCatalog catalog = [] {
        NodeTypeCatalog c;
        QFile file(QStringLiteral(":/dblearn/plans/node-types.json"));
        QString error;
        if (!file.open(QIODevice::ReadOnly) || !c.load(file.readAll(), &error))
            qCWarning(lcCatalog) << "node type cards not loaded:" << (error.isEmpty() ? file.errorString() : error);
        return c;
    }();
    return catalog;
}

bool NodeTypeCatalog::load(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = parseError.errorString();
        return false;
    }
    const QJsonObject root = document.object();
    for (const char *engine : {"postgresql", "sqlite", "mariadb", "mysql"}) {
        const QString name = QString::fromLatin1(engine);
        const QJsonObject cards = root.value(name).toObject();
        QHash<QString, NodeTypeCard> &target = m_cards[name];
        for (auto it = cards.begin(); it != cards.end(); ++it) {
            const QJsonObject c = it.value().toObject();
            NodeTypeCard card;
            card.type = it.key();
            card.title = c.value(QLatin1String("title")).toString();
            card.what = c.value(QLatin1String("what")).toString();
            card.when = c.value(QLatin1String("when")).toString();
            card.lesson = c.value(QLatin1String("lesson")).toString();
            card.fields = pairs(c.value(QLatin1String("fields")).toObject());
            target.insert(card.type, card);
        }
        m_fields.insert(name, pairs(root.value(QLatin1String("fields")).toObject().value(name).toObject()));
    }
    return true;
}

const NodeTypeCard *NodeTypeCatalog::find(PlanEngine engine, const QString &type) const
{
    const auto cards = m_cards.constFind(PlanFormats::engineName(engine));
    if (cards == m_cards.cend())
        return nullptr;
    const auto card = cards->constFind(type);
    return card == cards->cend() ? nullptr : &*card;
}

QList<NodeTypeCard> NodeTypeCatalog::cards(PlanEngine engine) const
{
    return m_cards.value(PlanFormats::engineName(engine)).values();
}

QList<QPair<QString, QString>> NodeTypeCatalog::commonFields(PlanEngine engine) const
{
    return m_fields.value(PlanFormats::engineName(engine));
}

} // namespace dblearn

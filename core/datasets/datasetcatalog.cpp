#include "datasets/datasetcatalog.h"

#include "datasets/bankgenerator.h"
#include "datasets/docsgenerator.h"
#include "datasets/featuresgenerator.h"
#include "datasets/hrgenerator.h"
#include "datasets/iotgenerator.h"
#include "datasets/shopgenerator.h"
#include "datasets/socialgenerator.h"

namespace dblearn {

DatasetCatalog::DatasetCatalog()
{
    m_generators.push_back(std::make_unique<ShopGenerator>());
    m_generators.push_back(std::make_unique<HrGenerator>());
    m_generators.push_back(std::make_unique<BankGenerator>());
    m_generators.push_back(std::make_unique<SocialGenerator>());
    m_generators.push_back(std::make_unique<IotGenerator>());
    m_generators.push_back(std::make_unique<FeaturesGenerator>());
    m_generators.push_back(std::make_unique<DocsGenerator>());
}

DatasetCatalog::~DatasetCatalog() = default;

QList<const DatasetGenerator *> DatasetCatalog::datasets() const
{
    QList<const DatasetGenerator *> list;
    for (const auto &generator : m_generators)
        list << generator.get();
    return list;
}

QStringList DatasetCatalog::names() const
{
    QStringList list;
    for (const auto &generator : m_generators)
        list << generator->name();
    return list;
}

const DatasetGenerator *DatasetCatalog::find(const QString &name) const
{
    for (const auto &generator : m_generators) {
        if (generator->name() == name)
            return generator.get();
    }
    return nullptr;
}

} // namespace dblearn

#include "datasets/datasetrandom.h"

namespace dblearn {

namespace {

inline quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

quint64 DatasetRandom::hashName(const char *text, quint64 basis)
{
    quint64 h = basis; // FNV-1a, 64 bit
    for (const char *p = text; *p; ++p) {
        h ^= quint64(quint8(*p));
        h *= 0x100000001b3ULL;
    }
    return h;
}

quint64 DatasetRandom::mix(quint64 z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

DatasetRandom::DatasetRandom(const char *dataset, quint64 seed, const char *stream)
    : DatasetRandom(mix(hashName(stream, hashName(dataset) ^ mix(seed))))
{
}

DatasetRandom::DatasetRandom(quint64 seed)
{
    quint64 s = seed;
    for (quint64 &word : m_state) {
        s += 0x9e3779b97f4a7c15ULL; // splitmix64
        word = mix(s);
    }
}

quint64 DatasetRandom::next()
{
    const quint64 result = rotl(m_state[1] * 5, 7) * 9;
    const quint64 t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

qint64 DatasetRandom::uniform(qint64 low, qint64 high)
{
    if (high <= low)
        return low;
    const quint64 range = quint64(high - low) + 1;
    return low + qint64(next() % range);
}

double DatasetRandom::unit()
{
    return double(next() >> 11) * (1.0 / 9007199254740992.0);
}

double DatasetRandom::normal()
{
    double sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += unit();
    return sum - 6.0;
}

bool DatasetRandom::chance(int perMille)
{
    return uniform(0, 999) < perMille;
}

qint64 DatasetRandom::skewed(qint64 count, int power)
{
    double u = unit();
    double p = u;
    for (int i = 1; i < power; ++i)
        p *= u;
    const qint64 index = qint64(p * double(count));
    return index < count ? index : count - 1;
}

} // namespace dblearn

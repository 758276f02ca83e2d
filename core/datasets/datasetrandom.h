#pragma once

#include <QtGlobal>

namespace dblearn {

// A small deterministic random number generator (xoshiro256**, seeded through splitmix64).
// Unlike std::rand and the std::*_distribution classes, its output is the same with every
// compiler and standard library, so a seed names the same data set everywhere.
// Everything it derives is integer or exactly rounded floating-point arithmetic.
class DatasetRandom final
{
public:
    // One independent stream per (dataset, seed, stream name), e.g. ("shop", 42, "orders").
    DatasetRandom(const char *dataset, quint64 seed, const char *stream);
    explicit DatasetRandom(quint64 seed);

    quint64 next();
    // A whole number in [low, high] (inclusive). The modulo bias is below 2^-40 for our ranges.
    qint64 uniform(qint64 low, qint64 high);
    // A double in [0, 1), with 53 random bits.
    double unit();
    // Approximately standard normal (Irwin-Hall: the sum of 12 uniforms minus 6), in [-6, 6].
    double normal();
    // True with probability `perMille` / 1000.
    bool chance(int perMille);
    // An index in [0, count) skewed towards 0: floor(count * u^power). power 1 is uniform.
    qint64 skewed(qint64 count, int power);

    template<typename T>
    void shuffle(T *data, int size)
    {
        for (int i = size - 1; i > 0; --i) {
            const int j = int(uniform(0, i));
            const T tmp = data[i];
            data[i] = data[j];
            data[j] = tmp;
        }
    }

    static quint64 hashName(const char *text, quint64 basis = 0xcbf29ce484222325ULL);
    static quint64 mix(quint64 value); // the splitmix64 finaliser

private:
    quint64 m_state[4] = {};
};

} // namespace dblearn

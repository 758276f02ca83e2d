#include "datasets/iotgenerator.h"

#include "datasets/datasetrandom.h"
#include "datasets/samplenames.h"
#include "datasets/textbuilder.h"
#include "datasets/valuetext.h"

#include <vector>

namespace dblearn {

namespace {

using Scaling = TableSpec::Scaling;

// Readings every 10 minutes for 14 days from Monday 2024-03-04; each sensor misses one hour
// (6 readings) a day.
const qint64 periodStart = ValueText::epoch(2024, 3, 4);
constexpr int days = 14;
constexpr int slotSeconds = 600;
constexpr int slotsPerDay = 86400 / slotSeconds;
constexpr int gapSlots = 6;
constexpr int sensorsPerDevice = 3;
constexpr int readingsPerSensor = days * (slotsPerDay - gapSlots);

// 1000 * sin(2 pi (h - 9) / 24): lowest at 03:00, highest at 15:00. Integers, so every platform
// computes the same curve.
const int dailyCurve[24] = {-707, -866, -966, -1000, -966, -866, -707, -500, -259, 0,    259,  500,
                            707,  866,  966,  1000,  966,  866,  707,  500,  259,  0,    -259, -500};

// The daily curve at a 10-minute slot, in thousandths, interpolated linearly between hours.
qint64 curveAt(int slot)
{
    const int hour = slot / 6;
    const int step = slot % 6;
    const int a = dailyCurve[hour];
    const int b = dailyCurve[(hour + 1) % 24];
    return a + qint64(b - a) * step / 6;
}

const char *const models[] = {"EnviroSense 3", "EnviroSense 3", "EnviroSense 4", "PowerTrack Mini"};
const char *const firmwares[] = {"2.1.0", "2.1.3", "2.2.0", "3.0.1"};
const char *const floors[] = {"Ground floor", "Floor 1", "Floor 2", "Floor 3", "Lab", "Server room", "Warehouse"};
const char *const kinds[sensorsPerDevice] = {"temperature", "humidity", "power"};
const char *const units[sensorsPerDevice] = {"celsius", "percent", "watt"};

struct SensorState {
    qint64 base = 0;      // hundredths of the unit
    qint64 amplitude = 0; // hundredths
    qint64 noise = 0;     // hundredths, one standard deviation
    int gapStart = 0;     // the first missing slot of the current day
};

} // namespace

IotGenerator::IotGenerator()
{
    m_tables << TableSpec(QStringLiteral("devices"), 10, Scaling::Linear,
                          QStringLiteral("Sensor boxes installed at sites (city / floor)."))
                    .id()
                    .column(QStringLiteral("serial"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("model"), ColumnType::ShortText, 40)
                    .column(QStringLiteral("site"), ColumnType::ShortText, 80)
                    .column(QStringLiteral("firmware"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("installed_at"), ColumnType::Timestamp)
                    .uniqueIndex({QStringLiteral("serial")});
    m_tables << TableSpec(QStringLiteral("sensors"), 10 * sensorsPerDevice, Scaling::Linear,
                          QStringLiteral("Three sensors per device: temperature (celsius), humidity (percent), "
                                         "power (watt), each sampled every 600 seconds."))
                    .id()
                    .column(QStringLiteral("device_id"), ColumnType::Integer)
                    .column(QStringLiteral("kind"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("unit"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("interval_seconds"), ColumnType::Integer)
                    .references({QStringLiteral("device_id")}, QStringLiteral("devices"))
                    .check(QStringLiteral("kind IN ('temperature', 'humidity', 'power')"))
                    .index({QStringLiteral("device_id")});
    m_tables << TableSpec(QStringLiteral("readings"), qint64(10) * sensorsPerDevice * readingsPerSensor,
                          Scaling::Linear,
                          QStringLiteral("One value per sensor every 10 minutes over 14 days (2024-03-04 to "
                                         "2024-03-17, UTC), in arrival order: a daily cycle plus noise, one missing "
                                         "hour per sensor per day, and rare outliers (about 1 in 1000)."))
                    .column(QStringLiteral("sensor_id"), ColumnType::Integer)
                    .column(QStringLiteral("ts"), ColumnType::Timestamp)
                    .column(QStringLiteral("value"), ColumnType::Double)
                    .key({QStringLiteral("sensor_id"), QStringLiteral("ts")})
                    .references({QStringLiteral("sensor_id")}, QStringLiteral("sensors"));
}

QString IotGenerator::name() const
{
    return QStringLiteral("iot");
}

QString IotGenerator::title() const
{
    return QStringLiteral("IoT sensors");
}

QString IotGenerator::description() const
{
    return QStringLiteral("Devices at several sites, three sensors each, and two weeks of readings every ten "
                          "minutes with a daily cycle, noise, gaps and outliers. For time-series design, "
                          "partitioning, retention and downsampling.");
}

QString IotGenerator::scaleNote() const
{
    return QStringLiteral("Scale 100 gives 3,000 sensors and 5.8 million readings; scale 1000 gives 58 million.");
}

bool IotGenerator::generate(DatasetSink &sink, int scale, quint64 seed) const
{
    TableWriter &deviceRows = sink.table(QStringLiteral("devices"));
    TableWriter &sensorRows = sink.table(QStringLiteral("sensors"));
    TableWriter &readingRows = sink.table(QStringLiteral("readings"));
    const qint64 deviceCount = rowCount(QStringLiteral("devices"), scale);
    const qint64 sensorCount = deviceCount * sensorsPerDevice;

    DatasetRandom random("iot", seed, "devices");
    TextBuilder text;
    std::vector<SensorState> sensors(static_cast<size_t>(sensorCount));
    for (qint64 id = 1; id <= deviceCount; ++id) {
        const int model = int(random.uniform(0, 3));
        deviceRows.addInteger(id);
        text.clear().append("DEV-").appendPadded(id, 6);
        deviceRows.addText(text.data(), text.size());
        deviceRows.addText(models[model]);
        text.clear()
            .append(SampleNames::place(int(random.skewed(12, 1))).city)
            .append(" / ")
            .append(floors[random.uniform(0, 6)]);
        deviceRows.addText(text.data(), text.size());
        deviceRows.addText(firmwares[random.skewed(4, 1)]);
        deviceRows.addTimestamp(ValueText::epoch(2023, 1, 1) + random.uniform(0, 365 * ValueText::day - 1));
        if (!deviceRows.endRow())
            return false;

        // The three sensors of this device: the room's temperature drives humidity; power follows
        // working hours.
        const qint64 roomBase = random.uniform(1900, 2300);
        const qint64 roomSwing = random.uniform(150, 400);
        for (int k = 0; k < sensorsPerDevice; ++k) {
            const qint64 sensorId = (id - 1) * sensorsPerDevice + k + 1;
            SensorState &s = sensors[size_t(sensorId - 1)];
            switch (k) {
            case 0:
                s = {roomBase, roomSwing, 30, 0};
                break;
            case 1:
                s = {random.uniform(4000, 5500), -random.uniform(400, 1000), 100, 0};
                break;
            default:
                s = {random.uniform(4000, 12000), random.uniform(15000, 40000), 0, 0};
                break;
            }
            sensorRows.addInteger(sensorId);
            sensorRows.addInteger(id);
            sensorRows.addText(kinds[k]);
            sensorRows.addText(units[k]);
            sensorRows.addInteger(slotSeconds);
            if (!sensorRows.endRow())
                return false;
        }
    }

    // Readings in arrival order: every sensor's value for one slot, then the next slot.
    DatasetRandom readings("iot", seed, "readings");
    for (int day = 0; day < days; ++day) {
        for (SensorState &s : sensors)
            s.gapStart = int(readings.uniform(0, slotsPerDay - gapSlots));
        const bool weekend = day % 7 >= 5; // the period starts on a Monday
        for (int slot = 0; slot < slotsPerDay; ++slot) {
            const qint64 ts = periodStart + qint64(day) * ValueText::day + qint64(slot) * slotSeconds;
            const qint64 curve = curveAt(slot); // -1000 .. 1000
            const int hour = slot / 6;
            for (qint64 index = 0; index < sensorCount; ++index) {
                SensorState &s = sensors[size_t(index)];
                if (slot >= s.gapStart && slot < s.gapStart + gapSlots)
                    continue; // the device was offline
                const int kind = int(index % sensorsPerDevice);
                qint64 value;
                if (kind == 2) {
                    const bool working = !weekend && hour >= 8 && hour < 18;
                    value = s.base + (working ? s.amplitude : 0);
                    value += qint64(readings.normal() * double(value) * 0.04);
                } else {
                    value = s.base + s.amplitude * curve / 1000 - (weekend && kind == 0 ? 80 : 0);
                    value += qint64(readings.normal() * double(s.noise));
                }
                if (readings.chance(1)) { // an outlier: a glitch or a spike
                    value = kind == 0 ? (readings.chance(500) ? 8500 : -4000)
                          : kind == 1 ? (readings.chance(500) ? 10000 : 0)
                                      : value * 6;
                }
                if (kind == 1)
                    value = qBound(qint64(0), value, qint64(10000));
                if (kind == 2 && value < 0)
                    value = 0;
                readingRows.addInteger(index + 1);
                readingRows.addTimestamp(ts);
                readingRows.addFixed(value, 2);
                if (!readingRows.endRow())
                    return false;
            }
        }
    }
    return true;
}

} // namespace dblearn

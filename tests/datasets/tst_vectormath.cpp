// The vector distance functions the SQLite backend exposes to SQL.

#include "datasets/vectormath.h"

#include <QTest>

#include <cmath>

using namespace dblearn;

class VectorMathTest final : public QObject
{
    Q_OBJECT
private slots:
    void parses()
    {
        Vector v;
        QVERIFY(parseVector("[1,2.5,-3e-1]", &v));
        QCOMPARE(v.size(), 3);
        QCOMPARE(v[2], -0.3);
        QVERIFY(parseVector("  [ 0.5 , 1 ]  ", &v));
        QCOMPARE(v.size(), 2);
        QVERIFY(parseVector("[]", &v));
        QCOMPARE(v.size(), 0);
        QString error;
        QVERIFY(!parseVector("", &v, &error));
        QVERIFY(error.startsWith(QStringLiteral("not a vector")));
        QVERIFY(!parseVector("[1,2", &v, &error));
        QVERIFY(!parseVector("[1,,2]", &v, &error));
        QVERIFY(!parseVector("[1,x]", &v, &error));
        QCOMPARE(error, QStringLiteral("not a vector: element 2 is not a finite number"));
        QVERIFY(!parseVector("[1] 2", &v, &error));
        QVERIFY(!parseVector("[nan]", &v, &error));
        QVERIFY(!parseVector("{\"a\":1}", &v, &error));
    }

    void distances()
    {
        bool ok = false;
        QCOMPARE(innerProduct("[1,2,3]", "[4,5,6]", &ok), 32.0);
        QVERIFY(ok);
        QCOMPARE(l2Distance("[0,0]", "[3,4]", &ok), 5.0);
        QVERIFY(ok);
        QCOMPARE(cosineDistance("[1,0]", "[0,1]", &ok), 1.0);
        QCOMPARE(cosineDistance("[1,0]", "[-2,0]", &ok), 2.0);
        QVERIFY(std::fabs(cosineDistance("[1,1]", "[2,2]", &ok)) < 1e-12);
        QVERIFY(ok);
        QCOMPARE(vectorDimensions("[0.1,0.2,0.3]", &ok), 3);
        // QByteArray arguments, as the SQLite function passes them
        const QByteArray a("[0.6,0.8]"), b("[0.8,0.6]");
        QVERIFY(std::fabs(cosineDistance(a, b, &ok) - 0.04) < 1e-12);
    }

    void errors()
    {
        bool ok = true;
        QString error;
        QVERIFY(std::isnan(l2Distance("[1,2]", "[1,2,3]", &ok, &error)));
        QVERIFY(!ok);
        QCOMPARE(error, QStringLiteral("different vector dimensions 2 and 3"));
        ok = true;
        QVERIFY(std::isnan(cosineDistance("[0,0]", "[1,2]", &ok, &error)));
        QVERIFY(!ok);
        QCOMPARE(error, QStringLiteral("cosine distance is undefined for a zero vector"));
        ok = true;
        QVERIFY(std::isnan(innerProduct("hello", "[1]", &ok, &error)));
        QVERIFY(!ok);
        QCOMPARE(vectorDimensions("nope", &ok), -1);
        QVERIFY(!ok);
    }
};

QTEST_GUILESS_MAIN(VectorMathTest)
#include "tst_vectormath.moc"

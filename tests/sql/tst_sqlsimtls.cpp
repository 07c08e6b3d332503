// The app's own connection code (ConnectionOptions → FreeTDS ODBC) against vds-sqlsim with TLS:
// encryption required by the client connects to a server that insists on TLS; a client that
// will not encrypt is refused there; "optional" encrypts when the server offers it.
#include <QTest>

#include "simfixture.h"
#include <vds/sql/connectionoptions.h>
#include <vds/sql/sqlconnection.h>

using namespace vds;
using namespace vds::test;

class TstSqlSimTls : public QObject {
    Q_OBJECT

private slots:
    void requiredEncryptionConnects()
    {
        SimFixture sim;
        QVERIFY2(sim.start({QStringLiteral("Sales=1M")}, {},
                           {QStringLiteral("--tls"), QStringLiteral("required")})
                     .has_value(),
                 qPrintable(sim.process().errorOutput()));
        auto opts = sim.options();
        opts.encryption = sql::Encryption::Required;
        auto c = sql::SqlConnection::connect(opts);
        QVERIFY2(c.has_value(), c ? "" : c.error().toString().c_str());
        auto r = c->query("SELECT name FROM sys.databases WHERE name = 'Sales'");
        QVERIFY2(r.has_value(), r ? "" : r.error().toString().c_str());
        QCOMPARE(r->rows.size(), std::size_t{1});
        QCOMPARE(r->rows[0][0].value_or(""), std::string("Sales"));

        // The server insists: a connection that will not encrypt does not get in.
        opts.encryption = sql::Encryption::Off;
        auto clear = sql::SqlConnection::connect(opts);
        QVERIFY(!clear);
    }

    void optionalEncryptsWhenOffered()
    {
        SimFixture sim;
        QVERIFY(sim.start({}, {}, {QStringLiteral("--tls"), QStringLiteral("on")}).has_value());
        for (const auto mode :
             {sql::Encryption::Optional, sql::Encryption::Required, sql::Encryption::Off}) {
            auto opts = sim.options();
            opts.encryption = mode;
            auto c = sql::SqlConnection::connect(opts);
            QVERIFY2(c.has_value(), c ? "" : c.error().toString().c_str());
            auto r = c->query("SELECT @@VERSION");
            QVERIFY(r.has_value());
            QVERIFY(r->rows.at(0).at(0).value_or("").find("vds-sqlsim") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TstSqlSimTls)
#include "tst_sqlsimtls.moc"

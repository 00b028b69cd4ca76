package vn.ktgs.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a Quarkus test at the JVM's shared PostgreSQL (its own database, named by the
 * {@code database} argument) and Kafka, and makes it trust the test token key.
 */
public class DevstackTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Devstack d = Devstack.shared();
        return Map.of(
                "quarkus.datasource.jdbc.url", d.database(database),
                "quarkus.datasource.username", d.postgres().user(),
                "quarkus.datasource.password", d.postgres().password(),
                "kafka.bootstrap.servers", d.bootstrapServers(),
                "mp.jwt.verify.publickey.location", d.publicKeyPem().toUri().toString(),
                "mp.jwt.verify.issuer", JwtMinter.LOCAL_ISSUER,
                "mp.jwt.verify.audiences", JwtMinter.AUDIENCE);
    }

    @Override
    public void stop() {
        // The servers are shared by every test class of this JVM and stop when it exits.
    }
}

package vn.ktgs.kit.contract;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests to the running test application's management interface (health, metrics), not its public port. */
public final class Management {
    private Management() {
    }

    public static RequestSpecification given() {
        return io.restassured.RestAssured.given().port(port());
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}

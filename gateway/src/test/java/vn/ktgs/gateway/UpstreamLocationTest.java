package vn.ktgs.gateway;

import org.junit.jupiter.api.Test;
import vn.ktgs.gateway.Upstreams.Upstream;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UpstreamLocationTest {
    private final Upstream planning = new Upstream("planning", List.of("/api/v1/plans"), URI.create("http://planning:8080"),
            URI.create("http://planning:9000/q/health/ready"));

    @Test
    void theServicesOwnAddressBecomesAPath() {
        assertEquals("/api/v1/plans/1?revision=2", planning.callerLocation("http://planning:8080/api/v1/plans/1?revision=2"));
        assertEquals("/api/v1/plans/Th%E1%BB%8B", planning.callerLocation("HTTP://PLANNING:8080/api/v1/plans/Th%E1%BB%8B"));
        assertEquals("/a", new Upstream("p", List.of("/a"), URI.create("http://planning"), URI.create("http://planning/h"))
                .callerLocation("http://planning:80/a"));
    }

    @Test
    void anyOtherLocationIsLeftAsItIs() {
        for (String other : List.of("http://planning:8081/api/v1/plans/1", "https://planning:8080/api/v1/plans/1",
                "http://elsewhere:8080/x", "/api/v1/plans/1", "not a uri", "urn:isbn:1")) {
            assertEquals(other, planning.callerLocation(other));
        }
    }
}

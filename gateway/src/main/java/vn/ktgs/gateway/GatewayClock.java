package vn.ktgs.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The gateway's clock, in Vietnam's time zone like the services' (service-kit's KitClock, which the gateway
 * does not depend on: it has no database). Token times are compared through it, so tests can fix it.
 */
@ApplicationScoped
public class GatewayClock {
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));
    }
}

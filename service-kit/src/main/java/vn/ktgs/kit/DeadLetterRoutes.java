package vn.ktgs.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;
import vn.ktgs.events.EventJson;
import vn.ktgs.kit.inbox.DeadLetters;
import vn.ktgs.kit.problem.Problem;

import java.util.function.Function;

/**
 * The operator's view of this service's dead letters, on the management interface (never the public port,
 * which the gateway and other callers reach): {@code GET /q/dead-letters} lists what waits and why,
 * {@code POST /q/dead-letters/replay} applies it again once the cause is fixed, {@code POST
 * /q/dead-letters/discard} gives up on what no fix can apply. A replay is harmless to repeat: every event
 * goes through the inbox, which applies an event once.
 */
@ApplicationScoped
public class DeadLetterRoutes {
    private static final Logger LOG = Logger.getLogger(DeadLetterRoutes.class);

    void register(@Observes ManagementInterface management, KitRuntime runtime) {
        management.router().get("/q/dead-letters").blockingHandler(ctx -> respond(ctx, runtime, DeadLetters::status), false);
        management.router().post("/q/dead-letters/replay").blockingHandler(ctx -> respond(ctx, runtime, DeadLetters::replay), false);
        management.router().post("/q/dead-letters/discard").blockingHandler(ctx -> respond(ctx, runtime, DeadLetters::discard), false);
    }

    private static void respond(RoutingContext ctx, KitRuntime runtime, Function<DeadLetters, Object> action) {
        var deadLetters = runtime.deadLetters();
        if (deadLetters.isEmpty()) {
            problem(ctx, 404, "no-consumer", "Not Found", "This service consumes no events, so it parks none.");
            return;
        }
        try {
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(EventJson.mapper().writeValueAsString(action.apply(deadLetters.get())));
        } catch (KafkaException e) {
            LOG.warnf("dead letters: Kafka could not be read: %s", e.toString());
            problem(ctx, 503, "kafka-unavailable", "Kafka unavailable", "The dead-letter topic cannot be read now; try again.");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void problem(RoutingContext ctx, int status, String type, String title, String detail) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(EventJson.mapper().writeValueAsString(new Problem(Problem.TYPE_BASE + type, title, status, detail,
                            ctx.request().path(), null, null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package vn.ktgs.kit.contract;

import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.Devstack;
import vn.ktgs.devstack.JwtMinter;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.OrgUnitUpserted;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.config.KitConfig;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service that keeps a copy of the org directory must do: apply the directory's events
 * once and never go back to an older state, park poison messages, check tokens and scope.
 * Each such service runs it as a {@code @QuarkusTest} subclass naming its own path.
 */
public abstract class OrgCopyContractTest {
    private static final UUID ROOT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Inject
    AgroalDataSource db;
    @Inject
    KitConfig kit;

    private KafkaProducer<String, String> producer;
    private UUID province;
    private UUID ward;
    private UUID commune;

    /** Where the service shows its copy, e.g. {@code /api/v1/inspections/org-units}. */
    protected abstract String orgUnitsPath();

    @BeforeEach
    void directory() throws Exception {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        province = UUID.randomUUID();
        ward = UUID.randomUUID();
        commune = UUID.randomUUID();
        publish(unit(province, List.of(ROOT), "Đảng bộ tỉnh Hà Tĩnh", "PROVINCE", 1));
        publish(unit(ward, List.of(ROOT, province), "Đảng bộ phường Thành Sen", "COMMUNE", 1));
        publish(unit(commune, List.of(ROOT, province), "Đảng bộ xã Thạch Hà", "COMMUNE", 1));
        awaitName(commune, "Đảng bộ xã Thạch Hà");
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void keepsACopyOfTheDirectoryFromItsTopic() {
        given().header("Authorization", bearer(province, "viewer")).get(orgUnitsPath() + "/" + ward)
                .then().statusCode(200)
                .body("name", equalTo("Đảng bộ phường Thành Sen"))
                .body("level", equalTo("COMMUNE"))
                .body("ancestorIds[1]", equalTo(province.toString()))
                .body("version", equalTo(1));
    }

    @Test
    void appliesEachEventOnceAndNeverGoesBackToAnOlderState() throws Exception {
        CloudEvent renamed = unit(ward, List.of(ROOT, province), "Đảng bộ phường Trần Phú", "COMMUNE", 2);
        CloudEvent late = unit(ward, List.of(ROOT, province), "Tên cũ đến muộn", "COMMUNE", 1);
        publish(renamed);
        publish(renamed);
        publish(late);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM kit_processed_event WHERE event_id = '" + late.id() + "'") == 1);
        assertEquals("Đảng bộ phường Trần Phú", queryName(ward));
        assertEquals(1, count("SELECT count(*) FROM kit_processed_event WHERE event_id = '" + renamed.id() + "'"));
        assertEquals(2, count("SELECT version FROM kit_org_unit_copy WHERE id = '" + ward + "'"));
    }

    @Test
    void parksAPoisonMessageAndGoesOn() throws Exception {
        producer.send(new ProducerRecord<>(Topics.ORG_UNITS, ward.toString(), "{not json")).get();
        publish(unit(ward, List.of(ROOT, province), "Đảng bộ phường sau lỗi", "COMMUNE", 3));
        awaitName(ward, "Đảng bộ phường sau lỗi");
        await().atMost(Duration.ofSeconds(20)).until(() -> dlqHas(Topics.deadLetter(kit.serviceName()), "{not json"));
    }

    @Test
    void skipsATombstoneAndParksNothing() throws Exception {
        int waiting = deadLettersWaiting();
        producer.send(new ProducerRecord<>(Topics.ORG_UNITS, ward.toString(), null)).get(); // Kafka allows it on a compacted topic
        publish(unit(ward, List.of(ROOT, province), "Đảng bộ phường sau bia mộ", "COMMUNE", 4));
        awaitName(ward, "Đảng bộ phường sau bia mộ");
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*\\nktgs_inbox_tombstones(\\{[^}]*\\})? [1-9].*"));
        assertEquals(waiting, deadLettersWaiting(), "the tombstone was not parked");
    }

    @Test
    void showsWhatIsParkedInItsMetricAndReplaysItOnceTheCauseIsFixed() throws Exception {
        int waiting = deadLettersWaiting();
        CloudEvent wronglyTyped = unit(ward, List.of(ROOT, province), "Kiểu sai", "COMMUNE", 5);
        String wronglyTypedJson = EventJson.mapper().writeValueAsString(wronglyTyped).replace("\"version\":5", "\"version\":\"năm\"");
        producer.send(new ProducerRecord<>(Topics.ORG_UNITS, ward.toString(), wronglyTypedJson)).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettersWaiting() == waiting + 1);
        // the listing shows the oldest 50 (other tests of the build park records here too), never their data
        String listing = Management.given().get("/q/dead-letters").then().statusCode(200)
                .body("topic", equalTo(Topics.deadLetter(kit.serviceName())))
                .body("records.size()", equalTo(Math.min(50, waiting + 1)))
                .body("records[0].error", org.hamcrest.Matchers.notNullValue())
                .body("oldestAgeSeconds", org.hamcrest.Matchers.notNullValue()).extract().asString();
        assertFalse(listing.contains("Kiểu sai"), "no event data in the listing");
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("ktgs_inbox_dead_letters{consumer_group=\"" + kit.serviceName() + "\"} " + (waiting + 1) + ".0"))
                .body(containsString("ktgs_inbox_dead_letters_oldest_seconds{consumer_group=\"" + kit.serviceName() + "\"}"));

        // a good event parked by an earlier version of the service (say, a bug since fixed)
        UUID parkedUnit = UUID.randomUUID();
        CloudEvent good = unit(parkedUnit, List.of(ROOT, province), "Chi bộ trả lại từ hàng chờ", "CELL", 1);
        ProducerRecord<String, String> parked = new ProducerRecord<>(Topics.deadLetter(kit.serviceName()), good.subject(),
                EventJson.mapper().writeValueAsString(good));
        parked.headers().add("ktgs-origin", (Topics.ORG_UNITS + "/0@123456").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .add("ktgs-error", "PSQLException: the database system is shutting down".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        producer.send(parked).get();
        assertEquals(waiting + 2, deadLettersWaiting());

        Management.given().post("/q/dead-letters/replay").then().statusCode(200)
                .body("applied", equalTo(1)).body("parkedAgain", equalTo(waiting + 1))
                .body("stillWaiting", equalTo(waiting + 1)).body("stoppedBecause", org.hamcrest.Matchers.nullValue());
        assertEquals("Chi bộ trả lại từ hàng chờ", queryName(parkedUnit));
        assertEquals(1, count("SELECT count(*) FROM kit_processed_event WHERE event_id = '" + good.id() + "'"));
        Management.given().post("/q/dead-letters/replay").then().statusCode(200)
                .body("applied", equalTo(0)).body("stillWaiting", equalTo(waiting + 1));
        given().post("/q/dead-letters/replay").then().statusCode(404); // never on the public port

        // what no fix can apply is given up on, so the metric means "missing events" again
        Management.given().post("/q/dead-letters/discard").then().statusCode(200).body("discarded", equalTo(waiting + 1));
        assertEquals(0, deadLettersWaiting());
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("ktgs_inbox_dead_letters{consumer_group=\"" + kit.serviceName() + "\"} 0.0"));
    }

    private static int deadLettersWaiting() {
        return Management.given().get("/q/dead-letters").then().statusCode(200).extract().path("waiting");
    }

    @Test
    void refusesCallersWithoutAValidToken() {
        given().get(orgUnitsPath() + "/" + ward).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://ktgs.vn/problems/unauthorized")).body("title", equalTo("Unauthorized"));
        String otherKey = new JwtMinter(JwtMinter.newKeyPair().getPrivate(), JwtMinter.LOCAL_ISSUER)
                .mint("x", province.toString(), List.of("viewer"), 300);
        given().header("Authorization", "Bearer " + otherKey).get(orgUnitsPath() + "/" + ward).then().statusCode(401);
        String expired = Devstack.shared().tokens().sign(Map.of("iss", JwtMinter.LOCAL_ISSUER, "aud", JwtMinter.AUDIENCE,
                "sub", "x", "groups", List.of("viewer"), "org", province.toString(), "exp", Instant.now().getEpochSecond() - 120));
        given().header("Authorization", "Bearer " + expired).get(orgUnitsPath() + "/" + ward).then().statusCode(401);
        long inAnHour = Instant.now().getEpochSecond() + 3600;
        String fromTheFuture = Devstack.shared().tokens().sign(Map.of("iss", JwtMinter.LOCAL_ISSUER, "aud", JwtMinter.AUDIENCE,
                "sub", "x", "groups", List.of("viewer"), "org", province.toString(), "iat", inAnHour, "exp", inAnHour + 300));
        given().header("Authorization", "Bearer " + fromTheFuture).get(orgUnitsPath() + "/" + ward).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        long inTenSeconds = Instant.now().getEpochSecond() + 10; // within the allowance for clock skew
        String slightlyAhead = Devstack.shared().tokens().sign(Map.of("iss", JwtMinter.LOCAL_ISSUER, "aud", JwtMinter.AUDIENCE,
                "sub", "x", "groups", List.of("viewer"), "org", province.toString(), "iat", inTenSeconds, "exp", inTenSeconds + 300));
        given().header("Authorization", "Bearer " + slightlyAhead).get(orgUnitsPath() + "/" + ward).then().statusCode(200);
    }

    @Test
    void showsOnlyTheCallersSubtree() {
        given().header("Authorization", bearer(commune, "viewer")).get(orgUnitsPath() + "/" + ward)
                .then().statusCode(404).contentType("application/problem+json").body("type", containsString("not-found"));
        given().header("Authorization", bearer(ward, "viewer")).get(orgUnitsPath() + "/" + province).then().statusCode(404);
        given().header("Authorization", bearer(province, "viewer")).get(orgUnitsPath() + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void isReadyWithDatabaseAndKafkaAndLiveWithItsEventPlumbing() throws Exception {
        String ready = Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.data.brokers", equalTo(1)).extract().asString();
        assertFalse(ready.contains(Devstack.shared().bootstrapServers()), "health shows no broker address: " + ready);
        Management.given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'event plumbing' }.data.inboxConsumer", equalTo(true));
        Management.given().get("/q/metrics").then().statusCode(200).body(containsString("ktgs_inbox_lag"));
        Management.given().get("/q/nothing").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://ktgs.vn/problems/not-found")).body("requestId", org.hamcrest.Matchers.notNullValue());
        // nothing of it on the public port, even by an encoded path; every refusal is a problem
        given().get("/q/health/ready").then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not Found")).body("detail", equalTo("nothing is served at this path"));
        given().delete(orgUnitsPath() + "/" + ward).then().statusCode(405).contentType("application/problem+json")
                .body("detail", equalTo("this path does not take this method"));
        given().get("/q/metrics").then().statusCode(404).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get(orgUnitsPath() + "/%2e%2e/%2e%2e/%2e%2e/q/metrics").then()
                .statusCode(org.hamcrest.Matchers.either(equalTo(404)).or(equalTo(400))).contentType("application/problem+json");
        String tooLarge = raw(RestAssured.port, "POST " + orgUnitsPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + 11L * 1024 * 1024 + "\r\n\r\n");
        assertTrue(tooLarge.startsWith("HTTP/1.1 413"), tooLarge);
        assertTrue(tooLarge.contains("application/problem+json"), tooLarge);
        assertTrue(tooLarge.contains("\"type\":\"https://ktgs.vn/problems/content-too-large\""), tooLarge);
        // no request id was sent: one is made, as for every other answer
        assertTrue(java.util.regex.Pattern.compile("(?is)x-request-id: ([0-9a-f-]{36})\r\n.*\"requestId\":\"\\1\"")
                .matcher(tooLarge).find(), tooLarge);
    }

    @Test
    void answersAUriThatCannotBeParsedWithAProblemOnBothPorts() throws Exception {
        String token = bearer(province, "viewer");
        Map<String, String> faults = Map.of(
                orgUnitsPath() + "/%zz", "Malformed escape pair at character " + (orgUnitsPath().length() + 2),
                orgUnitsPath() + "?q=a|b", "Illegal character in query",
                orgUnitsPath() + "/{id}", "Illegal character in path");
        for (var fault : faults.entrySet()) {
            for (String authorization : List.of("", "Authorization: " + token + "\r\n")) {
                String answer = raw(RestAssured.port, "GET " + fault.getKey() + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "X-Request-Id: uri-check-1\r\n" + authorization + "\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
                assertTrue(answer.contains("application/problem+json"), answer);
                assertTrue(answer.contains("\"detail\":\"the request's URI is not valid: " + fault.getValue()), answer);
                assertTrue(answer.contains("\"requestId\":\"uri-check-1\""), answer);
            }
        }
        for (String path : List.of("/q/health/%zz", "/q/metrics?name=a|b")) {
            String answer = raw(Management.port(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("the request's URI is not valid"), answer);
        }
        // a URI with its characters encoded is served as before; the malformed ones made no metric series of their own
        given().header("Authorization", token).urlEncodingEnabled(false).get(orgUnitsPath() + "/" + commune + "?x=Th%E1%BB%8B")
                .then().statusCode(200);
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains("%zz"), "no series for a malformed path");
        assertTrue(metrics.contains("uri=\"/*\""), "the malformed requests are counted under /*");
    }

    @Test
    void refusesATargetOrHeadersOverTheCapsWithAProblemOnBothPorts() throws Exception {
        String token = bearer(province, "viewer");
        // up to the caps (4096 characters of target, 20 KiB of headers) a request is served as before
        given().header("Authorization", token).urlEncodingEnabled(false)
                .get(orgUnitsPath() + "/" + commune + "?x=" + "a".repeat(4000)).then().statusCode(200);
        given().header("Authorization", token).header("X-Filler", "f".repeat(15_000))
                .get(orgUnitsPath() + "/" + commune).then().statusCode(200);
        // over them, and far over Netty's old defaults (4 KiB line, 20 KiB headers) that answered with a bare status
        String longTarget = orgUnitsPath() + "?x=" + "a".repeat(50_000);
        String bigHeaders = "X-Filler: " + "f".repeat(30_000) + "\r\n";
        for (int port : List.of(RestAssured.port, Management.port())) {
            for (String[] refusal : List.of(
                    new String[] {"GET " + longTarget, "", "414", "uri-too-long", "the request's URI is longer than 4096 characters"},
                    new String[] {"GET " + orgUnitsPath(), bigHeaders, "431", "request-header-fields-too-large",
                            "the request's headers are larger than 20480 bytes"})) {
                String answer = raw(port, refusal[0] + " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: caps-1\r\n"
                        + "Authorization: " + token + "\r\n" + refusal[1] + "\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 " + refusal[2] + " "), port + ": " + answer);
                assertTrue(answer.contains("application/problem+json"), answer);
                assertTrue(answer.contains("\"type\":\"https://ktgs.vn/problems/" + refusal[3] + "\""), answer);
                assertTrue(answer.contains("\"detail\":\"" + refusal[4] + "\""), answer);
                assertTrue(answer.contains("\"requestId\":\"caps-1\""), answer);
            }
        }
    }

    @Test
    void answersARequestTheRouterRefusesBeforeAnyRouteOrWithTwoHostsWithAProblemOnBothPorts() throws Exception {
        for (int port : List.of(RestAssured.port, Management.port())) {
            for (String[] refusal : List.of(
                    new String[] {"GET " + orgUnitsPath() + " HTTP/1.1\r\n", "400", "validation"},
                    new String[] {"GET " + orgUnitsPath() + " HTTP/1.1\r\nHost: a b\r\n", "400", "validation"},
                    new String[] {"OPTIONS * HTTP/1.1\r\nHost: localhost\r\n", "404", "not-found"},
                    new String[] {"GET " + orgUnitsPath() + " HTTP/1.1\r\nHost: localhost\r\nHost: elsewhere\r\n", "400",
                            "validation\",\"title\":\"The request is not valid\",\"status\":400,\"detail\":\"the Host header is given more than once"})) {
                String answer = raw(port, refusal[0] + "X-Request-Id: before-routes-1\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 " + refusal[1] + " "), port + ": " + answer);
                assertTrue(answer.contains("application/problem+json"), answer);
                assertTrue(answer.contains("\"type\":\"https://ktgs.vn/problems/" + refusal[2] + "\""), answer);
                assertTrue(answer.contains("\"requestId\":\"before-routes-1\""), answer);
            }
        }
    }

    @Test
    void documentsEveryOperationWithItsIdSecurityAndProblems() {
        var doc = Management.given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        String op = "paths.'" + orgUnitsPath() + "/{id}'.get";
        org.junit.jupiter.api.Assertions.assertNotNull(doc.getString(op + ".operationId"));
        assertEquals("#/components/schemas/Problem", doc.getString(op + ".responses.'404'.content.'application/problem+json'.schema.$ref"));
        assertEquals("#/components/schemas/Problem", doc.getString(op + ".responses.'401'.content.'application/problem+json'.schema.$ref"));
        assertEquals(List.of(Map.of("bearer", List.of())), doc.getList("security"), "every operation needs the bearer token");
        assertEquals("bearer", doc.getString("components.securitySchemes.bearer.scheme"));
    }

    /**
     * Sends a request's head as it is written (no client would send a malformed one) and reads the answer: its head
     * and as much of its body as its Content-Length says.
     */
    private static String raw(int port, String head) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var answer = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            int n;
            while ((n = socket.getInputStream().read(chunk)) > 0) {
                answer.write(chunk, 0, n);
                String text = answer.toString(java.nio.charset.StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
                if (end >= 0 && (!length.find() || answer.size() - end - 4 >= Long.parseLong(length.group(1)))) {
                    break;
                }
            }
            return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String bearer(UUID org, String role) {
        return "Bearer " + Devstack.shared().tokens().mint("tester", org.toString(), List.of(role), 300);
    }

    private static CloudEvent unit(UUID id, List<UUID> ancestors, String name, String level, long version) {
        OrgUnitUpserted data = new OrgUnitUpserted(id, "U-" + id.toString().substring(0, 8), name, level,
                ancestors.get(ancestors.size() - 1), ancestors, true, true, false, true, version, Instant.now());
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/ktgs/planning-service",
                EventTypes.ORG_UNIT_UPSERTED, id.toString(), Instant.now(), CloudEvent.JSON, null, null, EventJson.mapper().valueToTree(data));
    }

    private void publish(CloudEvent e) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ORG_UNITS, e.subject(), EventJson.mapper().writeValueAsString(e))).get();
    }

    private void awaitName(UUID id, String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> name.equals(queryName(id)));
    }

    private String queryName(UUID id) throws Exception {
        try (Connection c = db.getConnection(); var ps = c.prepareStatement("SELECT name FROM kit_org_unit_copy WHERE id = ?")) {
            ps.setObject(1, id);
            var rs = ps.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery(sql);
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean dlqHas(String topic, String value) {
        var cfg = Map.<String, Object>of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "dlq-check-" + UUID.randomUUID(),
                org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var c = new org.apache.kafka.clients.consumer.KafkaConsumer<>(cfg,
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.StringDeserializer())) {
            c.subscribe(List.of(topic));
            for (int i = 0; i < 10; i++) {
                for (var r : c.poll(Duration.ofMillis(300))) {
                    if (value.equals(r.value())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

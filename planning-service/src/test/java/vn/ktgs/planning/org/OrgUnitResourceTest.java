package vn.ktgs.planning.org;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.DevstackTestResource;
import vn.ktgs.events.Topics;
import vn.ktgs.planning.Sql;
import vn.ktgs.kit.contract.TestTokens;
import vn.ktgs.kit.contract.TopicWatcher;

import java.text.Normalizer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ktgs.kit.contract.TestTokens.ROOT;
import static vn.ktgs.kit.contract.TestTokens.bearer;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "planning"))
class OrgUnitResourceTest {
    private static final String UNITS = "/api/v1/org-units";

    @Inject
    AgroalDataSource db;

    /** A fresh province with a ward and a commune under it, and a cell under the ward. */
    private UUID province;
    private UUID ward;
    private UUID commune;
    private UUID cell;
    private String tag;

    @BeforeEach
    void tree() {
        tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String centralAdmin = bearer(ROOT, "admin");
        province = create(centralAdmin, ROOT, "PROVINCE", "P" + tag, "Đảng bộ tỉnh Nghệ An " + tag, true);
        String provinceAdmin = bearer(province, "admin");
        ward = create(provinceAdmin, province, "COMMUNE", "W" + tag, "Đảng bộ phường Thành Sen " + tag, true);
        commune = create(provinceAdmin, province, "COMMUNE", "C" + tag, "Đảng bộ xã Thạch Hà " + tag, true);
        cell = create(provinceAdmin, ward, "CELL", "CELL" + tag, "Chi bộ Tổ dân phố 1 " + tag, false);
    }

    @Test
    void createsAUnitKeepingItsVietnameseNameAndAnnouncesIt() throws Exception {
        String decomposed = Normalizer.normalize("Chi bộ thôn Đông Tiến " + tag, Normalizer.Form.NFD);
        String id = given().header("Authorization", bearer(province, "admin")).contentType(ContentType.JSON)
                .body(Map.of("code", "dt-" + tag, "name", decomposed, "level", "CELL", "parentId", commune))
                .post(UNITS)
                .then().statusCode(201)
                .header("Location", containsString(UNITS + "/"))
                .header("ETag", "\"1\"")
                .body("name", equalTo("Chi bộ thôn Đông Tiến " + tag))
                .body("code", equalTo("DT-" + tag))
                .body("level", equalTo("CELL"))
                .body("parentId", equalTo(commune.toString()))
                .body("ancestorIds", contains(ROOT.toString(), province.toString(), commune.toString()))
                .body("active", equalTo(true))
                .body("version", equalTo(1))
                .extract().path("id");

        assertEquals("Chi bộ thôn Đông Tiến " + tag, Sql.string(db, "SELECT name FROM org_unit WHERE id = '" + id + "'"));
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM kit_audit WHERE entity_id = '" + id + "' AND action = 'org-unit.created'"
                + " AND actor LIKE 'user-admin@%' AND request_id IS NOT NULL"));

        List<JsonNode> events = TopicWatcher.eventsFor(Topics.ORG_UNITS, id, l -> !l.isEmpty(), Duration.ofSeconds(20));
        assertEquals(1, events.size());
        JsonNode e = events.get(0);
        assertEquals("vn.ktgs.org-unit.upserted.v1", e.get("type").asText());
        assertEquals(id, e.get("subject").asText());
        assertEquals("Chi bộ thôn Đông Tiến " + tag, e.at("/data/name").asText());
        assertEquals(List.of(ROOT.toString(), province.toString(), commune.toString()),
                List.of(e.at("/data/ancestorIds/0").asText(), e.at("/data/ancestorIds/1").asText(), e.at("/data/ancestorIds/2").asText()));
        assertEquals(1, e.at("/data/version").asLong());
    }

    @Test
    void readsAUnitItsChildrenPagedAndSearchesIgnoringDiacritics() {
        String admin = bearer(province, "admin");
        create(admin, ward, "CELL", "CELL2" + tag, "Chi bộ Tổ dân phố 2 " + tag, false);
        create(admin, ward, "CELL", "CELL3" + tag, "Chi bộ Tổ dân phố 3 " + tag, false);
        String viewer = bearer(province, "viewer");

        given().header("Authorization", viewer).get(UNITS + "/" + ward)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Đảng bộ phường Thành Sen " + tag)).body("hasUbkt", equalTo(true));

        given().header("Authorization", viewer).queryParam("size", 2).get(UNITS + "/" + ward + "/children")
                .then().statusCode(200)
                .body("items.size()", equalTo(2)).body("totalItems", equalTo(3)).body("page", equalTo(0))
                .body("items[0].name", equalTo("Chi bộ Tổ dân phố 1 " + tag));
        given().header("Authorization", viewer).queryParam("size", 2).queryParam("page", 1).get(UNITS + "/" + ward + "/children")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].name", equalTo("Chi bộ Tổ dân phố 3 " + tag));

        given().header("Authorization", viewer).queryParam("q", "thanh sen " + tag.toLowerCase()).get(UNITS)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(ward.toString()));
        given().header("Authorization", viewer).queryParam("q", "tổ DÂN phố").queryParam("level", "CELL").get(UNITS)
                .then().statusCode(200).body("totalItems", equalTo(3));
        // a ward's caller searches only its own subtree
        given().header("Authorization", bearer(commune, "viewer")).queryParam("q", tag.toLowerCase()).get(UNITS)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(commune.toString()));

        given().header("Authorization", viewer).queryParam("size", 500).get(UNITS)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().header("Authorization", viewer).get(UNITS + "/levels")
                .then().statusCode(200).body("find { it.code == 'COMMUNE' }.labelVi", equalTo("Đảng bộ xã, phường, đặc khu"))
                .body("find { it.code == 'DISTRICT' }.validTo", equalTo("2025-06-30"));
    }

    @Test
    void renamesWithOptimisticVersion() {
        String admin = bearer(province, "admin");
        given().header("Authorization", admin).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("name", "Đảng bộ phường Trần Phú " + tag)).post(UNITS + "/" + ward + "/rename")
                .then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("Đảng bộ phường Trần Phú " + tag))
                .body("version", equalTo(2));
        given().header("Authorization", admin).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("name", "Stale " + tag)).post(UNITS + "/" + ward + "/rename")
                .then().statusCode(412).contentType("application/problem+json").body("type", containsString("stale-version"));
        assertEquals("Đảng bộ phường Trần Phú " + tag, Sql.string(db, "SELECT name FROM org_unit WHERE id = '" + ward + "'"));
        List<JsonNode> events = TopicWatcher.eventsFor(Topics.ORG_UNITS, ward.toString(), l -> l.size() >= 2, Duration.ofSeconds(20));
        assertEquals(2, events.get(events.size() - 1).at("/data/version").asLong());
    }

    @Test
    void movesASubtreeAndAnnouncesTheNewAncestorsOfEveryUnitInIt() {
        String admin = bearer(province, "admin");
        UUID group = create(admin, cell, "GROUP", "G" + tag, "Tổ đảng số 1 " + tag, false);
        given().header("Authorization", admin).header("If-Match", etag(cell)).contentType(ContentType.JSON).body(Map.of("parentId", commune))
                .post(UNITS + "/" + cell + "/move")
                .then().statusCode(200).body("parentId", equalTo(commune.toString()))
                .body("ancestorIds", contains(ROOT.toString(), province.toString(), commune.toString()));
        given().header("Authorization", admin).get(UNITS + "/" + group)
                .then().statusCode(200).body("version", equalTo(2))
                .body("ancestorIds", contains(ROOT.toString(), province.toString(), commune.toString(), cell.toString()));
        List<JsonNode> events = TopicWatcher.eventsFor(Topics.ORG_UNITS, group.toString(), l -> l.size() >= 2, Duration.ofSeconds(20));
        assertEquals(commune.toString(), events.get(1).at("/data/ancestorIds/2").asText());
        // the ward's admins now see the group no more
        given().header("Authorization", bearer(ward, "viewer")).get(UNITS + "/" + group).then().statusCode(404);
    }

    @Test
    void refusesCyclesUnknownParentsAndLevelsThatDoNotFit() {
        String admin = bearer(province, "admin");
        UUID group = create(admin, cell, "GROUP", "G" + tag, "Tổ đảng " + tag, false);
        long before = Sql.count(db, "SELECT count(*) FROM org_unit");
        rejectMove(admin, ward, group, 422, "parentId", "no-cycle");
        rejectMove(admin, ward, ward, 422, "parentId", "no-cycle");
        rejectMove(admin, ward, UUID.randomUUID(), 422, "parentId", "parent-exists");
        rejectMove(admin, cell, province, 422, "level", "level-fits-parent");
        rejectCreate(admin, Map.of("code", "X" + tag, "name", "Chi bộ", "level", "CELL", "parentId", province),
                422, "level", "level-fits-parent");
        rejectCreate(admin, Map.of("code", "X" + tag, "name", "Huyện ủy", "level", "DISTRICT", "parentId", province),
                422, "level", "level-in-force");
        rejectCreate(admin, Map.of("code", "X" + tag, "name", "Chi bộ", "level", "CELL", "parentId", ward, "hasUbkt", true),
                422, "hasUbkt", "ubkt-allowed");
        rejectCreate(admin, Map.of("code", "X" + tag, "name", "Chi bộ", "level", "NOPE", "parentId", ward),
                422, "level", "level-known");
        rejectCreate(admin, Map.of("code", "X" + tag, "name", "Chi bộ", "level", "CELL", "parentId", UUID.randomUUID()),
                422, "parentId", "parent-exists");
        rejectCreate(admin, Map.of("code", "c" + tag, "name", "Trùng mã", "level", "COMMUNE", "parentId", province),
                409, "code", "code-unique");
        rejectCreate(admin, Map.of("code", "bad code!", "name", "Chi bộ", "level", "CELL", "parentId", ward),
                400, "code", "pattern");
        rejectCreate(admin, Map.of("level", "CELL", "parentId", ward), 400, "code", "notBlank");
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"code\": \"A\", \"parentId\": 12")
                .post(UNITS).then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"code\":\"A\",\"name\":\"B\",\"level\":\"CELL\",\"parentId\":\"not-a-uuid\"}")
                .post(UNITS).then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        assertEquals(before, Sql.count(db, "SELECT count(*) FROM org_unit"), "nothing was written");
        assertEquals(cell.toString(), Sql.string(db, "SELECT parent_id::text FROM org_unit WHERE id = '" + group + "'"));
    }

    @Test
    void deactivatesALeafButNotAUnitWithActiveChildrenNorItsOwn() {
        String admin = bearer(province, "admin");
        given().header("Authorization", admin).post(UNITS + "/" + ward + "/deactivate")
                .then().statusCode(428).contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        given().header("Authorization", admin).header("If-Match", etag(ward)).post(UNITS + "/" + ward + "/deactivate")
                .then().statusCode(409).body("errors[0].rule", equalTo("no-active-children"))
                .body("detail", containsString("active units under it"));
        given().header("Authorization", bearer(cell, "admin")).header("If-Match", etag(cell)).post(UNITS + "/" + cell + "/deactivate")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", admin).header("If-Match", etag(cell)).post(UNITS + "/" + cell + "/deactivate")
                .then().statusCode(200).body("active", equalTo(false)).body("version", equalTo(2));
        given().header("Authorization", admin).get(UNITS + "/" + ward + "/children")
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().header("Authorization", admin).queryParam("includeInactive", true).get(UNITS + "/" + ward + "/children")
                .then().statusCode(200).body("totalItems", equalTo(1));
        rejectCreate(admin, Map.of("code", "Y" + tag, "name", "Tổ đảng", "level", "GROUP", "parentId", cell),
                422, "parentId", "parent-active");
        List<JsonNode> events = TopicWatcher.eventsFor(Topics.ORG_UNITS, cell.toString(), l -> l.size() >= 2, Duration.ofSeconds(20));
        assertFalse(events.get(1).at("/data/active").asBoolean());
    }

    @Test
    void refusesCallersWithoutAValidToken() {
        var minter = vn.ktgs.devstack.Devstack.shared().tokens();
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new HashMap<>(Map.of("iss", vn.ktgs.devstack.JwtMinter.LOCAL_ISSUER, "aud", "ktgs",
                "sub", "x", "groups", List.of("admin"), "org", province.toString(), "iat", now, "exp", now + 300));
        Map<String, Object> expired = new HashMap<>(claims);
        expired.put("exp", now - 120);
        Map<String, Object> wrongIssuer = new HashMap<>(claims);
        wrongIssuer.put("iss", "https://evil.example/issuer");
        Map<String, Object> wrongAudience = new HashMap<>(claims);
        wrongAudience.put("aud", "someone-else");
        var otherKey = new vn.ktgs.devstack.JwtMinter(vn.ktgs.devstack.JwtMinter.newKeyPair().getPrivate(),
                vn.ktgs.devstack.JwtMinter.LOCAL_ISSUER);
        List<String> bad = List.of("", "Bearer not.a.token", "Bearer " + minter.sign(expired), "Bearer " + minter.sign(wrongIssuer),
                "Bearer " + minter.sign(wrongAudience), "Bearer " + vn.ktgs.devstack.JwtMinter.unsigned(claims),
                "Bearer " + otherKey.sign(claims));
        for (String auth : bad) {
            var request = given().contentType(ContentType.JSON);
            if (!auth.isEmpty()) {
                request.header("Authorization", auth);
            }
            request.body(Map.of("code", "Z" + tag, "name", "Chi bộ", "level", "CELL", "parentId", ward)).post(UNITS)
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer").body("type", containsString("unauthorized"));
            var read = given();
            if (!auth.isEmpty()) {
                read.header("Authorization", auth);
            }
            read.get(UNITS + "/" + ward).then().statusCode(401);
        }
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM org_unit WHERE code = 'Z" + tag + "'"));
        // the valid version of the same claims works
        given().header("Authorization", "Bearer " + minter.sign(claims)).get(UNITS + "/" + ward).then().statusCode(200);
    }

    @Test
    void rolesAndScopesDecideWhoMayDoWhat() {
        Map<String, Object> body = Map.of("code", "R" + tag, "name", "Chi bộ", "level", "CELL", "parentId", ward);
        for (String role : List.of("viewer", "officer", "committee")) {
            given().header("Authorization", bearer(province, role)).contentType(ContentType.JSON).body(body).post(UNITS)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().header("Authorization", bearer(province, "viewer")).header("If-Match", etag(ward)).contentType(ContentType.JSON)
                .body(Map.of("name", "X")).post(UNITS + "/" + ward + "/rename").then().statusCode(403);
        // a sibling sees nothing of the ward: 404, not 403
        String sibling = bearer(commune, "admin");
        given().header("Authorization", sibling).get(UNITS + "/" + ward).then().statusCode(404)
                .contentType("application/problem+json").body("type", containsString("not-found"));
        given().header("Authorization", sibling).get(UNITS + "/" + ward + "/children").then().statusCode(404);
        given().header("Authorization", sibling).header("If-Match", etag(ward)).contentType(ContentType.JSON).body(Map.of("name", "X"))
                .post(UNITS + "/" + ward + "/rename").then().statusCode(404);
        given().header("Authorization", sibling).contentType(ContentType.JSON).body(body).post(UNITS)
                .then().statusCode(422).body("errors[0].rule", equalTo("parent-exists"));
        // another province sees nothing either, and a unit's own admin cannot reach its parent
        given().header("Authorization", bearer(ward, "admin")).get(UNITS + "/" + province).then().statusCode(404);
        given().header("Authorization", bearer(UUID.randomUUID(), "viewer")).get(UNITS + "/" + ward).then().statusCode(403);
        given().header("Authorization", bearer(province, "viewer")).get(UNITS + "/" + UUID.randomUUID()).then().statusCode(404);
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM org_unit WHERE code = 'R" + tag + "'"));
        assertEquals("Đảng bộ phường Thành Sen " + tag, Sql.string(db, "SELECT name FROM org_unit WHERE id = '" + ward + "'"));
    }

    @Test
    void anIdempotencyKeyMakesARetryReturnTheFirstResult() {
        String admin = bearer(province, "admin");
        Map<String, Object> body = Map.of("code", "I" + tag, "name", "Chi bộ Tổ dân phố 9", "level", "CELL", "parentId", ward);
        String key = UUID.randomUUID().toString();
        String first = given().header("Authorization", admin).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post(UNITS).then().statusCode(201).extract().path("id");
        given().header("Authorization", admin).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post(UNITS).then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", containsString(first)).body("id", equalTo(first));
        given().header("Authorization", admin).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("code", "J" + tag, "name", "Khác", "level", "CELL", "parentId", ward)).post(UNITS)
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM org_unit WHERE code IN ('I" + tag + "', 'J" + tag + "')"));
    }

    @Test
    void everyResponseCarriesTheRequestId() {
        given().header("Authorization", bearer(province, "viewer")).header("X-Request-Id", "req-" + tag)
                .get(UNITS + "/" + UUID.randomUUID())
                .then().statusCode(404).header("X-Request-Id", "req-" + tag).body("requestId", equalTo("req-" + tag));
        given().header("Authorization", bearer(province, "viewer")).get(UNITS + "/" + ward)
                .then().statusCode(200).header("X-Request-Id", notNullValue());
    }

    private UUID create(String auth, UUID parent, String level, String code, String name, boolean committee) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "level", level, "parentId", parent));
        body.put("hasUbkt", committee);
        body.put("hasBtv", committee);
        return UUID.fromString(given().header("Authorization", auth).contentType(ContentType.JSON).body(body).post(UNITS)
                .then().statusCode(201).extract().path("id"));
    }

    private void rejectCreate(String auth, Map<String, Object> body, int status, String field, String rule) {
        problem(given().header("Authorization", auth).contentType(ContentType.JSON).body(body).post(UNITS).then(), status, field, rule);
    }

    private void rejectMove(String auth, UUID unit, UUID parent, int status, String field, String rule) {
        problem(given().header("Authorization", auth).header("If-Match", etag(unit)).contentType(ContentType.JSON)
                .body(Map.of("parentId", parent)).post(UNITS + "/" + unit + "/move").then(), status, field, rule);
    }

    /** The unit's current version, as a client that has just read it sends it. */
    private String etag(UUID unit) {
        return "\"" + Sql.string(db, "SELECT coalesce((SELECT version::text FROM org_unit WHERE id = '" + unit + "'), '1')") + "\"";
    }

    private static void problem(ValidatableResponse r, int status, String field, String rule) {
        r.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field))
                .body("errors.rule", hasItem(rule))
                .body("requestId", notNullValue());
    }
}

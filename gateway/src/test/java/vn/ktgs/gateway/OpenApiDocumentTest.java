package vn.ktgs.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.ktgs.gateway.Upstreams.Upstream;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class OpenApiDocumentTest {

    @Test
    void servesOneDocumentOfEveryServiceThatAnswersAndNamesTheOthers() {
        given().get(OpenApiDocument.PATH).then().statusCode(200).contentType("application/json")
                .body("paths.'/api/v1/plans'.get.operationId", equalTo("PlanResource_list"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("security[0].bearer.size()", equalTo(0))
                .body("paths.'/api/v1/summary'.get.operationId", equalTo("Summary_get"))
                .body("paths.'/api/v1/summary'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Summary"))
                .body("components.schemas.Summary.properties.areas.type", equalTo("array"))
                .body("'x-ktgs-missing'", hasItem("inspection")); // its route points at a closed port
    }

    @Test
    void aSchemaNameTwoServicesUseDifferentlyIsPrefixedWithTheRoute() {
        JsonObject a = doc("/api/v1/a", new JsonObject().put("type", "object"));
        JsonObject b = doc("/api/v1/b", new JsonObject().put("type", "string"));
        JsonObject same = doc("/api/v1/c", new JsonObject().put("type", "object"));
        JsonObject merged = OpenApiDocument.merge(upstreams("alpha", "beta", "gamma"), Arrays.asList(a, b, same));
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals(new JsonObject().put("type", "object"), schemas.getJsonObject("Thing"));
        assertEquals(new JsonObject().put("type", "string"), schemas.getJsonObject("beta_Thing"));
        assertEquals("#/components/schemas/beta_Thing", merged.getJsonObject("paths").getJsonObject("/api/v1/b")
                .getJsonObject("get").getString("$ref"));
        assertEquals("#/components/schemas/Thing", merged.getJsonObject("paths").getJsonObject("/api/v1/c")
                .getJsonObject("get").getString("$ref"));
        assertEquals(null, merged.getJsonArray("x-ktgs-missing"));
        JsonObject partial = OpenApiDocument.merge(upstreams("alpha", "beta"), Arrays.asList(a, null));
        assertEquals(new JsonArray().add("beta"), partial.getJsonArray("x-ktgs-missing"));
    }

    private static JsonObject doc(String path, JsonObject thing) {
        return new JsonObject().put("openapi", "3.1.0")
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", new JsonObject().put("$ref", "#/components/schemas/Thing"))))
                .put("components", new JsonObject().put("schemas", new JsonObject().put("Thing", thing)));
    }

    private static List<Upstream> upstreams(String... names) {
        return Arrays.stream(names).map(n -> new Upstream(n, List.of("/api/v1/" + n), URI.create("http://127.0.0.1:1"),
                URI.create("http://127.0.0.1:1/q/health/ready"))).toList();
    }
}

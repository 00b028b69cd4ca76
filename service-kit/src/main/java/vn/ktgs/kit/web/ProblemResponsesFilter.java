package vn.ktgs.kit.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import vn.ktgs.kit.problem.Problem;

import java.util.List;
import java.util.Map;

/**
 * Every operation of the OpenAPI document needs the bearer token and answers its failures as RFC 9457 problems: the kit's
 * {@code Problem} schema, and the 4xx answers each kind of operation can give (reads: 400, 401, 403,
 * 404; writes also 409, 412, 422, 428).
 */
public class ProblemResponsesFilter implements OASFilter {
    private static final Map<String, String> READS = Map.of(
            "400", "The request is not valid (a field or parameter breaks its format)",
            "401", "No valid bearer token",
            "403", "The caller's role may not do this",
            "404", "Unknown, or outside the caller's scope");
    private static final Map<String, String> WRITES = Map.of(
            "409", "Conflicts with the current state (a duplicate, an illegal transition, a concurrent change)",
            "412", "If-Match names a version that is no longer current",
            "422", "Breaks a rule of the domain",
            "428", "If-Match is required");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        // every API call needs the bearer token (the scheme itself: quarkus.smallrye-openapi.security-scheme)
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("rule", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; type is a stable URI, errors name the fields and rules")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("requestId", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)));
    }

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        READS.forEach((status, text) -> addProblem(responses, status, text));
        boolean write = operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> Versions.IF_MATCH.equals(p.getName())));
        if (write) {
            WRITES.forEach((status, text) -> addProblem(responses, status, text));
        }
        operation.setResponses(responses);
        return operation;
    }

    private static void addProblem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status) && responses.getAPIResponse(status).getContent() != null) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem")))));
    }
}

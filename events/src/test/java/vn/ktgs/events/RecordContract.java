package vn.ktgs.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a Kafka record as it is on the wire (topic, headers, key, value) against the AsyncAPI document:
 * the channel with the topic's address must list the message of the envelope's type, and the headers,
 * the envelope and its data must match that message's schemas. Used by the tests of every producer.
 */
public final class RecordContract {
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonNode DOC = read("asyncapi.yaml", new ObjectMapper(new YAMLFactory()));

    private RecordContract() {
    }

    /** Every way the record breaks the contract; empty when it keeps it. */
    public static List<String> violations(String topic, Map<String, String> headers, String key, String value) {
        List<String> out = new ArrayList<>();
        JsonNode event;
        try {
            event = EventJson.mapper().readTree(value);
        } catch (IOException e) {
            return List.of("the value is not JSON");
        }
        String type = event.path("type").asText();
        JsonNode message = messageOf(topic, type);
        if (message == null) {
            return List.of("channel " + topic + " lists no message " + type);
        }
        ObjectNode headerJson = EventJson.mapper().createObjectNode();
        headers.forEach(headerJson::put);
        JsonNode headerSchema = DOC.at(message.at("/headers/$ref").asText().substring(1));
        SCHEMAS.getSchema(headerSchema).validate(headerJson).forEach(m -> out.add("headers: " + m.getMessage()));
        JsonNode allOf = message.at("/payload/schema/allOf");
        schema(allOf.at("/0/$ref").asText()).validate(event).forEach(m -> out.add("envelope: " + m.getMessage()));
        if (!type.equals(allOf.at("/1/properties/type/const").asText())) {
            out.add("type " + type + " is not " + allOf.at("/1/properties/type/const").asText());
        }
        schema(allOf.at("/1/properties/data/$ref").asText()).validate(event.path("data")).forEach(m -> out.add("data: " + m.getMessage()));
        if (!event.path("subject").asText().equals(key)) {
            out.add("the record key is not the envelope's subject");
        }
        return out;
    }

    private static JsonNode messageOf(String topic, String type) {
        for (JsonNode channel : DOC.get("channels")) {
            if (channel.path("address").asText().equals(topic)) {
                for (JsonNode ref : channel.path("messages")) {
                    JsonNode m = DOC.at(ref.get("$ref").asText().substring(1));
                    if (m.path("name").asText().equals(type)) {
                        return m;
                    }
                }
            }
        }
        return null;
    }

    private static com.networknt.schema.JsonSchema schema(String relativePath) {
        return SCHEMAS.getSchema(read(relativePath.replaceFirst("^\\./", ""), EventJson.mapper()));
    }

    private static JsonNode read(String path, ObjectMapper mapper) {
        try (InputStream in = RecordContract.class.getClassLoader().getResourceAsStream(path)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

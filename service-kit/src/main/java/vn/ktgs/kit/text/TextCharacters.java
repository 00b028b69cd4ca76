package vn.ktgs.kit.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every text in a request body is refused, with its field named (400 {@code text-characters}), if it
 * holds NUL, another control character or a bidirectional override: the database cannot store NUL, and
 * the others let a name look like something it is not.
 */
@Singleton
public class TextCharacters implements ObjectMapperCustomizer {

    /** The refusal, with the field's path in the body ({@code items[0].content}), read from the parser. */
    public static final class Rejected extends JsonMappingException {
        private final String field;

        Rejected(JsonParser p, String message) {
            super(p, message);
            this.field = fieldOf(p.getParsingContext());
        }

        public String field() {
            return field;
        }
    }

    /** The path in the body ({@code items[0].content}) of where a parser is, or "body" at its root. */
    public static String fieldOf(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst(c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            path.append(part.startsWith("[") || path.length() == 0 ? "" : ".").append(part);
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("ktgs-text-characters").addDeserializer(String.class, new Checked()));
    }

    private static final class Checked extends StdScalarDeserializer<String> {
        Checked() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            String bad = s == null ? null : VietnameseText.forbiddenCharacter(s);
            if (bad != null) {
                throw new Rejected(p, "must not contain " + bad);
            }
            return s;
        }
    }
}

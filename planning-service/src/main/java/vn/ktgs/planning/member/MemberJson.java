package vn.ktgs.planning.member;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import vn.ktgs.events.EventJson;
import vn.ktgs.planning.member.MemberRequests.CommitteePost;

import java.util.List;

/**
 * The JSON columns of members (committee posts, history changes), written the same way by the entities and
 * by the bulk import: the events' mapper (ISO dates), not the REST one, which its customisers may change.
 */
final class MemberJson {
    private static final TypeReference<List<CommitteePost>> POSTS = new TypeReference<>() {
    };

    private MemberJson() {
    }

    static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<CommitteePost> posts(String json) {
        try {
            return EventJson.mapper().readValue(json, POSTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("committee_posts is not a list of posts", e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Converter
    static final class Posts implements AttributeConverter<List<CommitteePost>, String> {
        @Override
        public String convertToDatabaseColumn(List<CommitteePost> posts) {
            return write(posts);
        }

        @Override
        public List<CommitteePost> convertToEntityAttribute(String json) {
            return posts(json);
        }
    }
}

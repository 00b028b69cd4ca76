package vn.ktgs.edge;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestHeadTest {
    @Test
    void aUriFaultIsNamedWithItsPosition() {
        assertEquals(Optional.of("Malformed escape pair at character 4 of the URI"), RequestHead.uriFault("/a/%zz"));
        assertEquals(Optional.of("Illegal character in query at character 7 of the URI"), RequestHead.uriFault("/a?q=a|b"));
        assertEquals(Optional.empty(), RequestHead.uriFault("/api/v1/org-units?q=Th%E1%BB%8B&page=2"));
    }

    @Test
    void theHeaderBlockIsCountedAsOnTheWire() {
        // "Host: a\r\n" is 9 bytes, "X-Id: 12\r\n" is 10
        assertEquals(19, RequestHead.headerBytes(List.of(Map.entry("Host", "a"), Map.entry("X-Id", "12"))));
        assertEquals(0, RequestHead.headerBytes(List.of()));
    }

    @Test
    void hostAndAuthorizationAreTakenOnceOnly() {
        Map<String, List<String>> twoHosts = Map.of("Host", List.of("a", "b"), "Authorization", List.of("Bearer x"));
        assertEquals(Optional.of("Host"), RequestHead.repeatedHeader(name -> twoHosts.getOrDefault(name, List.of())));
        Map<String, List<String>> twoTokens = Map.of("Host", List.of("a"), "Authorization", List.of("Bearer x", "Bearer y"));
        assertEquals(Optional.of("Authorization"), RequestHead.repeatedHeader(name -> twoTokens.getOrDefault(name, List.of())));
        assertEquals(Optional.empty(), RequestHead.repeatedHeader(name -> List.of("one")));
    }
}

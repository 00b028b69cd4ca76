package vn.ktgs.edge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks of a request's head that the gateway and every service make before any route reads it, so that each refusal
 * can be answered with a problem: Netty and Quarkus would answer these with a bare status and no body.
 */
public final class RequestHead {
    // any other request id could smuggle text into logs or headers, so it is replaced rather than passed on
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    // a second one leaves it open which counts: the gateway could route or check by one and a service use the other
    private static final List<String> ONCE = List.of("Host", "Authorization");

    private RequestHead() {
    }

    /** The caller's {@code X-Request-Id} if it is a sane one, else a new one; it ties one request's log lines together. */
    public static String requestId(String header) {
        return header != null && SANE_REQUEST_ID.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    /** The first header of those a request may carry only once (RFC 9110, 9112) that it carries more than once. */
    public static Optional<String> repeatedHeader(Function<String, List<String>> valuesOf) {
        return ONCE.stream().filter(name -> valuesOf.apply(name).size() > 1).findFirst();
    }

    /** What is wrong with a request's URI, in words a caller can act on; empty if nothing is. */
    public static Optional<String> uriFault(String uri) {
        try {
            new URI(uri);
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(e.getIndex() < 0 ? e.getReason()
                    : e.getReason() + " at character " + (e.getIndex() + 1) + " of the URI");
        }
    }

    /** The header block's size as on the wire: name, colon, space, value and line end; it is ISO-8859-1, a byte a char. */
    public static long headerBytes(Iterable<Map.Entry<String, String>> headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }
}

package vn.ktgs.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

final class Headers {
    // Host too: the client sets the service's own. Proxy-* headers are matched by their prefix.
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private Headers() {
    }

    /** The headers meant for the other end, without those that concern only one connection (RFC 9110 §7.6.1). */
    static MultiMap endToEnd(MultiMap in) {
        Set<String> listedInConnection = new HashSet<>();
        for (String value : in.getAll(HttpHeaders.CONNECTION)) {
            for (String name : value.split(",")) {
                listedInConnection.add(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        MultiMap out = HttpHeaders.headers();
        for (Map.Entry<String, String> header : in) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !name.startsWith("proxy-") && !listedInConnection.contains(name)) {
                out.add(header.getKey(), header.getValue());
            }
        }
        return out;
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Imports {@code count} members spread over the demo tree's cells and communes in one NDJSON request, twice
 * (the second time nothing changes), and times the outbox relay publishing their events. Run by
 * bench/members-import.sh. Args: planningUrl gatewayUrl jdbcUrl integrationToken count
 */
public class MembersImport {
    static final String[] UNITS = {"10000000-0000-4000-8000-000000000111", "10000000-0000-4000-8000-000000000112",
            "10000000-0000-4000-8000-000000000121", "10000000-0000-4000-8000-000000000011", "10000000-0000-4000-8000-000000000012"};
    static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"};
    static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc"};
    static final String[] GIVEN = {"Hùng", "Lan", "Dũng", "Hương", "Tuấn", "Mai", "Sơn", "Hà", "Nam", "Thảo", "Đào", "Cường"};

    public static void main(String[] args) throws Exception {
        String planning = args[0];
        String gateway = args[1];
        String token = args[3];
        int count = Integer.parseInt(args[4]);
        int run = ThreadLocalRandom.current().nextInt(10_000, 100_000);
        byte[] body = batch(run, count);
        System.out.printf("batch: %,d members, %,d bytes of NDJSON%n", count, body.length);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        // the gateway routes the import (a small batch, within its 10M body limit)
        HttpResponse<String> small = post(http, gateway, token, batch(run + 1, 10));
        System.out.println("through the gateway, 10 rows: " + small.statusCode() + " " + small.body());

        long t = System.nanoTime();
        HttpResponse<String> first = post(http, planning, token, body);
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("import:    %d in %.1f s, %,.0f members/s  %s%n", first.statusCode(), seconds, count / seconds, first.body());
        long imported = System.nanoTime();

        t = System.nanoTime();
        HttpResponse<String> again = post(http, planning, token, body);
        seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("re-import: %d in %.1f s, %,.0f members/s  %s%n", again.statusCode(), seconds, count / seconds, again.body());

        try (Connection c = DriverManager.getConnection(args[2], "postgres", "postgres"); var s = c.createStatement()) {
            long pending;
            do {
                Thread.sleep(500);
                var rs = s.executeQuery("SELECT count(*) FROM kit_outbox WHERE sent_at IS NULL AND failed_at IS NULL");
                rs.next();
                pending = rs.getLong(1);
            } while (pending > 0 && System.nanoTime() - imported < 600e9);
            var rs = s.executeQuery("SELECT count(*), max(length(payload)) FROM kit_outbox WHERE topic = 'ktgs.members.v1'"
                    + " AND payload LIKE '%\"cardNumber\":\"B" + run + "-%'");
            rs.next();
            System.out.printf("outbox:    %,d member events of this batch (largest %,d bytes), all published %.1f s after the import returned%s%n",
                    rs.getLong(1), rs.getLong(2), (System.nanoTime() - imported) / 1e9, pending > 0 ? " (NOT: " + pending + " left)" : "");
        }
    }

    static HttpResponse<String> post(HttpClient http, String base, String token, byte[] body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/members:import")).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body().substring(0, Math.min(2000, r.body().length())));
        }
        return r;
    }

    /** {@code count} members; card numbers and citizen IDs carry the run number, so a kept suite can run again. */
    static byte[] batch(int run, int count) {
        StringBuilder b = new StringBuilder(count * 260);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int n = 0; n < count; n++) {
            int year = 1975 + r.nextInt(45);
            boolean official = r.nextInt(10) > 0;
            b.append("{\"cardNumber\":\"B").append(run).append('-').append(n)
                    .append("\",\"citizenId\":\"").append(String.format("%05d%07d", run, n))
                    .append("\",\"fullName\":\"").append(SURNAMES[r.nextInt(SURNAMES.length)]).append(' ')
                    .append(MIDDLE[r.nextInt(MIDDLE.length)]).append(' ').append(GIVEN[r.nextInt(GIVEN.length)])
                    .append("\",\"unitId\":\"").append(UNITS[n % UNITS.length])
                    .append("\",\"status\":\"").append(official ? "OFFICIAL" : "PROBATIONARY")
                    .append("\",\"admittedDate\":\"").append(year).append("-03-0").append(1 + r.nextInt(9)).append('"');
            if (official) {
                b.append(",\"officialDate\":\"").append(year + 1).append("-03-15\"");
            }
            b.append("}\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}

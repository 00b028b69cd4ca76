import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long an org unit created through the gateway takes to appear in inspection-service's copy:
 * commit, outbox relay, Kafka, inbox consumer, commit. Polls the copy every 2 ms.
 * Args: gatewayUrl adminToken viewerToken [count]
 */
public class EventLatency {
    static final String WARD = "10000000-0000-4000-8000-000000000011";

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "{\"code\":\"LAT-" + run + "-" + i + "\",\"name\":\"Chi bộ đo độ trễ " + i
                    + "\",\"level\":\"CELL\",\"parentId\":\"" + WARD + "\"}";
            HttpRequest create = HttpRequest.newBuilder(URI.create(args[0] + "/api/v1/org-units"))
                    .header("Authorization", "Bearer " + args[1]).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> created = http.send(create, HttpResponse.BodyHandlers.ofString());
            long committed = System.nanoTime(); // the response comes after the commit
            if (created.statusCode() != 201) {
                throw new IllegalStateException(created.statusCode() + " " + created.body());
            }
            String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            HttpRequest copy = HttpRequest.newBuilder(URI.create(args[0] + "/api/v1/inspections/org-units/" + id))
                    .header("Authorization", "Bearer " + args[2]).build();
            while (http.send(copy, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() - committed > 30_000_000_000L) {
                    throw new IllegalStateException("unit " + id + " did not reach inspection-service in 30 s");
                }
                Thread.sleep(2);
            }
            ms.add((System.nanoTime() - committed) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("org unit created -> visible in inspection-service's copy: median %.1f ms, p95 %.1f ms, max %.1f ms (%d units)%n",
                ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.95)), ms.get(ms.size() - 1), ms.size());
    }
}

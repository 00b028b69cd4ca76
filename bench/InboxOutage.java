import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * How long inspection-service takes to apply events that arrived while its database was down: the
 * database refuses connections for {@code outageSeconds}, {@code count} org-unit events are published
 * meanwhile, then it comes back and the copy is polled until every unit is there.
 * Args: jdbcBase (jdbc:postgresql://127.0.0.1:5433/) kafkaBootstrap count outageSeconds
 */
public class InboxOutage {
    static final String ROOT = "00000000-0000-0000-0000-000000000001";

    public static void main(String[] args) throws Exception {
        String jdbc = args[0];
        int count = Integer.parseInt(args[2]);
        int outage = Integer.parseInt(args[3]);
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", args[1]);
        kafka.put("acks", "all");
        kafka.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        kafka.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        try (Connection admin = DriverManager.getConnection(jdbc + "postgres", "postgres", "postgres");
             KafkaProducer<String, String> producer = new KafkaProducer<>(kafka)) {
            admin.createStatement().execute("ALTER DATABASE inspection WITH ALLOW_CONNECTIONS false");
            admin.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'inspection'");
            long down = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                String now = Instant.now().toString();
                String event = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/ktgs/bench\","
                        + "\"type\":\"vn.ktgs.org-unit.upserted.v1\",\"subject\":\"" + id + "\",\"time\":\"" + now + "\","
                        + "\"datacontenttype\":\"application/json\",\"data\":{\"id\":\"" + id + "\",\"code\":\"OUT-" + run + "-" + i
                        + "\",\"name\":\"Chi bộ thử sự cố " + i + "\",\"level\":\"CELL\",\"parentId\":\"" + ROOT + "\",\"ancestorIds\":[\""
                        + ROOT + "\"],\"hasUbkt\":false,\"hasBtv\":false,\"authorisedToAdmit\":false,\"active\":true,\"version\":1,"
                        + "\"changedAt\":\"" + now + "\"}}";
                producer.send(new ProducerRecord<>("ktgs.org-units.v1", id, event));
            }
            producer.flush();
            long rest = outage * 1_000_000_000L - (System.nanoTime() - down);
            if (rest > 0) {
                Thread.sleep(rest / 1_000_000);
            }
            admin.createStatement().execute("ALTER DATABASE inspection WITH ALLOW_CONNECTIONS true");
            long back = System.nanoTime();
            System.out.printf("database of inspection-service down for %.1f s while %d events were published%n",
                    (back - down) / 1e9, count);
            long applied = 0;
            while (applied < count) {
                Thread.sleep(50);
                try (Connection c = DriverManager.getConnection(jdbc + "inspection", "postgres", "postgres");
                     var ps = c.prepareStatement("SELECT count(*) FROM kit_org_unit_copy WHERE code LIKE ?")) {
                    ps.setString(1, "OUT-" + run + "-%");
                    var rs = ps.executeQuery();
                    rs.next();
                    applied = rs.getLong(1);
                }
                if (System.nanoTime() - back > 300_000_000_000L) {
                    throw new IllegalStateException("only " + applied + " of " + count + " applied 300 s after the outage");
                }
            }
            double seconds = (System.nanoTime() - back) / 1e9;
            System.out.printf("all %d applied %.2f s after the database came back (%.0f events/s)%n", count, seconds, count / seconds);
            try (Connection c = DriverManager.getConnection(jdbc + "inspection", "postgres", "postgres");
                 var rs = c.createStatement().executeQuery("SELECT count(*) FROM kit_processed_event WHERE consumer = 'inspection-service'")) {
                rs.next();
                System.out.printf("inspection-service has %d processed-event marks in all%n", rs.getLong(1));
            }
        }
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Seeds inspection-service's database with 1,100 org units under the demo province (its copy of the directory) and
 * 100,000 inspections and supervisions decided by them over 2025–2026, then times the year's list and statistics of
 * the province through the gateway and straight to the service. Run by bench/inspections-bench.sh.
 * Args: gatewayUrl serviceUrl jdbcUrl token
 */
public class InspectionsBench {
    static final String PROVINCE = "10000000-0000-4000-8000-000000000001";

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[2], "postgres", "postgres")) {
            seed(c);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String[] paths = {
                "/api/v1/inspections?org=" + PROVINCE + "&year=2026&size=20",
                "/api/v1/inspections?org=" + PROVINCE + "&year=2026&kind=THEMATIC_INSPECTION&page=50&size=20",
                "/api/v1/inspections/statistics?org=" + PROVINCE + "&period=YEAR&year=2026",
                "/api/v1/inspections/statistics?org=" + PROVINCE + "&period=TERM&term=2025-2030",
        };
        for (String base : new String[] {args[0], args[1]}) {
            System.out.println(base.equals(args[0]) ? "through the gateway:" : "straight to inspection-service:");
            for (String path : paths) {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + args[3]).build();
                for (int i = 0; i < 30; i++) {
                    check(http.send(req, HttpResponse.BodyHandlers.ofString()));
                }
                List<Double> ms = new ArrayList<>();
                String body = "";
                for (int i = 0; i < 200; i++) {
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    ms.add((System.nanoTime() - t) / 1e6);
                    check(r);
                    body = r.body();
                }
                Collections.sort(ms);
                System.out.printf("  %-100s median %6.1f ms  p95 %6.1f ms  max %6.1f ms  (200 requests)%n", path,
                        ms.get(100), ms.get(190), ms.get(199));
                System.out.println("      " + body.substring(0, Math.min(150, body.length())).replace('\n', ' ') + "...");
            }
        }
    }

    static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    static void seed(Connection c) throws Exception {
        try (var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM inspection WHERE created_by = 'bench'");
            rs.next();
            if (rs.getLong(1) > 0) {
                System.out.println("bench data present: " + rs.getLong(1) + " inspections");
                return;
            }
            long t = System.nanoTime();
            c.setAutoCommit(false);
            // 100 communes under the province, 10 cells under each, in the service's copy of the directory
            s.execute("""
                    INSERT INTO kit_org_unit_copy (id, parent_id, path, code, name, level, has_ubkt, has_btv, authorised_to_admit,
                                                   active, version, changed_at)
                    SELECT md5('bench-commune-' || n)::uuid, p.id, p.path || md5('bench-commune-' || n)::uuid || '/',
                           'BENCH-C' || n, 'Đảng bộ xã Thử nghiệm ' || n, 'COMMUNE', true, true, true, true, 1, now()
                    FROM generate_series(1, 100) n, kit_org_unit_copy p WHERE p.id = '%s'
                    """.formatted(PROVINCE));
            s.execute("""
                    INSERT INTO kit_org_unit_copy (id, parent_id, path, code, name, level, has_ubkt, has_btv, authorised_to_admit,
                                                   active, version, changed_at)
                    SELECT md5('bench-cell-' || c.code || '-' || n)::uuid, c.id, c.path || md5('bench-cell-' || c.code || '-' || n)::uuid || '/',
                           c.code || '-CB' || n, 'Chi bộ thôn ' || n, 'CELL', false, false, false, true, 1, now()
                    FROM kit_org_unit_copy c, generate_series(1, 10) n WHERE c.code LIKE 'BENCH-C%'
                    """);
            // 100,000 inspections and supervisions, about 91 per unit, opened over 2025-2026
            s.execute("""
                    INSERT INTO inspection (id, activity, kind, status, deciding_unit_id, deciding_body, title, title_folded, content,
                                            period_from, period_to, origin_type, rule_set_id, decision_number, decision_date, opened_on,
                                            concluded_on, amount_found, amount_to_recover, subject_org_units, subject_members,
                                            subject_committee_members, violations, violations_for_discipline, version, created_by,
                                            created_at, updated_at)
                    SELECT md5('bench-inspection-' || n)::uuid,
                           CASE WHEN n % 6 < 2 THEN 'SUPERVISION' ELSE 'INSPECTION' END,
                           (ARRAY['REGULAR_SUPERVISION', 'THEMATIC_SUPERVISION', 'THEMATIC_INSPECTION', 'INSPECTION_ON_SIGNS',
                                  'INSPECTION_OF_KTGS_WORK', 'FINANCE_INSPECTION'])[n % 6 + 1],
                           CASE WHEN n % 3 = 0 THEN 'NOTIFIED' WHEN n % 6 < 2 THEN 'RESULT_NOTICE' ELSE 'CONCLUDED' END,
                           u.id, CASE WHEN u.has_ubkt THEN 'INSPECTION_COMMISSION' ELSE 'CELL' END,
                           'Kiểm tra, giám sát số ' || n, 'kiem tra, giam sat so ' || n, 'Nội dung',
                           DATE '2024-01-01', DATE '2024-12-31', 'OWN_INITIATIVE', 'INSPECTION-QD296-2025',
                           n || '-QĐ/UBKT', DATE '2025-01-01' + (n % 700), DATE '2025-01-01' + (n % 700),
                           CASE WHEN n % 3 <> 0 THEN DATE '2025-01-01' + (n % 700) + 20 END,
                           CASE WHEN n % 6 = 5 THEN 1000000 * (n % 50) END, CASE WHEN n % 6 = 5 THEN 500000 * (n % 50) END,
                           1, n % 2, n % 5 / 4, CASE WHEN n % 3 <> 0 AND n % 6 >= 2 THEN n % 3 ELSE 0 END,
                           CASE WHEN n % 3 <> 0 AND n % 6 >= 2 THEN n % 2 ELSE 0 END, 1, 'bench',
                           now() - (n % 700) * interval '1 day', now() - (n % 700) * interval '1 day'
                    FROM generate_series(1, 100000) n
                    JOIN (SELECT id, has_ubkt, row_number() OVER (ORDER BY id) - 1 AS k FROM kit_org_unit_copy WHERE code LIKE 'BENCH-%') u
                      ON u.k = n % 1100
                    """);
            s.execute("""
                    INSERT INTO inspection_subject (inspection_id, seq, type, org_unit_id, name, committee_member)
                    SELECT id, 0, 'ORG_UNIT', deciding_unit_id, 'Chi bộ', false FROM inspection WHERE created_by = 'bench'
                    """);
            s.execute("ANALYZE");
            c.commit();
            rs = s.executeQuery("SELECT (SELECT count(*) FROM kit_org_unit_copy), (SELECT count(*) FROM inspection)");
            rs.next();
            System.out.printf("seeded in %.1f s: %d org units in the copy, %d inspections in the database%n",
                    (System.nanoTime() - t) / 1e9, rs.getLong(1), rs.getLong(2));
        }
    }
}

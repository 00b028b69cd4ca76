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
 * Seeds the planning database with 10,000 org units under the demo province and 100,000 plan items
 * (one annual plan with 10 items per unit; 10% of the plans stay drafts), then times coverage and a
 * paged plan list through the gateway. Run by bench/plans-bench.sh.
 * Args: gatewayUrl jdbcUrl token
 */
public class PlansBench {
    static final String PROVINCE = "10000000-0000-4000-8000-000000000001";

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        try (Connection c = DriverManager.getConnection(args[1], "postgres", "postgres")) {
            seed(c);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String[] paths = {
                "/api/v1/plans/coverage?org=" + PROVINCE + "&year=2026",
                "/api/v1/plans/coverage?org=" + PROVINCE + "&year=2026&missingOnly=true&page=3",
                "/api/v1/plans?org=" + PROVINCE + "&year=2026&page=0&size=20",
                "/api/v1/plans?org=" + PROVINCE + "&year=2026&status=APPROVED&q=ke%20hoach&page=40&size=20",
        };
        for (String path : paths) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + args[2]).build();
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
            System.out.printf("%-95s median %6.1f ms  p95 %6.1f ms  max %6.1f ms  (200 requests)%n", path,
                    ms.get(100), ms.get(190), ms.get(199));
            System.out.println("    " + body.substring(0, Math.min(160, body.length())).replace('\n', ' ') + "...");
        }
    }

    static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    static void seed(Connection c) throws Exception {
        try (var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM org_unit WHERE code LIKE 'BENCH-%'");
            rs.next();
            if (rs.getLong(1) > 0) {
                System.out.println("bench data present: " + rs.getLong(1) + " units");
                return;
            }
            long t = System.nanoTime();
            c.setAutoCommit(false);
            // 100 communes under the province, 99 cells under each: 10,000 units
            s.execute("""
                    INSERT INTO org_unit (id, code, name, name_folded, level, parent_id, path, has_ubkt, has_btv,
                                          authorised_to_admit, active, version, announced_version)
                    SELECT md5('bench-commune-' || n)::uuid, 'BENCH-C' || n, 'Đảng bộ xã Thử nghiệm ' || n,
                           'dang bo xa thu nghiem ' || n, 'COMMUNE', p.id, p.path || md5('bench-commune-' || n)::uuid || '/',
                           true, true, true, true, 1, 1
                    FROM generate_series(1, 100) n, org_unit p WHERE p.id = '%s'
                    """.formatted(PROVINCE));
            s.execute("""
                    INSERT INTO org_unit (id, code, name, name_folded, level, parent_id, path, has_ubkt, has_btv,
                                          authorised_to_admit, active, version, announced_version)
                    SELECT md5('bench-cell-' || c.code || '-' || n)::uuid, c.code || '-CB' || n, 'Chi bộ thôn ' || n,
                           'chi bo thon ' || n, 'CELL', c.id, c.path || md5('bench-cell-' || c.code || '-' || n)::uuid || '/',
                           false, false, false, true, 1, 1
                    FROM org_unit c, generate_series(1, 99) n WHERE c.code LIKE 'BENCH-C%'
                    """);
            // one annual 2026 plan per unit, 90% approved, 10 items each
            s.execute("""
                    INSERT INTO plan (id, owner_unit_id, kind, year, title, title_folded, status, revision, approved_revision,
                                      rule_set_id, version, created_by, created_at, updated_at)
                    SELECT md5('bench-plan-' || u.id)::uuid, u.id, 'ANNUAL', 2026, 'Kế hoạch kiểm tra, giám sát năm 2026',
                           'ke hoach kiem tra, giam sat nam 2026',
                           CASE WHEN row_number() OVER () % 10 = 0 THEN 'DRAFT' ELSE 'APPROVED' END, 1,
                           CASE WHEN row_number() OVER () % 10 = 0 THEN NULL ELSE 1 END,
                           'PLANNING-QD296-2025', 1, 'bench', now() - (random() * interval '90 days'), now() - (random() * interval '90 days')
                    FROM org_unit u WHERE u.code LIKE 'BENCH-%'
                    """);
            s.execute("""
                    INSERT INTO plan_revision (plan_id, revision, title, created_by, created_at)
                    SELECT id, 1, title, 'bench', created_at FROM plan WHERE created_by = 'bench'
                    """);
            s.execute("""
                    INSERT INTO plan_item (plan_id, revision, id, seq, activity, kind, subject_type, subject_org_unit_id,
                                           content, period_type, period_from, period_to)
                    SELECT p.id, 1, md5('bench-item-' || p.id || '-' || n)::uuid, n,
                           CASE WHEN n % 2 = 0 THEN 'SUPERVISION' ELSE 'INSPECTION' END,
                           CASE WHEN n % 2 = 0 THEN 'REGULAR_SUPERVISION' ELSE 'THEMATIC_INSPECTION' END,
                           'ORG_UNIT', p.owner_unit_id, 'Nội dung ' || n, 'MONTH',
                           make_date(2026, n + 1, 1), (make_date(2026, n + 1, 1) + interval '1 month - 1 day')::date
                    FROM plan p, generate_series(1, 10) n WHERE p.created_by = 'bench'
                    """);
            s.execute("""
                    INSERT INTO plan_item_progress (item_id, plan_id, status)
                    SELECT i.id, i.plan_id, CASE WHEN i.seq < 6 THEN 'DONE' ELSE 'PLANNED' END
                    FROM plan_item i JOIN plan p ON p.id = i.plan_id WHERE p.approved_revision IS NOT NULL AND p.created_by = 'bench'
                    """);
            s.execute("ANALYZE");
            c.commit();
            rs = s.executeQuery("SELECT (SELECT count(*) FROM org_unit), (SELECT count(*) FROM plan), (SELECT count(*) FROM plan_item)");
            rs.next();
            System.out.printf("seeded in %.1f s: %d org units, %d plans, %d plan items in the database%n",
                    (System.nanoTime() - t) / 1e9, rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }
}

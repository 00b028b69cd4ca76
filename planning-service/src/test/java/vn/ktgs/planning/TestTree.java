package vn.ktgs.planning;

import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static vn.ktgs.kit.contract.TestTokens.ROOT;
import static vn.ktgs.kit.contract.TestTokens.bearer;

/** A fresh province for one test, built through the directory API: two communes, cells, a staff agency. */
public final class TestTree {
    public final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    public final UUID province;
    public final UUID ward;
    public final UUID commune;
    public final UUID wardCell;
    public final UUID communeCell;
    public final UUID staffAgency;

    public TestTree() {
        province = create(bearer(ROOT, "admin"), ROOT, "PROVINCE", "P", "Đảng bộ tỉnh Quảng Trị", true);
        String admin = bearer(province, "admin");
        ward = create(admin, province, "COMMUNE", "W", "Đảng bộ phường Đông Hà", true);
        commune = create(admin, province, "COMMUNE", "C", "Đảng bộ xã Cam Lộ", true);
        wardCell = create(admin, ward, "CELL", "WC", "Chi bộ Khu phố 1", false);
        communeCell = create(admin, commune, "CELL", "CC", "Chi bộ thôn Nghĩa Hy", false);
        staffAgency = create(admin, province, "STAFF_AGENCY", "BTC", "Ban Tổ chức Tỉnh ủy", false);
    }

    private UUID create(String auth, UUID parent, String level, String code, String name, boolean committee) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code + "-" + tag, "name", name + " " + tag, "level", level,
                "parentId", parent, "hasUbkt", committee, "hasBtv", committee));
        return UUID.fromString(given().header("Authorization", auth).contentType(ContentType.JSON).body(body)
                .post("/api/v1/org-units").then().statusCode(201).extract().path("id"));
    }
}

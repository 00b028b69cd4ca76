package vn.ktgs.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary's shapes from statistics as the services give them, and its refusals through the running gateway
 * (whose inspection route points at a closed port). Its numbers against real services: e2e-tests' SummaryEndToEndTest.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class SummaryTest {
    private static final Summary.Labels LABELS = new Summary.Labels();

    // shaped like inspection-service's answer: rows by kind, then their total
    private static final JsonObject INSPECTIONS = new JsonObject("""
            {"orgUnitId":"u1","from":"2026-01-01","to":"2026-12-31",
             "byKind":[{"kind":"THEMATIC_INSPECTION","labelVi":"Kiểm tra chuyên đề","count":3,"withViolations":1},
                       {"kind":"REGULAR_SUPERVISION","labelVi":"Giám sát thường xuyên <b>","count":5,"withViolations":0}],
             "total":{"kind":"TOTAL","labelVi":"Tổng số","count":8,"withViolations":1}}""");
    // shaped like planning-service's: tables, an object of figures, a single figure
    private static final JsonObject PLANS = new JsonObject("""
            {"orgUnitId":"u1","from":"2026-01-01","to":"2026-12-31",
             "plansByKind":[{"code":"ANNUAL","labelVi":"Kế hoạch năm","count":2}],
             "coverage":{"ruleSetId":"PLANNING-QD296-2025","required":4,"covered":2,"missing":2,"percentage":50.0},
             "itemsByKind":[{"code":"REGULAR_SUPERVISION","labelVi":"Giám sát thường xuyên","planned":2,"done":1,"inProgress":0,"overdue":1}],
             "itemsTotal":{"code":"TOTAL","labelVi":"Tổng số","planned":2,"done":1,"inProgress":0,"overdue":1},
             "itemsDonePercentage":50.0}""");

    private static Summary summary() {
        return new Summary(new Summary.Unit("u1", "TU-HN", "Đảng bộ thành phố Hà Nội"), "2026-01-01", "2026-12-31",
                "2026-12-31T09:00:00+07:00", List.of(Summary.area("plans", PLANS, LABELS), Summary.area("inspections", INSPECTIONS, LABELS)));
    }

    @Test
    void statisticsBecomeLabelledTablesTotalRowsAndFigures() {
        Summary.Area inspections = Summary.area("inspections", INSPECTIONS, LABELS);
        assertEquals("Kiểm tra, giám sát", inspections.titleVi());
        Summary.Table byKind = inspections.tables().get(0);
        assertEquals(List.of("count", "withViolations"), byKind.columns().stream().map(Summary.Column::key).toList());
        assertEquals("Có vi phạm", byKind.columns().get(1).labelVi());
        assertEquals(3, byKind.rows().size());
        assertTrue(byKind.rows().get(2).total());
        assertEquals(8, byKind.rows().get(2).values().get("count"));
        assertTrue(inspections.figures().isEmpty());

        Summary.Area plans = Summary.area("plans", PLANS, LABELS);
        assertEquals(List.of("plansByKind", "itemsByKind"), plans.tables().stream().map(Summary.Table::name).toList());
        Map<String, Object> figures = new HashMap<>();
        plans.figures().forEach(f -> figures.put(f.key(), f.value()));
        assertEquals(50.0, figures.get("coverage.percentage"));
        assertEquals(50.0, figures.get("itemsDonePercentage"));
        assertEquals("Tỷ lệ tổ chức đảng có kế hoạch (%)", plans.figures().stream()
                .filter(f -> f.key().equals("coverage.percentage")).findFirst().orElseThrow().labelVi());
        // the chart the labels file names: items planned and done
        assertEquals("itemsByKind", plans.chart().table().name());
        assertEquals(List.of("planned", "done"), plans.chart().columns().stream().map(Summary.Column::key).toList());
        assertNull(Summary.area("appeals", new JsonObject("{\"orgUnitId\":\"u1\"}"), LABELS).chart());
    }

    @Test
    void csvHasOneLinePerNumber() {
        String csv = SummaryFormat.CSV.render(summary()).toString(StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertEquals("area,table,code,labelVi,measure,measureLabelVi,value", lines[0]);
        assertTrue(csv.contains("\r\ninspections,byKind,TOTAL,Tổng số,count,Số lượng,8\r\n"), csv);
        assertTrue(csv.contains("\r\nplans,figures,,,coverage.percentage,Tỷ lệ tổ chức đảng có kế hoạch (%),50.0\r\n"), csv);
        // the header; plans: 1 plan kind, 2 item rows x 4 columns, 6 figures; inspections: 3 rows x 2 columns
        assertEquals(1 + (1 + 8 + 5 + 1) + 6, lines.length);
    }

    @Test
    void thePageEscapesTextAndDrawsOneChartPerArea() {
        String html = SummaryFormat.HTML.render(summary()).toString(StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("Đảng bộ thành phố Hà Nội (TU-HN)"));
        assertTrue(html.contains("từ 01/01/2026 đến 31/12/2026"));
        assertEquals(2, html.split("<svg ", -1).length - 1);
        assertTrue(html.contains("Giám sát thường xuyên &lt;b&gt;"));
        assertFalse(html.contains("<b>"));
        assertFalse(html.contains("<script"));
    }

    @Test
    void theWorkbookHasACoverSheetAndOneSheetPerArea() throws Exception {
        byte[] xlsx = SummaryFormat.XLSX.render(summary()).getBytes();
        Map<String, String> parts = new HashMap<>();
        // read by its central directory, as spreadsheet programs do (the entries are streamed, sizes after the data)
        Path file = Files.createTempFile("summary", ".xlsx");
        Files.write(file, xlsx);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                parts.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            Files.delete(file);
        }
        assertEquals(List.of("Tổng hợp", "Kế hoạch kiểm tra, giám sát", "Kiểm tra, giám sát"), texts(parts.get("xl/workbook.xml"), "sheet", "name"));
        assertTrue(texts(parts.get("xl/sharedStrings.xml"), "t", null).contains("Đảng bộ thành phố Hà Nội (TU-HN)"));
        assertTrue(texts(parts.get("xl/worksheets/sheet3.xml"), "v", null).contains("8"), "the total of inspections");
    }

    /** The text (or the attribute) of every element of a name in an XML part. */
    private static List<String> texts(String xml, String element, String attribute) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList nodes = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getElementsByTagName(element);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            out.add(attribute == null ? e.getTextContent() : e.getAttribute(attribute));
        }
        return out;
    }

    @Test
    void refusesWithoutATokenAndAnUnknownFormat() {
        given().get(SummaryHandler.PATH + "?year=2026").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Fixtures.bearer()).get(SummaryHandler.PATH + "?year=2026&format=pdf").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
    }

    @Test
    void aServiceThatDoesNotAnswerMakesIt503NamingIt() {
        given().header("Authorization", Fixtures.bearer()).get(SummaryHandler.PATH + "?year=2026").then().statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("inspection-service"));
    }
}

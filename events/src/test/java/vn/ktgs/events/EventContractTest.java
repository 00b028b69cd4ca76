package vn.ktgs.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventContractTest {
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void orgUnitEventMatchesItsSchemasAndRoundTrips() throws Exception {
        UUID root = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        OrgUnitUpserted data = new OrgUnitUpserted(id, "HT-01", "Đảng bộ phường Thành Sen", "COMMUNE", root,
                List.of(root), true, true, false, true, 3, Instant.parse("2026-01-02T03:04:05Z"));
        ObjectMapper json = EventJson.mapper();
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/ktgs/planning-service",
                EventTypes.ORG_UNIT_UPSERTED, id.toString(), Instant.now(), CloudEvent.JSON, null, null, json.valueToTree(data));
        JsonNode wire = json.readTree(json.writeValueAsString(event));

        assertEquals(Set.of(), schema("schemas/cloudevent.v1.json").validate(wire));
        assertEquals(Set.of(), schema("schemas/org-unit.upserted.v1.json").validate(wire.get("data")));
        assertEquals(data, json.treeToValue(wire.get("data"), OrgUnitUpserted.class));
        assertEquals(List.of(), RecordContract.violations(Topics.ORG_UNITS,
                java.util.Map.of(CloudEvent.CONTENT_TYPE_HEADER, CloudEvent.STRUCTURED_CONTENT_TYPE), id.toString(),
                json.writeValueAsString(event)));
        assertFalse(RecordContract.violations(Topics.ORG_UNITS, java.util.Map.of(), id.toString(), json.writeValueAsString(event))
                .isEmpty(), "a record without its content-type header breaks the contract");
        assertFalse(RecordContract.violations(Topics.PLANNING, java.util.Map.of(CloudEvent.CONTENT_TYPE_HEADER,
                CloudEvent.STRUCTURED_CONTENT_TYPE), id.toString(), json.writeValueAsString(event)).isEmpty(), "wrong channel");
        assertEquals("Đảng bộ phường Thành Sen", wire.at("/data/name").asText());
    }

    @Test
    void memberEventMatchesItsSchemasAndCarriesNoCitizenId() throws Exception {
        UUID id = UUID.randomUUID();
        UUID cell = UUID.randomUUID();
        MemberUpserted data = new MemberUpserted(id, "52.012345", "Trần Thị Ngọc Ánh", cell, "PROBATIONARY",
                java.time.LocalDate.of(2026, 3, 2), List.of(new MemberUpserted.CommitteePost(cell, "CELL_COMMITTEE",
                        "DEPUTY_SECRETARY", java.time.LocalDate.of(2025, 10, 1), null)),
                "Phó Chủ tịch UBND xã", UUID.randomUUID(), false, 7, Instant.parse("2026-04-05T06:07:08Z"));
        ObjectMapper json = EventJson.mapper();
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/ktgs/planning-service",
                EventTypes.MEMBER_UPSERTED, id.toString(), Instant.now(), CloudEvent.JSON, null, null, json.valueToTree(data));
        JsonNode wire = json.readTree(json.writeValueAsString(event));

        assertEquals(Set.of(), schema("schemas/cloudevent.v1.json").validate(wire));
        assertEquals(Set.of(), schema("schemas/member.upserted.v1.json").validate(wire.get("data")));
        assertEquals(data, json.treeToValue(wire.get("data"), MemberUpserted.class));
        assertEquals(List.of(), RecordContract.violations(Topics.MEMBERS,
                java.util.Map.of(CloudEvent.CONTENT_TYPE_HEADER, CloudEvent.STRUCTURED_CONTENT_TYPE), id.toString(),
                json.writeValueAsString(event)));
        assertEquals("compact", Topics.CLEANUP_POLICIES.get(Topics.MEMBERS));

        com.fasterxml.jackson.databind.node.ObjectNode withCitizenId = ((com.fasterxml.jackson.databind.node.ObjectNode)
                wire.get("data").deepCopy()).put("citizenId", "001234567890");
        assertFalse(schema("schemas/member.upserted.v1.json").validate(withCitizenId).isEmpty(),
                "the contract refuses a citizen ID in the event");
        assertFalse(schema("schemas/member.upserted.v1.json").validate(((com.fasterxml.jackson.databind.node.ObjectNode)
                wire.get("data").deepCopy()).put("status", "ACTIVE")).isEmpty(), "unknown status");
    }

    @Test
    void planAndInspectionEventsMatchTheirSchemas() throws Exception {
        UUID item = UUID.randomUUID();
        PlanApproved plan = new PlanApproved(UUID.randomUUID(), 2, UUID.randomUUID(), "ANNUAL", 2026, null, null,
                "Kế hoạch kiểm tra, giám sát năm 2026", "PLANNING-QD296-2025", "Điều chỉnh", Instant.now(),
                List.of(new PlanApproved.Item(item, "INSPECTION", "THEMATIC_INSPECTION",
                        new PlanApproved.Subject("MEMBER", UUID.randomUUID(), "DV-001", "Nguyễn Văn Hùng", "Bí thư"),
                        "Nội dung", null, java.time.LocalDate.of(2026, 7, 1), java.time.LocalDate.of(2026, 9, 30), "UBKT", null)));
        JsonNode planJson = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(plan));
        assertEquals(Set.of(), schema("schemas/plan.approved.v1.json").validate(planJson));
        assertEquals(plan, EventJson.mapper().treeToValue(planJson, PlanApproved.class));

        InspectionProgress progress = new InspectionProgress(UUID.randomUUID(), UUID.randomUUID(), item, null, Instant.now(),
                "THEMATIC_INSPECTION", new Origin("PLAN_ITEM", item));
        JsonNode progressJson = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(progress));
        assertEquals(Set.of(), schema("schemas/inspection.progress.v1.json").validate(progressJson));
        assertFalse(schema("schemas/plan.approved.v1.json").validate(progressJson).isEmpty());
        // an older producer's event, without kind and origin, still keeps the contract
        assertEquals(Set.of(), schema("schemas/inspection.progress.v1.json").validate(
                EventJson.mapper().readTree("{\"inspectionId\":\"" + item + "\",\"occurredAt\":\"2026-03-01T00:00:00Z\"}")));
        JsonNode badOrigin = ((com.fasterxml.jackson.databind.node.ObjectNode) progressJson.deepCopy())
                .set("origin", EventJson.mapper().readTree("{\"type\":\"RUMOUR\"}"));
        assertFalse(schema("schemas/inspection.progress.v1.json").validate(badOrigin).isEmpty());
    }

    @Test
    void violationAndOverdueEventsMatchTheirSchemas() throws Exception {
        UUID inspection = UUID.randomUUID();
        InspectionViolationFound v = new InspectionViolationFound(UUID.randomUUID(), inspection, "INSPECTION_ON_SIGNS",
                UUID.randomUUID(), "INSPECTION_COMMISSION", "MEMBER", UUID.randomUUID(), UUID.randomUUID(), "Trần Thị Lụa",
                "Vi phạm quy định về kê khai tài sản", "Điều 36 QĐ 69", java.time.LocalDate.of(2023, 1, 5), null, true,
                java.time.LocalDate.of(2026, 3, 2), java.time.LocalDate.of(2026, 6, 30), "INSPECTION-QD296-2025",
                new Origin("INSPECTION", inspection));
        JsonNode json = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(v));
        assertEquals(Set.of(), schema("schemas/inspection.violation-found.v1.json").validate(json));
        assertEquals(v, EventJson.mapper().treeToValue(json, InspectionViolationFound.class));
        assertFalse(schema("schemas/inspection.violation-found.v1.json").validate(
                ((com.fasterxml.jackson.databind.node.ObjectNode) json.deepCopy()).put("denouncerName", "x")).isEmpty());

        RemediationOverdue o = new RemediationOverdue(UUID.randomUUID(), inspection, UUID.randomUUID(), UUID.randomUUID(), null,
                "Khắc phục thiếu sót trong quản lý đảng phí", java.time.LocalDate.of(2026, 9, 30), "OPEN",
                new Origin("INSPECTION", inspection));
        JsonNode oj = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(o));
        assertEquals(Set.of(), schema("schemas/inspection.remediation-overdue.v1.json").validate(oj));
        assertFalse(schema("schemas/inspection.remediation-overdue.v1.json").validate(
                ((com.fasterxml.jackson.databind.node.ObjectNode) oj.deepCopy()).put("status", "DONE")).isEmpty());
    }

    @Test
    void disciplineEventsMatchTheirSchemas() throws Exception {
        UUID caseId = UUID.randomUUID();
        DisciplineDecided d = new DisciplineDecided(caseId, "MEMBER", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "CELL",
                "WARNING", "05-QĐ/CB", java.time.LocalDate.of(2026, 11, 10), java.time.LocalDate.of(2026, 11, 12),
                java.time.LocalDate.of(2027, 11, 12), java.time.LocalDate.of(2026, 12, 14), "DISCIPLINE-QD296-2025", null,
                new Origin("INSPECTION", UUID.randomUUID()));
        JsonNode dj = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(d));
        assertEquals(Set.of(), schema("schemas/discipline.decided.v1.json").validate(dj));
        assertEquals(d, EventJson.mapper().treeToValue(dj, DisciplineDecided.class));
        assertFalse(schema("schemas/discipline.decided.v1.json").validate(
                ((com.fasterxml.jackson.databind.node.ObjectNode) dj.deepCopy()).put("form", "FINE")).isEmpty());
        DisciplineEffectEnded e = new DisciplineEffectEnded(caseId, "MEMBER", d.subjectMemberId(), d.subjectOrgUnitId(), d.decidingUnitId(),
                "WARNING", d.announcedOn(), java.time.LocalDate.of(2027, 11, 13), d.origin());
        JsonNode ej = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(e));
        assertEquals(Set.of(), schema("schemas/discipline.effect-ended.v1.json").validate(ej));
        assertFalse(schema("schemas/discipline.effect-ended.v1.json").validate(
                ((com.fasterxml.jackson.databind.node.ObjectNode) ej.deepCopy()).put("form", "EXPULSION")).isEmpty());
        AppealDecided a = new AppealDecided(UUID.randomUUID(), caseId, "CHANGED", "REPRIMAND", java.time.LocalDate.of(2027, 1, 20),
                UUID.randomUUID(), "STANDING_COMMITTEE", new Origin("APPEAL", UUID.randomUUID()));
        JsonNode aj = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(a));
        assertEquals(Set.of(), schema("schemas/appeal.decided.v1.json").validate(aj));
        assertFalse(schema("schemas/appeal.decided.v1.json").validate(
                ((com.fasterxml.jackson.databind.node.ObjectNode) aj.deepCopy()).putNull("newForm")).isEmpty());
        AppealFiled f = new AppealFiled(a.appealId(), caseId, java.time.LocalDate.of(2026, 11, 30), UUID.randomUUID(), "STANDING_COMMITTEE",
                new Origin("APPEAL", a.appealId()));
        JsonNode fj = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(f));
        assertEquals(Set.of(), schema("schemas/appeal.filed.v1.json").validate(fj));
        assertEquals(f, EventJson.mapper().treeToValue(fj, AppealFiled.class));
        UUID denunciation = UUID.randomUUID();
        DenunciationConcluded c = new DenunciationConcluded(denunciation, UUID.randomUUID(), "INSPECTION_COMMISSION", "PARTLY_FOUNDED",
                java.time.LocalDate.of(2026, 11, 2), java.util.List.of(new DenunciationConcluded.Accused("MEMBER", UUID.randomUUID(),
                UUID.randomUUID(), "Nguyễn Văn A", true, java.util.List.of(new DenunciationConcluded.Violation("Vi phạm quy định về đất đai",
                "Điều 29", java.time.LocalDate.of(2024, 1, 1), null, true)))), new Origin("DENUNCIATION", denunciation));
        JsonNode cj = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(c));
        assertEquals(Set.of(), schema("schemas/denunciation.concluded.v1.json").validate(cj));
        assertEquals(c, EventJson.mapper().treeToValue(cj, DenunciationConcluded.class));
        DenunciationLead lead = new DenunciationLead(denunciation, UUID.randomUUID(), java.time.LocalDate.of(2026, 11, 3),
                "Nội dung cụ thể", c.accused(), new Origin("DENUNCIATION", denunciation));
        JsonNode lj = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(lead));
        assertEquals(Set.of(), schema("schemas/denunciation.lead.v1.json").validate(lj));
        assertFalse(schema("schemas/denunciation.lead.v1.json").validate(
                ((com.fasterxml.jackson.databind.node.ObjectNode) lj.deepCopy()).put("denouncerName", "x")).isEmpty());
        ComplaintOverdue late = new ComplaintOverdue(denunciation, UUID.randomUUID(), "INSPECTION_COMMISSION", java.time.LocalDate.of(2026, 5, 22),
                "VERIFYING", new Origin("DENUNCIATION", denunciation));
        JsonNode oj2 = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(late));
        assertEquals(Set.of(), schema("schemas/complaint.overdue.v1.json").validate(oj2));
        assertEquals(late, EventJson.mapper().treeToValue(oj2, ComplaintOverdue.class));
        // the denouncer's identity has no place in it
        assertFalse(schema("schemas/denunciation.concluded.v1.json").validate(
                ((com.fasterxml.jackson.databind.node.ObjectNode) cj.deepCopy()).put("denouncerName", "x")).isEmpty());
    }

    @Test
    void schemaRejectsAnEventWithoutItsId() throws Exception {
        JsonNode bad = EventJson.mapper().readTree("{\"code\":\"X\",\"name\":\"Y\"}");
        Set<ValidationMessage> errors = schema("schemas/org-unit.upserted.v1.json").validate(bad);
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("id")));
    }

    @Test
    void asyncApiListsEveryTopic() throws Exception {
        JsonNode doc;
        try (InputStream in = resource("asyncapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> addresses = new ArrayList<>();
        doc.get("channels").forEach(c -> addresses.add(c.get("address").asText()));
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                assertTrue(addresses.contains((String) f.get(null)), "AsyncAPI lacks topic " + f.get(null));
            }
        }
        assertEquals("vn.ktgs.org-unit.upserted.v1", doc.at("/components/messages/orgUnitUpserted/name").asText());
    }

    private static JsonSchema schema(String path) throws Exception {
        try (InputStream in = resource(path)) {
            return SCHEMAS.getSchema(in);
        }
    }

    private static InputStream resource(String path) {
        return EventContractTest.class.getClassLoader().getResourceAsStream(path);
    }
}

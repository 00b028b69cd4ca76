package vn.ktgs.planning.trail;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.DevstackTestResource;
import vn.ktgs.events.AppealDecided;
import vn.ktgs.events.AppealFiled;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.DenunciationConcluded;
import vn.ktgs.events.DisciplineDecided;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.InspectionProgress;
import vn.ktgs.events.InspectionViolationFound;
import vn.ktgs.events.Origin;
import vn.ktgs.events.PlanApproved;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.membercopy.DirectoryEvents;
import vn.ktgs.planning.TestTree;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.ktgs.kit.contract.TestTokens.bearer;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "planning"))
class TrailResourceTest {
    private static final String TRAIL = "/api/v1/trail?ref=";
    private final Instant start = Instant.parse("2026-03-02T02:00:00Z");
    private int tick;

    @Test
    void aPlanItemsMatterIsFollowedToTheAnnulledDecisionInTheOrderItHappenedWithinTheCallersScope() throws Exception {
        TestTree tree = new TestTree();
        UUID item = UUID.randomUUID(), plan = UUID.randomUUID(), inspection = UUID.randomUUID(), violation = UUID.randomUUID();
        UUID caseId = UUID.randomUUID(), appeal = UUID.randomUUID(), member = UUID.randomUUID(), denunciation = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 3, 2);
        DisciplineDecided decided = new DisciplineDecided(caseId, "MEMBER", member, tree.wardCell, tree.wardCell, "CELL", "WARNING",
                "05-QĐ/CB", day, day, day.plusYears(1), day.plusDays(30), "DISCIPLINE-QD296-2025", null,
                new Origin("INSPECTION", inspection));
        try (DirectoryEvents bus = new DirectoryEvents()) {
            bus.publish(Topics.PLANNING, event("/ktgs/planning-service", EventTypes.PLAN_APPROVED, plan, new PlanApproved(plan, 1,
                    tree.ward, "ANNUAL", 2026, null, null, "Chương trình kiểm tra, giám sát năm 2026", "PLAN-QD296-2025", null, start,
                    List.of(new PlanApproved.Item(item, "INSPECTION", "THEMATIC_INSPECTION", null, "Kiểm tra việc thực hiện nhiệm vụ",
                            null, day, day.plusMonths(2), null, null)))));
            bus.publish(Topics.INSPECTION, event("/ktgs/inspection-service", EventTypes.INSPECTION_SCHEDULED, inspection,
                    new InspectionProgress(inspection, plan, item, tree.ward, start, "THEMATIC_INSPECTION", new Origin("PLAN_ITEM", item))));
            bus.publish(Topics.INSPECTION, event("/ktgs/inspection-service", EventTypes.INSPECTION_CONCLUDED, inspection,
                    new InspectionProgress(inspection, plan, item, tree.ward, start, "THEMATIC_INSPECTION", new Origin("PLAN_ITEM", item))));
            bus.publish(Topics.INSPECTION, event("/ktgs/inspection-service", EventTypes.INSPECTION_VIOLATION_FOUND, inspection,
                    new InspectionViolationFound(violation, inspection, "THEMATIC_INSPECTION", tree.wardCell, "CELL", "MEMBER", tree.wardCell,
                            member, "Nguyễn Văn Bình", "Vi phạm quy định về kê khai tài sản", "Điều 11", day, day, false, null, day,
                            "INSPECTION-QD296-2025", new Origin("INSPECTION", inspection))));
            CloudEvent decidedEvent = event("/ktgs/discipline-service", EventTypes.DISCIPLINE_DECIDED, caseId, decided);
            bus.publish(Topics.DISCIPLINE, decidedEvent);
            bus.publish(Topics.COMPLAINTS, event("/ktgs/complaints-service", EventTypes.APPEAL_FILED, appeal,
                    new AppealFiled(appeal, caseId, day.plusDays(5), tree.ward, "INSPECTION_COMMISSION", new Origin("APPEAL", appeal))));
            bus.publish(Topics.COMPLAINTS, event("/ktgs/complaints-service", EventTypes.APPEAL_DECIDED, appeal,
                    new AppealDecided(appeal, caseId, "ANNULLED", null, day.plusDays(40), tree.ward, "INSPECTION_COMMISSION",
                            new Origin("APPEAL", appeal))));
            // delivered twice: recorded once
            bus.publish(Topics.DISCIPLINE, decidedEvent);
            bus.publish(Topics.DISCIPLINE, event("/ktgs/discipline-service", EventTypes.DISCIPLINE_AMENDED, caseId,
                    new DisciplineDecided(caseId, "MEMBER", member, tree.wardCell, tree.wardCell, "CELL", "WARNING", "05-QĐ/CB", day, day,
                            null, day.plusDays(30), "DISCIPLINE-QD296-2025", "ANNULLED", new Origin("INSPECTION", inspection))));
            // another matter in the same tree
            bus.publish(Topics.COMPLAINTS, event("/ktgs/complaints-service", EventTypes.DENUNCIATION_CONCLUDED, denunciation,
                    new DenunciationConcluded(denunciation, tree.commune, "INSPECTION_COMMISSION", "UNFOUNDED", day, List.of(),
                            new Origin("DENUNCIATION", denunciation))));
        }
        String ward = bearer(tree.ward, "viewer");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", ward).get(TRAIL + "APPEAL:" + appeal)
                .then().extract().jsonPath().getList("steps").size() == 8);
        for (String ref : List.of("APPEAL:" + appeal, "PLAN_ITEM:" + item, "VIOLATION:" + violation)) {
            given().header("Authorization", ward).get(TRAIL + ref).then().statusCode(200)
                    .body("steps.recordType", contains("PLAN_ITEM", "INSPECTION", "INSPECTION", "VIOLATION", "DISCIPLINE_CASE", "APPEAL",
                            "APPEAL", "DISCIPLINE_CASE"))
                    .body("steps.event", contains(EventTypes.PLAN_APPROVED, EventTypes.INSPECTION_SCHEDULED, EventTypes.INSPECTION_CONCLUDED,
                            EventTypes.INSPECTION_VIOLATION_FOUND, EventTypes.DISCIPLINE_DECIDED, EventTypes.APPEAL_FILED,
                            EventTypes.APPEAL_DECIDED, EventTypes.DISCIPLINE_AMENDED))
                    .body("steps[3].linkedType", equalTo("INSPECTION")).body("steps[3].linkedId", equalTo(inspection.toString()))
                    .body("steps[4].facts.form", equalTo("WARNING")).body("steps[6].facts.outcome", equalTo("ANNULLED"))
                    .body("steps[7].facts.amendment", equalTo("ANNULLED")).body("truncated", equalTo(false));
        }
        // neither a violation's act nor a member's name reaches the trail
        String body = given().header("Authorization", ward).get(TRAIL + "APPEAL:" + appeal).asString();
        assertFalse(body.contains("Nguyễn Văn Bình") || body.contains("kê khai"), body);

        // the cell sees its own records only; the ward's appeal is not known to it, nor the matter to another commune
        given().header("Authorization", bearer(tree.wardCell, "viewer")).get(TRAIL + "DISCIPLINE_CASE:" + caseId).then().statusCode(200)
                .body("steps.recordType", contains("VIOLATION", "DISCIPLINE_CASE", "DISCIPLINE_CASE"));
        given().header("Authorization", bearer(tree.wardCell, "viewer")).get(TRAIL + "APPEAL:" + appeal).then().statusCode(404);
        given().header("Authorization", bearer(tree.commune, "viewer")).get(TRAIL + "APPEAL:" + appeal).then().statusCode(404);
        given().header("Authorization", bearer(tree.commune, "viewer")).get(TRAIL + "DENUNCIATION:" + denunciation).then().statusCode(200)
                .body("steps.recordType", contains("DENUNCIATION"));
        given().header("Authorization", bearer(tree.province, "viewer")).get(TRAIL + "INSPECTION:" + inspection).then().statusCode(200)
                .body("steps.size()", equalTo(8));
        // the right id under another type is not that record
        given().header("Authorization", ward).get(TRAIL + "INSPECTION:" + appeal).then().statusCode(404);
        given().header("Authorization", ward).get(TRAIL + "APPEAL:" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        for (String bad : List.of("APPEAL", "APPEAL:", "LETTER:" + appeal, "APPEAL:12")) {
            given().header("Authorization", ward).get(TRAIL + bad).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("ref"));
        }
        given().get(TRAIL + "APPEAL:" + appeal).then().statusCode(401);
    }

    private CloudEvent event(String source, String type, UUID subject, Object data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject.toString(),
                start.plusSeconds(60L * tick++), CloudEvent.JSON, null, null, EventJson.mapper().valueToTree(data));
    }
}

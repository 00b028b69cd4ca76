package vn.ktgs.events;

/** CloudEvents {@code type} values. The version suffix changes only with an incompatible payload. */
public final class EventTypes {
    public static final String ORG_UNIT_UPSERTED = "vn.ktgs.org-unit.upserted.v1";
    /** A party member was created, changed or transferred: {@link MemberUpserted}. */
    public static final String MEMBER_UPSERTED = "vn.ktgs.member.upserted.v1";
    /** A plan's first revision was approved: {@link PlanApproved}. */
    public static final String PLAN_APPROVED = "vn.ktgs.plan.approved.v1";
    /** A later revision of an approved plan was approved: {@link PlanApproved} with a reason. */
    public static final String PLAN_AMENDED = "vn.ktgs.plan.amended.v1";
    /** Inspection-service's lifecycle events that fulfil plan items: {@link InspectionProgress}. */
    public static final String INSPECTION_SCHEDULED = "vn.ktgs.inspection.scheduled.v1";
    public static final String INSPECTION_STARTED = "vn.ktgs.inspection.started.v1";
    public static final String INSPECTION_CONCLUDED = "vn.ktgs.inspection.concluded.v1";
    /** A conclusion found a violation that warrants discipline: {@link InspectionViolationFound}. */
    public static final String INSPECTION_VIOLATION_FOUND = "vn.ktgs.inspection.violation-found.v1";
    /** A remediation item passed its deadline undone: {@link RemediationOverdue}. */
    public static final String INSPECTION_REMEDIATION_OVERDUE = "vn.ktgs.inspection.remediation-overdue.v1";
    /** A discipline decision was announced and took effect: {@link DisciplineDecided}. */
    public static final String DISCIPLINE_DECIDED = "vn.ktgs.discipline.decided.v1";
    /** An appeal's decision upheld, changed or annulled a discipline decision: {@link DisciplineDecided} with its amendment. */
    public static final String DISCIPLINE_AMENDED = "vn.ktgs.discipline.amended.v1";
    /** A decision's effect ended by itself: {@link DisciplineEffectEnded}. */
    public static final String DISCIPLINE_EFFECT_ENDED = "vn.ktgs.discipline.effect-ended.v1";
    /** A denunciation was concluded; a founded one proposes discipline: {@link DenunciationConcluded}. */
    public static final String DENUNCIATION_CONCLUDED = "vn.ktgs.denunciation.concluded.v1";
    /** An anonymous letter with a specific content, passed on as a lead: {@link DenunciationLead}. */
    public static final String DENUNCIATION_LEAD = "vn.ktgs.denunciation.lead.v1";
    /** A denunciation or an appeal passed its deadline unresolved: {@link ComplaintOverdue}. */
    public static final String DENUNCIATION_OVERDUE = "vn.ktgs.denunciation.overdue.v1";
    public static final String APPEAL_OVERDUE = "vn.ktgs.appeal.overdue.v1";
    /** An appeal against a discipline decision was accepted for handling: {@link AppealFiled}. */
    public static final String APPEAL_FILED = "vn.ktgs.appeal.filed.v1";
    /** An appeal against a discipline decision was decided: {@link AppealDecided}. */
    public static final String APPEAL_DECIDED = "vn.ktgs.appeal.decided.v1";

    private EventTypes() {
    }
}

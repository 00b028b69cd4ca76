package vn.ktgs.inspection.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.rules.RuleSets;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The coordination plan's check (kế hoạch điều phối, seed 004): another body's open inspection of the same subject
 * over an overlapping period. It warns and never refuses; it names the other inspection only to a caller who may see it.
 */
@ApplicationScoped
public class Overlaps {
    static final String OPEN_STATUSES = "inspection.overlap.open-statuses";

    private final EntityManager em;
    private final RuleSets ruleSets;

    Overlaps(EntityManager em, RuleSets ruleSets) {
        this.em = em;
        this.ruleSets = ruleSets;
    }

    List<InspectionViews.Warning> of(OrgUnitCopy actorUnit, Inspection i) {
        if (i.activity != InspectionCodes.Activity.INSPECTION) {
            return List.of();
        }
        em.flush(); // the subjects just written
        List<String> open = ruleSets.byId(i.ruleSetId).orElseThrow().strings(OPEN_STATUSES);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT o.id, o.kind, o.status, o.deciding_unit_id, u.path"
                        + " FROM inspection_subject me"
                        + " JOIN inspection_subject s ON (s.member_id = me.member_id OR (me.member_id IS NULL AND s.member_id IS NULL"
                        + "      AND s.org_unit_id = me.org_unit_id))"
                        + " JOIN inspection o ON o.id = s.inspection_id"
                        + " JOIN kit_org_unit_copy u ON u.id = o.deciding_unit_id"
                        + " WHERE me.inspection_id = ?1 AND o.id <> ?1 AND o.activity = 'INSPECTION' AND o.deciding_unit_id <> ?2"
                        + " AND o.status = ANY (cast(?3 as text[]))"
                        + " AND (o.period_from IS NULL OR cast(?4 as date) IS NULL OR o.period_from <= cast(?4 as date))"
                        + " AND (o.period_to IS NULL OR cast(?5 as date) IS NULL OR o.period_to >= cast(?5 as date))"
                        + " ORDER BY o.id LIMIT 20")
                .setParameter(1, i.id).setParameter(2, i.decidingUnitId).setParameter(3, open.toArray(String[]::new))
                .setParameter(4, i.periodTo).setParameter(5, i.periodFrom)
                .getResultList();
        List<InspectionViews.Warning> out = new ArrayList<>();
        for (Object[] r : rows) {
            boolean visible = ((String) r[4]).startsWith(actorUnit.path);
            out.add(new InspectionViews.Warning("overlapping-inspection",
                    "another body has an open inspection of the same subject over an overlapping period"
                            + (visible ? "" : " (not in your scope: coordinate with the upper body)"),
                    visible ? (UUID) r[0] : null, visible ? (UUID) r[3] : null, visible ? (String) r[1] : null,
                    visible ? (String) r[2] : null));
        }
        return out;
    }
}

package vn.ktgs.planning.org;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.OrgUnitUpserted;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.outbox.Outbox;

import java.util.List;

/** Announces org units on {@value Topics#ORG_UNITS} through the outbox. */
@ApplicationScoped
public class OrgEvents {
    private final Outbox outbox;

    OrgEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Writes the unit's current state as an event, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(OrgUnit u) {
        outbox.publish(Topics.ORG_UNITS, EventTypes.ORG_UNIT_UPSERTED, u.id.toString(), new OrgUnitUpserted(
                u.id, u.code, u.name, u.level, u.parentId, u.ancestorIds(), u.hasUbkt, u.hasBtv, u.authorisedToAdmit,
                u.active, u.version, u.updatedAt));
        u.announcedVersion = u.version;
    }

    /**
     * Announces units whose current version was never announced: the root seeded by migration, or a
     * unit fixed by hand in the database. Runs at start-up; normally finds nothing.
     */
    @Transactional
    void announceOwed(@Observes StartupEvent ignored) {
        List<OrgUnit> owed = OrgUnit.list("announcedVersion is null or announcedVersion < version order by path");
        owed.forEach(this::announce);
    }
}

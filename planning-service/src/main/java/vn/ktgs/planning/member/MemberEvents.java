package vn.ktgs.planning.member;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.MemberUpserted;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.outbox.Outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Announces members on {@value Topics#MEMBERS} through the outbox: the whole state, never the citizen ID. */
@ApplicationScoped
public class MemberEvents {
    private final Outbox outbox;

    MemberEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void upserted(UUID id, MemberState s, long version, Instant at) {
        outbox.publish(Topics.MEMBERS, EventTypes.MEMBER_UPSERTED, id.toString(), data(id, s, version, at));
    }

    /** Many members at once (an import): one outbox batch. */
    void upsertedAll(List<Outbox.Entry> entries) {
        outbox.publishAll(Topics.MEMBERS, EventTypes.MEMBER_UPSERTED, entries);
    }

    static Outbox.Entry entry(UUID id, MemberState s, long version, Instant at) {
        return new Outbox.Entry(id.toString(), data(id, s, version, at));
    }

    private static MemberUpserted data(UUID id, MemberState s, long version, Instant at) {
        return new MemberUpserted(id, s.cardNumber(), s.fullName(), s.unitId(), s.status().name(), s.statusSince(),
                s.committeePosts().stream()
                        .map(p -> new MemberUpserted.CommitteePost(p.unitId(), p.body().name(), p.post().name(), p.termStart(), p.termEnd()))
                        .toList(), s.statePosition(), s.managingUnitId(), s.retired(), version, at);
    }
}

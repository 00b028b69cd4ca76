package vn.ktgs.events;

/** CloudEvents {@code type} values. The version suffix changes only with an incompatible payload. */
public final class EventTypes {
    public static final String ORG_UNIT_UPSERTED = "vn.ktgs.org-unit.upserted.v1";

    private EventTypes() {
    }
}

package vn.ktgs.kit.security;

/** The roles of ARCHITECTURE §6, as they appear in the token's {@code groups} claim. */
public final class Roles {
    public static final String VIEWER = "viewer";
    /** cán bộ kiểm tra */
    public static final String OFFICER = "officer";
    /** UBKT member */
    public static final String COMMISSION = "commission";
    /** cấp ủy / BTV member */
    public static final String COMMITTEE = "committee";
    /** receives denunciations */
    public static final String INTAKE = "intake";
    /** system accounts that read feeds */
    public static final String INTEGRATION = "integration";
    /** manages the org directory */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}

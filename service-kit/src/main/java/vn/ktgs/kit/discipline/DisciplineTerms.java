package vn.ktgs.kit.discipline;

/**
 * The discipline vocabulary two services decide with: discipline-service when it decides a case, complaints-service
 * when an appeal changes the form (DOMAIN §3.1–3.3). The codes are those of the events; labels are Vietnamese.
 */
public final class DisciplineTerms {
    private DisciplineTerms() {
    }

    /** The discipline forms (hình thức kỷ luật). Which apply to whom, and their order of severity, is rule-set data. */
    public enum Form {
        REPRIMAND("Khiển trách"),
        WARNING("Cảnh cáo"),
        REMOVAL_FROM_POST("Cách chức"),
        EXPULSION("Khai trừ"),
        DISSOLUTION("Giải tán");

        public final String labelVi;

        Form(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** The body that considers the case (DOMAIN §3). A cell committee or a partial committee never decides. */
    public enum Body {
        CELL("Chi bộ"),
        CELL_COMMITTEE("Chi ủy"),
        PARTIAL_COMMITTEE("Đảng ủy bộ phận"),
        COMMITTEE("Cấp ủy"),
        STANDING_COMMITTEE("Ban Thường vụ"),
        INSPECTION_COMMISSION("Ủy ban kiểm tra");

        public final String labelVi;

        Body(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** How the member stands to the deciding unit, which decides the forms it may impose (DOMAIN §3.1). */
    public enum SubjectCategory {
        ORDINARY("Đảng viên"),
        SAME_LEVEL_COMMITTEE_MEMBER("Cấp ủy viên cùng cấp"),
        HIGHER_MANAGED("Cán bộ thuộc diện cấp trên quản lý"),
        LOWER_LEVEL_COMMITTEE_MEMBER("Cấp ủy viên cấp dưới");

        public final String labelVi;

        SubjectCategory(String labelVi) {
            this.labelVi = labelVi;
        }
    }
}

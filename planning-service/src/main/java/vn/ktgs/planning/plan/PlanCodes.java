package vn.ktgs.planning.plan;

/** The codes of plans, with the Vietnamese labels users know them by (GET /api/v1/plans/codes). */
public final class PlanCodes {
    private PlanCodes() {
    }

    public enum Kind {
        ANNUAL("Kế hoạch kiểm tra, giám sát năm"),
        TERM_PROGRAMME("Chương trình kiểm tra, giám sát toàn khóa");

        public final String labelVi;

        Kind(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public enum Activity {
        INSPECTION("Kiểm tra"),
        SUPERVISION("Giám sát");

        public final String labelVi;

        Activity(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** DOMAIN §1: the kinds of inspection and supervision a plan item can be. */
    public enum ItemKind {
        REGULAR_SUPERVISION(Activity.SUPERVISION, "Giám sát thường xuyên"),
        THEMATIC_SUPERVISION(Activity.SUPERVISION, "Giám sát chuyên đề"),
        THEMATIC_INSPECTION(Activity.INSPECTION, "Kiểm tra chuyên đề"),
        INSPECTION_ON_SIGNS(Activity.INSPECTION, "Kiểm tra khi có dấu hiệu vi phạm"),
        INSPECTION_OF_KTGS_WORK(Activity.INSPECTION, "Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng"),
        FINANCE_INSPECTION(Activity.INSPECTION, "Kiểm tra tài chính đảng");

        public final Activity activity;
        public final String labelVi;

        ItemKind(Activity activity, String labelVi) {
            this.activity = activity;
            this.labelVi = labelVi;
        }
    }

    public enum Status {
        DRAFT("Dự thảo"),
        SUBMITTED("Đã trình"),
        RETURNED("Trả lại để hoàn thiện"),
        APPROVED("Đã phê duyệt"),
        CLOSED("Đã kết thúc");

        public final String labelVi;

        Status(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** Fulfilment of one item, from inspection-service's events; only ever moves forward. */
    public enum ItemStatus {
        PLANNED("Chưa triển khai"),
        SCHEDULED("Đã có quyết định"),
        IN_PROGRESS("Đang tiến hành"),
        DONE("Đã kết luận");

        public final String labelVi;

        ItemStatus(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public enum SubjectType {
        ORG_UNIT("Tổ chức đảng"),
        MEMBER("Đảng viên");

        public final String labelVi;

        SubjectType(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public enum PeriodType {
        MONTH("Tháng"),
        QUARTER("Quý"),
        RANGE("Khoảng thời gian");

        public final String labelVi;

        PeriodType(String labelVi) {
            this.labelVi = labelVi;
        }
    }
}

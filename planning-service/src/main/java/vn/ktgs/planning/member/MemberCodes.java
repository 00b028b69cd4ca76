package vn.ktgs.planning.member;

/** The codes of the member directory, with their Vietnamese labels (served at /api/v1/members/codes). */
public final class MemberCodes {
    private MemberCodes() {
    }

    public enum Status {
        PROBATIONARY("Đảng viên dự bị"),
        OFFICIAL("Đảng viên chính thức"),
        SUSPENDED("Đình chỉ sinh hoạt đảng"),
        EXPELLED("Khai trừ"),
        STRUCK_OFF("Xóa tên"),
        DECEASED("Từ trần"),
        MISSING("Mất tích");

        public final String labelVi;

        Status(String labelVi) {
            this.labelVi = labelVi;
        }

        /** Left the Party or died: such a member is not moved to another unit any more. */
        boolean transferable() {
            return this != EXPELLED && this != STRUCK_OFF && this != DECEASED;
        }
    }

    /** The party body a committee post sits on. */
    public enum Body {
        COMMITTEE("Ban chấp hành (cấp ủy)"),
        STANDING_COMMITTEE("Ban thường vụ"),
        UBKT("Ủy ban kiểm tra"),
        CELL_COMMITTEE("Chi ủy");

        public final String labelVi;

        Body(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public enum Post {
        SECRETARY("Bí thư"),
        DEPUTY_SECRETARY("Phó Bí thư"),
        CHAIR("Chủ nhiệm"),
        DEPUTY_CHAIR("Phó Chủ nhiệm"),
        MEMBER("Ủy viên");

        public final String labelVi;

        Post(String labelVi) {
            this.labelVi = labelVi;
        }
    }
}

package vn.ktgs.inspection.inspection;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The codes of inspections and supervisions, with the Vietnamese labels users know them by (GET /api/v1/inspections/codes). */
public final class InspectionCodes {
    private InspectionCodes() {
    }

    public enum Activity {
        INSPECTION("Kiểm tra"),
        SUPERVISION("Giám sát");

        public final String labelVi;

        Activity(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** DOMAIN §1: every kind of inspection and supervision. */
    public enum Kind {
        REGULAR_SUPERVISION(Activity.SUPERVISION, "Giám sát thường xuyên"),
        THEMATIC_SUPERVISION(Activity.SUPERVISION, "Giám sát chuyên đề"),
        THEMATIC_INSPECTION(Activity.INSPECTION, "Kiểm tra chuyên đề"),
        INSPECTION_ON_SIGNS(Activity.INSPECTION, "Kiểm tra khi có dấu hiệu vi phạm"),
        INSPECTION_OF_KTGS_WORK(Activity.INSPECTION, "Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng"),
        FINANCE_INSPECTION(Activity.INSPECTION, "Kiểm tra tài chính đảng");

        public final Activity activity;
        public final String labelVi;

        Kind(Activity activity, String labelVi) {
            this.activity = activity;
            this.labelVi = labelVi;
        }
    }

    /** DOMAIN §5: the inspection's statuses (PLANNED … ARCHIVED) and the supervision's (PLANNED … PROPOSED_INSPECTION). */
    public enum Status {
        PLANNED("Dự kiến"),
        DECIDED("Đã có quyết định kiểm tra"),
        NOTIFIED("Đã thông báo cho đối tượng"),
        SELF_REPORT("Đã nhận báo cáo tự kiểm tra"),
        REPORT("Đã nhận báo cáo của đối tượng giám sát"),
        VERIFYING("Đang thẩm tra, xác minh"),
        WORKING("Đang làm việc với đối tượng giám sát"),
        DRAFT_REPORT("Đã có dự thảo báo cáo kết quả"),
        HEARD("Đã nghe đối tượng giải trình"),
        CONCLUDED("Đã kết luận"),
        NOTICE_ISSUED("Đã ban hành thông báo kết luận"),
        RESULT_NOTICE("Đã ban hành thông báo kết quả giám sát"),
        PROPOSED_INSPECTION("Đã đề nghị kiểm tra khi có dấu hiệu vi phạm"),
        FOLLOW_UP("Đang theo dõi khắc phục"),
        ARCHIVED("Đã lưu hồ sơ"),
        CANCELLED("Đã hủy");

        public final String labelVi;

        Status(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** Which party body of the deciding unit decides and concludes (DOMAIN §2). */
    public enum DecidingBody {
        COMMITTEE("Cấp ủy"),
        STANDING_COMMITTEE("Ban Thường vụ"),
        INSPECTION_COMMISSION("Ủy ban Kiểm tra"),
        CELL("Chi bộ"),
        STAFF_AGENCY("Cơ quan tham mưu, giúp việc");

        public final String labelVi;

        DecidingBody(String labelVi) {
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

    public enum TeamRole {
        LEADER("Trưởng đoàn"),
        DEPUTY_LEADER("Phó trưởng đoàn"),
        MEMBER("Thành viên"),
        SECRETARY("Thư ký");

        public final String labelVi;

        TeamRole(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public enum VerificationKind {
        DOCUMENT("Nghiên cứu tài liệu"),
        INTERVIEW("Làm việc, gặp gỡ"),
        SUPPLEMENT("Báo cáo bổ sung"),
        WORKING_SESSION("Buổi làm việc với đối tượng giám sát");

        public final String labelVi;

        VerificationKind(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /**
     * What caused the inspection (ARCHITECTURE §4.1). PLAN_ITEM and SUPERVISION are set by the service itself; an edit
     * keeps SUPERVISION, the link from the supervision to the inspection it proposed.
     */
    public enum OriginType {
        PLAN_ITEM("Theo kế hoạch"),
        SUPERVISION("Từ giám sát phát hiện dấu hiệu vi phạm"),
        DENUNCIATION("Từ đơn thư tố cáo"),
        DIRECTIVE("Theo chỉ đạo của cấp trên"),
        OWN_INITIATIVE("Tổ chức đảng tự quyết định");

        public final String labelVi;

        OriginType(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** The priority fields of the coordination plan (lĩnh vực trọng tâm, seed 004). */
    public enum Field {
        LAND_RESOURCES_ENVIRONMENT("Quy hoạch, tài nguyên, khoáng sản, môi trường"),
        ORGANISATION_AND_CADRES("Tổ chức cán bộ"),
        ANTI_CORRUPTION("Phòng, chống tham nhũng, lãng phí"),
        SOCIAL_SECURITY("An sinh xã hội"),
        PARTY_FINANCE("Tài chính đảng"),
        ASSET_DECLARATION("Kiểm soát tài sản, thu nhập");

        public final String labelVi;

        Field(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public enum PublicationScope {
        SUBJECT("Gửi đối tượng"),
        PARTY_BODY("Trong cấp ủy, tổ chức đảng có liên quan"),
        PARTY_ORGANISATION("Trong đảng bộ, chi bộ"),
        PUBLIC("Công khai");

        public final String labelVi;

        PublicationScope(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public enum RemediationStatus {
        OPEN("Chưa khắc phục"),
        IN_PROGRESS("Đang khắc phục"),
        DONE("Đã khắc phục");

        public final String labelVi;

        RemediationStatus(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public record Code(String code, String labelVi) {
    }

    /** Every code list, by name. */
    public static Map<String, List<Code>> all() {
        Map<String, List<Code>> out = new LinkedHashMap<>();
        out.put("activity", codes(Activity.values(), a -> a.labelVi));
        out.put("kind", codes(Kind.values(), k -> k.labelVi));
        out.put("status", codes(Status.values(), s -> s.labelVi));
        out.put("decidingBody", codes(DecidingBody.values(), b -> b.labelVi));
        out.put("subjectType", codes(SubjectType.values(), t -> t.labelVi));
        out.put("teamRole", codes(TeamRole.values(), r -> r.labelVi));
        out.put("verificationKind", codes(VerificationKind.values(), k -> k.labelVi));
        out.put("originType", codes(OriginType.values(), t -> t.labelVi));
        out.put("field", codes(Field.values(), f -> f.labelVi));
        out.put("publicationScope", codes(PublicationScope.values(), s -> s.labelVi));
        out.put("remediationStatus", codes(RemediationStatus.values(), s -> s.labelVi));
        return out;
    }

    private static <E extends Enum<E>> List<Code> codes(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(v -> new Code(v.name(), label.apply(v))).toList();
    }
}

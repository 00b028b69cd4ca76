package vn.ktgs.discipline.cases;

import vn.ktgs.kit.discipline.DisciplineTerms.Body;
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.kit.discipline.DisciplineTerms.SubjectCategory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The codes of discipline cases, with the Vietnamese labels users know them by (GET /api/v1/discipline-cases/codes). */
public final class DisciplineCodes {
    private DisciplineCodes() {
    }

    public enum SubjectType {
        MEMBER("Đảng viên"),
        ORG_UNIT("Tổ chức đảng");

        public final String labelVi;

        SubjectType(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** Where a case comes from (nguồn). */
    public enum Source {
        INSPECTION("Qua kiểm tra"),
        DENUNCIATION("Qua giải quyết tố cáo"),
        SELF_REPORT("Đảng viên, tổ chức tự giác báo cáo"),
        COURT_OR_STATE_DECISION("Bản án, quyết định của cơ quan nhà nước, đoàn thể"),
        OFFICER("Cán bộ kiểm tra đề xuất"),
        PROPOSAL("Cấp dưới đề nghị thi hành kỷ luật");

        public final String labelVi;

        Source(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** What caused a case, in the suite's origin vocabulary (ARCHITECTURE §4.1). */
    public enum OriginType {
        INSPECTION("Cuộc kiểm tra"),
        DENUNCIATION("Đơn tố cáo"),
        DISCIPLINE_CASE("Hồ sơ kỷ luật của cấp dưới"),
        APPEAL("Đơn khiếu nại kỷ luật"),
        DIRECTIVE("Chỉ đạo của cấp trên"),
        OWN_INITIATIVE("Tự phát hiện");

        public final String labelVi;

        OriginType(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** DOMAIN §5, discipline. */
    public enum Status {
        OPENED("Đã thụ lý"),
        DEFERRED("Tạm hoãn xem xét"),
        SELF_CRITICISM("Đã kiểm điểm"),
        HEARD("Đã nghe trình bày ý kiến"),
        VOTED("Đã bỏ phiếu kín"),
        NOT_DISCIPLINED("Không thi hành kỷ luật"),
        PROPOSED_UP("Đã đề nghị cấp trên"),
        DECIDED("Đã quyết định"),
        LIMITATION_EXPIRED("Hết thời hiệu: đã kết luận, không thi hành"),
        ANNOUNCED("Đã công bố, có hiệu lực"),
        REPORTED_UP("Đã báo cáo cấp trên"),
        EFFECT_ENDED("Hết hiệu lực"),
        ANNULLED("Đã xóa bỏ quyết định");

        public final String labelVi;

        Status(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** The member's self-criticism: made, or why not. A member who refuses or cannot come is still processed (DOMAIN §5). */
    public enum SelfCriticism {
        MADE("Đã kiểm điểm"),
        REFUSED("Không kiểm điểm"),
        DETAINED("Đang bị tạm giam, tạm giữ"),
        NO_SHOW("Đã mời nhiều lần không đến");

        public final String labelVi;

        SelfCriticism(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** Why a member is left out of a vote's denominator; only when absent (DOMAIN §6). */
    public enum Exclusion {
        TEMPORARILY_ELSEWHERE("Sinh hoạt tạm thời nơi khác"),
        EXEMPT("Được miễn sinh hoạt");

        public final String labelVi;

        Exclusion(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** Violation groups for the statistics (DOMAIN §8: by violation group, after QĐ 69's chapters). [U] */
    public enum ViolationGroup {
        POLITICS_IDEOLOGY("Chính trị tư tưởng, tự diễn biến, tự chuyển hóa"),
        PARTY_PRINCIPLES("Nguyên tắc tổ chức, hoạt động của Đảng"),
        INTERNAL_POLITICAL_SECURITY("Bảo vệ chính trị nội bộ"),
        PERSONNEL("Công tác tổ chức, cán bộ"),
        CORRUPTION_WASTE("Tham nhũng, lãng phí, tiêu cực"),
        ECONOMY_FINANCE_LAND("Quản lý kinh tế, tài chính, đất đai, tài nguyên"),
        DEFENCE_SECURITY_FOREIGN("Quốc phòng, an ninh, đối ngoại"),
        ETHICS_LIFESTYLE("Đạo đức, lối sống"),
        MEMBER_DUTIES("Nhiệm vụ đảng viên, sinh hoạt đảng"),
        OTHER("Khác");

        public final String labelVi;

        ViolationGroup(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public record Code(String code, String labelVi) {
    }

    /** Every code list, by name. */
    public static Map<String, List<Code>> all() {
        Map<String, List<Code>> out = new LinkedHashMap<>();
        out.put("subjectType", codes(SubjectType.values(), t -> t.labelVi));
        out.put("form", codes(Form.values(), f -> f.labelVi));
        out.put("source", codes(Source.values(), s -> s.labelVi));
        out.put("originType", codes(OriginType.values(), t -> t.labelVi));
        out.put("body", codes(Body.values(), b -> b.labelVi));
        out.put("status", codes(Status.values(), s -> s.labelVi));
        out.put("subjectCategory", codes(SubjectCategory.values(), c -> c.labelVi));
        out.put("selfCriticism", codes(SelfCriticism.values(), s -> s.labelVi));
        out.put("exclusion", codes(Exclusion.values(), e -> e.labelVi));
        out.put("violationGroup", codes(ViolationGroup.values(), g -> g.labelVi));
        return out;
    }

    private static <E extends Enum<E>> List<Code> codes(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(v -> new Code(v.name(), label.apply(v))).toList();
    }
}

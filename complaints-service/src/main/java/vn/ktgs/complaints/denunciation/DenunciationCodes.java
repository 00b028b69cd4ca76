package vn.ktgs.complaints.denunciation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The codes of denunciations, with their Vietnamese labels (GET /api/v1/denunciations/codes). */
public final class DenunciationCodes {
    private DenunciationCodes() {
    }

    /**
     * DOMAIN §5: RECEIVED → NOT_HANDLED | ACCEPTED → HANDLING (team named) → EXPLAINED → VERIFYING → CONCLUDED →
     * DENOUNCER_NOTIFIED; WITHDRAWN when the denouncer withdraws of their own will, received or open.
     */
    public enum Status {
        RECEIVED("Đã tiếp nhận"),
        NOT_HANDLED("Không thụ lý giải quyết"),
        ACCEPTED("Đã thụ lý giải quyết"),
        HANDLING("Đã thành lập đoàn (tổ) giải quyết"),
        EXPLAINED("Người bị tố cáo đã giải trình"),
        VERIFYING("Đang thẩm tra, xác minh"),
        CONCLUDED("Đã kết luận"),
        DENOUNCER_NOTIFIED("Đã thông báo cho người tố cáo"),
        WITHDRAWN("Người tố cáo rút đơn, dừng giải quyết");

        /** Accepted and not yet concluded or withdrawn: the deadline runs. */
        public static final Set<Status> OPEN = EnumSet.of(ACCEPTED, HANDLING, EXPLAINED, VERIFYING);
        /** The denouncer may withdraw before the screening too (DOMAIN §5). */
        public static final Set<Status> WITHDRAWABLE = EnumSet.of(RECEIVED, ACCEPTED, HANDLING, EXPLAINED, VERIFYING);

        public boolean open() {
            return OPEN.contains(this);
        }

        public final String labelVi;

        Status(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public enum Channel {
        POST("Qua bưu điện"),
        DIRECT("Trực tiếp"),
        FORWARDED("Cơ quan khác chuyển đến");

        public final String labelVi;

        Channel(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** Why a letter is not handled as a denunciation (DOMAIN §7.7). */
    public enum NotHandled {
        ANONYMOUS("Tố cáo giấu tên, mạo tên, không rõ địa chỉ"),
        IMPERSONATED("Mạo danh người tố cáo"),
        NO_CLEAR_ADDRESS("Không rõ địa chỉ người tố cáo"),
        REPEAT_WITHOUT_NEW_EVIDENCE("Tố cáo lại, đã được kết luận, không có tình tiết mới"),
        NO_SPECIFIC_CONTENT("Không có nội dung, căn cứ cụ thể để thẩm tra, xác minh"),
        NOT_ABOUT_PARTY("Không tố cáo đảng viên, tổ chức đảng"),
        NOT_SIGNED_IN_PERSON("Không có chữ ký trực tiếp (chữ ký phô tô)"),
        SIGNED_BY_SEVERAL("Có từ hai người trở lên cùng ký tên"),
        NO_LEGAL_CAPACITY("Người tố cáo không có năng lực hành vi dân sự"),
        HANDLED_AS_APPEAL("Đơn vừa khiếu nại vừa tố cáo: giải quyết khiếu nại, hướng dẫn tố cáo riêng");

        public final String labelVi;

        NotHandled(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public enum Outcome {
        FOUNDED("Tố cáo đúng"),
        PARTLY_FOUNDED("Tố cáo đúng một phần"),
        UNFOUNDED("Tố cáo sai");

        public final String labelVi;

        Outcome(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public record Code(String code, String labelVi) {
    }

    public static Map<String, List<Code>> all() {
        Map<String, List<Code>> out = new LinkedHashMap<>();
        out.put("status", codes(Status.values(), s -> s.labelVi));
        out.put("channel", codes(Channel.values(), c -> c.labelVi));
        out.put("notHandled", codes(NotHandled.values(), n -> n.labelVi));
        out.put("outcome", codes(Outcome.values(), o -> o.labelVi));
        return out;
    }

    private static <E extends Enum<E>> List<Code> codes(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(v -> new Code(v.name(), label.apply(v))).toList();
    }
}

package vn.ktgs.complaints.appeal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The codes of discipline appeals, with their Vietnamese labels (GET /api/v1/appeals/codes). */
public final class AppealCodes {
    private AppealCodes() {
    }

    /** DOMAIN §5, appeal: FILED → ACCEPTED | REJECTED → INVESTIGATING → DECIDED → NOTIFIED. */
    public enum Status {
        ACCEPTED("Đã thụ lý"),
        REJECTED("Không thụ lý"),
        INVESTIGATING("Đang thẩm tra, xác minh"),
        DECIDED("Đã có quyết định giải quyết"),
        NOTIFIED("Đã thông báo cho người khiếu nại");

        /** Accepted and not yet decided: the deadline runs, and no second appeal on the decision is handled meanwhile. */
        public static final Set<Status> OPEN = EnumSet.of(ACCEPTED, INVESTIGATING);
        /** Decided: the appeal counts as resolved, and the next one goes a level up. */
        public static final Set<Status> DECIDED_STATUSES = EnumSet.of(DECIDED, NOTIFIED);

        public final String labelVi;

        Status(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public enum Outcome {
        UPHELD("Giữ nguyên hình thức kỷ luật"),
        CHANGED("Thay đổi hình thức kỷ luật"),
        ANNULLED("Xóa quyết định kỷ luật");

        public final String labelVi;

        Outcome(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    /** Why an appeal is not handled (DOMAIN §7.6). */
    public enum Rejection {
        LATE("Quá thời hạn khiếu nại"),
        ON_BEHALF("Khiếu nại thay cho người khác"),
        DECISION_NOT_RECEIVED("Chưa nhận được quyết định kỷ luật bằng văn bản"),
        REFUSED_DECISION("Đã từ chối nhận quyết định kỷ luật"),
        PENDING_ELSEWHERE("Đang được cấp có thẩm quyền giải quyết"),
        FINALLY_DECIDED("Đã được cấp có thẩm quyền cao nhất giải quyết"),
        COURT_SENTENCE("Đã bị tòa án kết án từ cải tạo không giam giữ trở lên"),
        MOVED_BEFORE_FILING("Đã chuyển sinh hoạt ra ngoài đảng bộ cấp trên trước khi khiếu nại"),
        DECISION_ANNULLED("Quyết định kỷ luật đã bị xóa bỏ");

        public final String labelVi;

        Rejection(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public record Code(String code, String labelVi) {
    }

    public static Map<String, List<Code>> all() {
        Map<String, List<Code>> out = new LinkedHashMap<>();
        out.put("status", codes(Status.values(), s -> s.labelVi));
        out.put("outcome", codes(Outcome.values(), o -> o.labelVi));
        out.put("rejection", codes(Rejection.values(), r -> r.labelVi));
        return out;
    }

    private static <E extends Enum<E>> List<Code> codes(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(v -> new Code(v.name(), label.apply(v))).toList();
    }
}

package vn.ktgs.inspection.remediation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.ktgs.inspection.inspection.InspectionCodes.RemediationStatus;

import java.time.LocalDate;

/** Bodies of the remediation endpoints. */
public final class RemediationRequests {
    private RemediationRequests() {
    }

    /** The subject's report on an item: what was done by {@code on}, and the status it reached. */
    public record Report(@NotNull LocalDate on, @NotNull RemediationStatus status, @NotBlank @Size(max = 8000) String summary) {
    }
}

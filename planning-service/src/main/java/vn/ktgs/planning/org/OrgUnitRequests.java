package vn.ktgs.planning.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ktgs.kit.text.SingleLine;

import java.util.UUID;

/** Bodies of the org-unit endpoints. */
public final class OrgUnitRequests {
    private OrgUnitRequests() {
    }

    public record Create(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                    message = "letters, digits, '.', '_' and '-' only, starting with a letter or digit") String code,
            @NotBlank @Size(max = 300) @SingleLine String name,
            @NotBlank String level,
            @NotNull UUID parentId,
            Boolean hasUbkt,
            Boolean hasBtv,
            Boolean authorisedToAdmit) {
    }

    public record Rename(@NotBlank @Size(max = 300) @SingleLine String name) {
    }

    public record Move(@NotNull UUID parentId) {
    }
}

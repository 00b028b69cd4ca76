package vn.ktgs.kit.membercopy;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code ktgs.kit.member-copy.*}: a root of its own beside {@code KitConfig}'s {@code ktgs.kit}, which
 * refuses keys it does not map. Read at build time by {@link MemberCopyHandler}'s {@code @IfBuildProperty},
 * so nothing injects it: {@code @Unremovable} registers it all the same.
 */
@Unremovable
@ConfigMapping(prefix = "ktgs.kit.member-copy")
public interface MemberCopyConfig {
    /** Keep a local copy of the member directory from its topic (build time: it decides whether the handler exists). */
    @WithDefault("false")
    boolean enabled();
}

package dev.frameloop.ml.features;

import dev.frameloop.core.event.ThreadClass;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ground truth for thread roles: ordered rules from a thread's comm to its role, first match wins.
 * Workloads with known roles name their threads so (the synthetic game's {@code sg-render},
 * {@code sg-input} …); threads no rule matches have no label and are left out of training.
 */
public final class RoleRules {
    /** One rule: a comm that matches {@code pattern} (whole comm) has {@code role}. */
    public record Rule(Pattern pattern, ThreadClass role) {
        /** Checks the components. */
        public Rule {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(role, "role");
            if (role == ThreadClass.UNKNOWN) {
                throw new IllegalArgumentException("a role rule must name a role, not UNKNOWN");
            }
        }
    }

    /** The rules for the project's workloads and common desktop processes. */
    public static final RoleRules DEFAULT = new RoleRules(List.of(
            rule("(sg-|fl-)?input.*", ThreadClass.INPUT),
            rule("(sg-|fl-)?(render|present).*", ThreadClass.RENDER),
            rule("(sg-|fl-)?audio.*", ThreadClass.AUDIO),
            rule("(kwin_wayland|kwin_x11|mutter|gnome-shell|weston|sway|Xwayland|Xorg|gamescope.*|labwc|Hyprland)",
                    ThreadClass.COMPOSITOR),
            rule("(sg-|fl-)(game|logic|worker|main|asset|shader).*", ThreadClass.GAME),
            rule("(stress-ng.*|bg-.*|hog.*|fl-bg.*)", ThreadClass.BACKGROUND)));

    private final List<Rule> rules;

    /** Rules in match order. */
    public RoleRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        if (this.rules.isEmpty()) {
            throw new IllegalArgumentException("role rules must not be empty");
        }
    }

    private static Rule rule(String regex, ThreadClass role) {
        return new Rule(Pattern.compile(regex), role);
    }

    /** The rules, in match order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The role of a thread by its comm, if a rule matches. */
    public Optional<ThreadClass> roleOf(String comm) {
        for (Rule rule : rules) {
            if (rule.pattern().matcher(comm).matches()) {
                return Optional.of(rule.role());
            }
        }
        return Optional.empty();
    }
}

package vn.chuyenhoa.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.chuyenhoa.evaluation.Policy;

/**
 * What the monitoring tables say, in table order. Rows belong to profiles; an area is judged by the rows of its
 * profile and, for any reason that profile does not set, of the next less specific profile covering it, so a province
 * can switch one national reason off or change its threshold without repeating the others.
 */
public record RelapsePolicy(List<RelapseReason> reasons, List<RelapseSettings> settings) {

    public RelapsePolicy {
        reasons = List.copyOf(reasons);
        settings = List.copyOf(settings);
    }

    /** The policy's relapse part; empty for a ruleset stored before its tables existed. */
    public static RelapsePolicy of(Policy policy) {
        return policy.part(RelapsePolicy.class).orElse(empty());
    }

    public static RelapsePolicy empty() {
        return new RelapsePolicy(List.of(), List.of());
    }

    /** For each reason id, in table order, the row of the first profile of {@code chain} that has one. */
    List<RelapseReason> reasonsFor(List<String> chain) {
        Set<String> ids = new LinkedHashSet<>();
        reasons.forEach(r -> ids.add(r.id()));
        List<RelapseReason> out = new ArrayList<>();
        for (String id : ids) {
            for (String profile : chain) {
                Optional<RelapseReason> row = reasons.stream()
                        .filter(r -> r.id().equals(id) && r.profileId().equals(profile)).findFirst();
                if (row.isPresent()) {
                    out.add(row.get());
                    break;
                }
            }
        }
        return out;
    }

    /** The window of the first profile of {@code chain} that sets one. */
    Optional<RelapseSettings> settingsFor(List<String> chain) {
        for (String profile : chain) {
            Optional<RelapseSettings> s = settings.stream().filter(x -> x.profileId().equals(profile)).findFirst();
            if (s.isPresent()) return s;
        }
        return Optional.empty();
    }
}

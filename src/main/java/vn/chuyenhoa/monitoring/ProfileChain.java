package vn.chuyenhoa.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.Policy;
import vn.chuyenhoa.evaluation.Profile;

/**
 * Which profiles' relapse rows apply to a report: the profile that governed the area's transformation, named by the
 * caller or resolved as for an evaluation (most specific scope containing the area, valid on the recognition date),
 * then every less specific profile covering the area on that date. A reason or window the first one does not set
 * comes from the next. For a new commune recognised before the 2025 reform the area given is its predecessor, the old
 * commune that was transformed ({@link Predecessors}, domain spec §8.1): a profile keeps the scope it was written for.
 *
 * @param named whether the caller named the first profile
 */
record ProfileChain(List<Profile> profiles, boolean named) {

    /** Empty when the caller named no profile and none covers the area on the recognition date. */
    public static Optional<ProfileChain> of(Policy policy, Area area, LocalDate recognisedOn, String profileId) {
        List<Profile> covering = new ArrayList<>(policy.profiles().stream()
                .filter(p -> p.scope().contains(area) && p.validOn(recognisedOn))
                .sorted(Comparator.comparing((Profile p) -> p.scope().level()).reversed()).toList());
        if (profileId != null) {
            Optional<Profile> named = policy.profile(profileId);
            if (named.isEmpty()) return Optional.empty();
            covering.remove(named.get());
            covering.add(0, named.get());
            return Optional.of(new ProfileChain(List.copyOf(covering), true));
        }
        return covering.isEmpty() ? Optional.empty() : Optional.of(new ProfileChain(List.copyOf(covering), false));
    }

    public Profile first() { return profiles.get(0); }

    public List<String> ids() { return profiles.stream().map(Profile::id).toList(); }
}

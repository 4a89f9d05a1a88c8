package vn.chuyenhoa.evaluation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.chuyenhoa.monitoring.RelapsePolicy;
import vn.chuyenhoa.screening.ScreeningPolicy;

/**
 * What the compiled decision tables say: the criterion catalogue and the profiles, in table order; and, from their own
 * workbooks, the screening and relapse-monitoring policies.
 */
public final class Policy {

    private final Map<String, Criterion> criteria;
    private final Map<String, Profile> profiles;
    private final ScreeningPolicy screening;
    private final RelapsePolicy relapse;

    public Policy(List<Criterion> criteria, List<Profile> profiles) {
        this(criteria, profiles, ScreeningPolicy.empty(), RelapsePolicy.empty());
    }

    public Policy(List<Criterion> criteria, List<Profile> profiles, ScreeningPolicy screening, RelapsePolicy relapse) {
        this.screening = screening;
        this.relapse = relapse;
        this.criteria = new LinkedHashMap<>();
        criteria.forEach(c -> this.criteria.put(c.id(), c));
        this.profiles = new LinkedHashMap<>();
        profiles.forEach(p -> this.profiles.put(p.id(), p));
    }

    public List<Criterion> criteria() { return List.copyOf(criteria.values()); }

    public List<Profile> profiles() { return List.copyOf(profiles.values()); }

    public Optional<Profile> profile(String id) { return Optional.ofNullable(profiles.get(id)); }

    public Optional<Criterion> criterion(String id) { return Optional.ofNullable(criteria.get(id)); }

    /** Selection screening: scopes, categories and their indicators, drug-area types, statuses, ranking order. */
    public ScreeningPolicy screening() { return screening; }

    /** Relapse monitoring: the reasons of a relapse and the monitoring window, per profile. */
    public RelapsePolicy relapse() { return relapse; }

    /**
     * The most specific profile whose scope contains the area and whose validity contains the date (domain spec §3.1).
     * Ties cannot happen: the ruleset refuses to load tables that allow them.
     */
    public Optional<Profile> resolve(Area area, LocalDate date) {
        return profiles.values().stream()
                .filter(p -> p.scope().contains(area) && p.validOn(date))
                .max(Comparator.comparing(p -> p.scope().level()));
    }
}

package vn.chuyenhoa.evaluation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.chuyenhoa.kernel.Area;

/**
 * What the compiled decision tables say: the criterion catalogue and the profiles, in table order; the programme
 * settings resolved per profile (empty when the ruleset has no Settings table, as rulesets stored before it had none);
 * and what the tables features registered with the loader say (screening, relapse monitoring), which this class
 * holds without knowing them.
 */
public final class Policy {

    private final Map<String, Criterion> criteria;
    private final Map<String, Profile> profiles;
    private final Map<String, ProgrammeSettings> programme;
    private final Map<Class<?>, Object> parts;

    public Policy(List<Criterion> criteria, List<Profile> profiles) {
        this(criteria, profiles, Map.of(), Map.of());
    }

    /**
     * @param programme by profile id; the reader guarantees every profile has all settings, or none has any
     * @param parts what the tables features registered with the loader say, by the type each feature asks for
     */
    public Policy(List<Criterion> criteria, List<Profile> profiles, Map<String, ProgrammeSettings> programme,
                  Map<Class<?>, Object> parts) {
        this.parts = Map.copyOf(parts);
        this.criteria = new LinkedHashMap<>();
        criteria.forEach(c -> this.criteria.put(c.id(), c));
        this.profiles = new LinkedHashMap<>();
        profiles.forEach(p -> this.profiles.put(p.id(), p));
        this.programme = Map.copyOf(programme);
    }

    public List<Criterion> criteria() { return List.copyOf(criteria.values()); }

    public List<Profile> profiles() { return List.copyOf(profiles.values()); }

    public Optional<Profile> profile(String id) { return Optional.ofNullable(profiles.get(id)); }

    public Optional<Criterion> criterion(String id) { return Optional.ofNullable(criteria.get(id)); }

    /** A feature's part of the policy (screening, relapse monitoring), read from the tables it registered. */
    public <T> Optional<T> part(Class<T> type) {
        return Optional.ofNullable(parts.get(type)).map(type::cast);
    }

    /**
     * The most specific profile whose scope contains the area and whose validity contains the date (domain spec §3.1).
     * Ties cannot happen: the ruleset refuses to load tables that allow them.
     */
    public Optional<Profile> resolve(Area area, LocalDate date) {
        return profiles.values().stream()
                .filter(p -> p.scope().contains(area) && p.validOn(date))
                .max(Comparator.comparing(p -> p.scope().level()));
    }

    /** The programme settings of a profile, each with the table row it came from; empty if none are defined. */
    public Optional<ProgrammeSettings> programme(String profileId) {
        return Optional.ofNullable(programme.get(profileId));
    }

    /** Years a recognised area of this profile is monitored for relapse (domain spec §5), with its table row. */
    public Optional<Setting<Integer>> monitoringWindowYears(String profileId) {
        return programme(profileId).map(ProgrammeSettings::monitoringWindowYears);
    }
}

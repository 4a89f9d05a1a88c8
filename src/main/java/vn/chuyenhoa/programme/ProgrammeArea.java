package vn.chuyenhoa.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An area in one year's programme of a province, with every step it has taken. What it was on a day is read from the
 * steps that had taken effect by then, so a report "as of" a past day sees the programme as it stood.
 *
 * @param originId the earlier year's record this one continues (carry-over, or a relapsed area proposed again)
 * @param steps    in step order, whose effective dates never go backwards
 */
public record ProgrammeArea(UUID id, String codeScheme, String provinceCode, int year, String areaCode, String areaName,
                            String districtCode, UUID originId, Instant createdAt, List<Step> steps) {

    public ProgrammeArea {
        steps = List.copyOf(steps);
    }

    /**
     * Which step each correction voids: a CORRECTED step voids the last step still standing before it (the mistaken
     * one). Both stay in the history; neither counts for the state, the dates or the profile, from the voided step's
     * own effective date on, since the mistake never happened.
     *
     * @return correction's step number → voided step's number, in step order
     */
    public java.util.Map<Integer, Integer> corrections() {
        java.util.Map<Integer, Integer> voided = new java.util.LinkedHashMap<>();
        java.util.Deque<Step> standing = new java.util.ArrayDeque<>();
        for (Step s : steps) {
            if (s.isCorrection()) {
                Step gone = standing.pollLast();
                if (gone != null) voided.put(s.step(), gone.step());
            } else {
                standing.addLast(s);
            }
        }
        return voided;
    }

    /** The steps that count: every step but corrections and the steps they voided. */
    public List<Step> standing() {
        java.util.Collection<Integer> voided = corrections().values();
        return steps.stream().filter(s -> !s.isCorrection() && !voided.contains(s.step())).toList();
    }

    /** Whether a correction voided the step. */
    public boolean isVoided(int step) {
        return corrections().containsValue(step);
    }

    /** The last standing step in effect on the day: the one a correction on that day would void. */
    Optional<Step> lastStandingOn(LocalDate day) {
        return latest(day, s -> true);
    }

    /** Whether a standing step rests on the evaluation (a voided verdict leaves it free to be cited again). */
    public boolean cites(java.util.UUID evaluationId) {
        return standing().stream().anyMatch(s -> evaluationId.equals(s.evaluationId()));
    }

    public Step last() {
        return steps.get(steps.size() - 1);
    }

    /** The last step in effect on the day; empty when the area was not yet in the programme. */
    public Optional<Step> lastOn(LocalDate day) {
        Step found = null;
        for (Step s : steps) {
            if (!s.effectiveDate().isAfter(day)) found = s;
        }
        return Optional.ofNullable(found);
    }

    /** The state on the day; a REORGANISED step moves the record without changing it. */
    Optional<AreaState> stateOn(LocalDate day) {
        return latest(day, s -> !s.isMove()).map(Step::to);
    }

    /** The state of the last step recorded, whatever its date (a REORGANISED step keeps it). */
    public AreaState state() {
        AreaState found = null;
        for (Step s : standing()) {
            if (!s.isMove()) found = s.to();
        }
        return found;
    }

    /** The unit the record was opened on, in the code list of its programme. */
    public Unit opened() {
        return new Unit(codeScheme, provinceCode, areaCode, areaName, districtCode);
    }

    /** Where the record's area is on the day: the unit of its last REORGANISED step by then, else its own. */
    public Unit unitOn(LocalDate day) {
        return latest(day, Step::isMove).map(Step::movedTo).orElse(opened());
    }

    /**
     * The unit the record counts under in a province's figures read on {@code asOf} (domain spec §8.1): where its area
     * was at the end of its programme year, or on {@code asOf} if that is earlier. A year before the 2025 reform thus
     * stays with its old province; from 2025 a record that followed its area counts in the new one.
     */
    Unit unitOfYear(LocalDate asOf) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return unitOn(asOf.isBefore(end) ? asOf : end);
    }

    /** Where the record's area is now, after every step recorded. */
    public Unit current() {
        Unit u = opened();
        for (Step s : steps) {
            if (s.isMove()) u = s.movedTo();
        }
        return u;
    }

    /** Whether the area is, or once was, this unit: a record is reached by its old and its new code. */
    public boolean isOf(String scheme, String code) {
        if (codeScheme.equals(scheme) && areaCode.equals(code)) return true;
        return steps.stream().anyMatch(s -> s.isMove() && s.movedTo().codeScheme().equals(scheme)
                && s.movedTo().areaCode().equals(code));
    }

    /** The step that pinned the profile the record is governed by, if it had happened by the day. */
    Optional<Step> pinningOn(LocalDate day) {
        return latest(day, s -> s.profileId() != null);
    }

    /** The start of the transformation: the last step into IN_TRANSFORMATION by the day. */
    Optional<LocalDate> startOn(LocalDate day) {
        return latest(day, s -> s.to() == AreaState.IN_TRANSFORMATION).map(Step::effectiveDate);
    }

    /** Recognition: the step into TRANSFORMED, if it had happened by the day. */
    public Optional<LocalDate> recognisedOn(LocalDate day) {
        return latest(day, s -> s.to() == AreaState.TRANSFORMED).map(Step::effectiveDate);
    }

    private Optional<Step> latest(LocalDate day, java.util.function.Predicate<Step> which) {
        Step found = null;
        for (Step s : standing()) {
            if (!s.effectiveDate().isAfter(day) && which.test(s)) found = s;
        }
        return Optional.ofNullable(found);
    }
}

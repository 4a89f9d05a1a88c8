package vn.chuyenhoa.monitoring;

import java.util.List;

import vn.chuyenhoa.kernel.Area;

/**
 * The old commune whose plan governs a report on a new commune (domain spec §8.1): the area was recognised before
 * 1 July 2025, so its profile is the one that covered the old commune it came from on the recognition date.
 *
 * @param area       the old commune (QD124_2004) whose scope decided
 * @param formedFrom every old commune the new one was formed from (wholly or in part), in mapping order
 * @param selectedBy {@code CALLER} (predecessorCode named it), {@code PROFILE} (the caller named the profile, and this
 *                   is the old commune it covers) or {@code SAME_PROFILE} (every old commune had the same profile)
 */
record Predecessor(Area area, List<Area> formedFrom, String selectedBy) {

    public Predecessor {
        formedFrom = List.copyOf(formedFrom);
    }
}

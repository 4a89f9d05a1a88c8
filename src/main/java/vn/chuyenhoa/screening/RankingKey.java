package vn.chuyenhoa.screening;

import vn.chuyenhoa.kernel.TableSource;

/**
 * One step of the ranking order: communes are compared on the key of position 1, ties on position 2, and so on.
 *
 * @param fact for {@link Key#INDICATOR}: the count compared, per {@code per} residents when {@code per} is set
 */
record RankingKey(int position, Key key, ScreeningFact fact, Long per, Direction direction, String labelVi,
                         String labelEn, String legalBasis, TableSource source) {

    /** What a commune can be ranked on: each is a result of the screening rules, or one of its facts. */
    public enum Key { CARRY_OVER, CATEGORIES_FLAGGED, DRUG_AREA_TYPE, INDICATOR }

    public enum Direction { DESC, ASC }
}

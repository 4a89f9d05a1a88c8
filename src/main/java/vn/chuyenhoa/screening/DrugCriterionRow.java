package vn.chuyenhoa.screening;

import vn.chuyenhoa.kernel.TableSource;

/**
 * One condition of a drug-area type's criterion. Rows with the same {@code criterionId} are alternatives ("3,000
 * plants or 750 m²"). A row with a {@code lowerTypeId} also needs at least {@code lowerTypeMinimum} criteria of that
 * less severe type to hold (criterion (đ): on a drug route while meeting 2 criteria of the lower type).
 */
record DrugCriterionRow(String typeId, String criterionId, Condition condition, String lowerTypeId,
                               Integer lowerTypeMinimum, String labelVi, String labelEn, String legalBasis,
                               TableSource source) implements ConditionRow {}

package vn.chuyenhoa.screening;

import vn.chuyenhoa.kernel.TableSource;

/** A threshold that flags a category for the communes of one scope; any one row that holds flags the category. */
record IndicatorRow(String scopeId, String categoryId, Condition condition, String labelVi, String labelEn,
                           String legalBasis, TableSource source) implements ConditionRow {}

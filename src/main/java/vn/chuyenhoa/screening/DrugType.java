package vn.chuyenhoa.screening;

import vn.chuyenhoa.kernel.TableSource;

/**
 * A drug-area type of QĐ 28/2025/QĐ-TTg. A commune is of the most severe type whose criteria it meets in at least
 * {@code minimumCriteria}.
 *
 * @param severity        higher is more severe; orders the types and the ranking
 * @param minimumCriteria null while the type has not been filled in, which the response says
 */
record DrugType(String id, int severity, Integer minimumCriteria, String labelVi, String labelEn,
                       String legalBasis, TableSource source) {}

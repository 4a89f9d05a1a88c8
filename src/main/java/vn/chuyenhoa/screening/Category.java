package vn.chuyenhoa.screening;

import vn.chuyenhoa.kernel.TableSource;

/** A kind of key area a commune may be flagged as (LOAI_1 … in the shipped table); one commune may carry several. */
record Category(String id, String labelVi, String labelEn, String legalBasis, TableSource source) {}

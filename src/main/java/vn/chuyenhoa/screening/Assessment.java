package vn.chuyenhoa.screening;

import java.util.List;

/**
 * A group of conditions that the screening rules decide together, as DRL sees it: a category (flagged when any of
 * its rows holds), a drug-area criterion (met when any of its alternatives holds, and for a compound criterion also
 * enough criteria of the lower type), or an exclusion/carry-over rule.
 */
public final class Assessment {

    public enum Kind { CATEGORY, DRUG_CRITERION, STATUS }

    private final Kind kind;
    private final String id;
    private final List<? extends ConditionRow> rows;
    private final Category category;
    private final ScreeningScope scope;
    private final DrugCriterionRow criterion;
    private final StatusRule status;

    private Assessment(Kind kind, String id, List<? extends ConditionRow> rows, Category category, ScreeningScope scope,
                       DrugCriterionRow criterion, StatusRule status) {
        this.kind = kind;
        this.id = id;
        this.rows = List.copyOf(rows);
        this.category = category;
        this.scope = scope;
        this.criterion = criterion;
        this.status = status;
    }

    static Assessment category(Category c, ScreeningPolicy.Resolved resolved) {
        return new Assessment(Kind.CATEGORY, c.id(), resolved.rows(), c, resolved.scope(), null, null);
    }

    /** @param rows the criterion's alternatives; the first row carries the lower-type requirement, if any */
    static Assessment drugCriterion(String id, List<DrugCriterionRow> rows) {
        return new Assessment(Kind.DRUG_CRITERION, id, rows, null, null, rows.get(0), null);
    }

    static Assessment status(StatusRule s) {
        return new Assessment(Kind.STATUS, s.id(), List.of(s), null, null, null, s);
    }

    public Kind getKind() { return kind; }

    public String getId() { return id; }

    /** How many conditions the group has: its findings wait until that many are decided. */
    public int getSize() { return rows.size(); }

    /** A drug criterion's type; null for other kinds. */
    public String getTypeId() { return criterion == null ? null : criterion.typeId(); }

    public String getLowerTypeId() { return criterion == null ? null : criterion.lowerTypeId(); }

    public Integer getLowerTypeMinimum() { return criterion == null ? null : criterion.lowerTypeMinimum(); }

    public boolean isCompound() { return getLowerTypeId() != null; }

    /** An exclusion/carry-over rule's priority; null for other kinds. */
    public Integer getPriority() { return status == null ? null : status.priority(); }

    public List<? extends ConditionRow> rows() { return rows; }

    public Category category() { return category; }

    /** Whose rows a category was judged by; null when no scope has rows for it. */
    public ScreeningScope scope() { return scope; }

    public StatusRule status() { return status; }

    @Override
    public String toString() { return kind + " " + id; }
}

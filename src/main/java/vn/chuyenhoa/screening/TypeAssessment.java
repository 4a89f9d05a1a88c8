package vn.chuyenhoa.screening;

/** A drug-area type to decide for one commune, with how many criteria the tables give it. */
public final class TypeAssessment {

    private final DrugType type;
    private final int criteria;

    TypeAssessment(DrugType type, int criteria) {
        this.type = type;
        this.criteria = criteria;
    }

    public DrugType type() { return type; }

    public String getId() { return type.id(); }

    public int getSeverity() { return type.severity(); }

    /** Null while the type has not been filled in. */
    public Integer getMinimum() { return type.minimumCriteria(); }

    public int getCriteria() { return criteria; }
}

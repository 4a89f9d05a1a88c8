package vn.chuyenhoa.screening;

/**
 * One commune's screening as a fact: the commune-level rules (its drug-area type, its status) wait until every type and
 * every exclusion/carry-over rule has been decided, which they know from these counts.
 */
public final class ScreeningCase {

    private final int types;
    private final int statuses;

    ScreeningCase(int types, int statuses) {
        this.types = types;
        this.statuses = statuses;
    }

    public int getTypes() { return types; }

    public int getStatuses() { return statuses; }
}

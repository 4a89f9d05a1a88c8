package vn.chuyenhoa.kernel;

import java.math.BigDecimal;
import java.util.Optional;

/** The comparisons the sources use: "từ 80% trở lên" is ≥, "dưới 15%" is strictly <, "100%" is =. */
public enum Comparison {
    GE(">="), GT(">"), LT("<"), LE("<="), EQ("=");

    private final String symbol;

    Comparison(String symbol) { this.symbol = symbol; }

    /** As the tables, DRL and the API write it: ">=", "<=". */
    public String symbol() { return symbol; }

    /** As people read it on pages, reports and documents, in either language: ≥ ≤ < > =. */
    public String sign() {
        return switch (this) {
            case GE -> "≥";
            case LE -> "≤";
            default -> symbol;
        };
    }

    /**
     * A bound as people read it: the sign and the number as the language writes it ("≥ 60", "< 0,5"); the one way
     * every page, report and document writes a threshold or target, so that no two pages differ.
     */
    public String bound(BigDecimal value, boolean vietnamese) {
        return sign() + " " + Numbers.format(value, vietnamese);
    }

    /** Whether {@code actual.compareTo(threshold)} satisfies this comparison. */
    public boolean holds(int compareResult) {
        return switch (this) {
            case GE -> compareResult >= 0;
            case GT -> compareResult > 0;
            case LT -> compareResult < 0;
            case LE -> compareResult <= 0;
            case EQ -> compareResult == 0;
        };
    }

    /** Accepts the symbols as policy staff type them, including ≥ and ≤. */
    public static Optional<Comparison> parse(String symbol) {
        if (symbol == null) return Optional.empty();
        String s = switch (symbol.strip()) {
            case "≥" -> ">=";
            case "≤" -> "<=";
            case "==" -> "=";
            default -> symbol.strip();
        };
        for (Comparison c : values()) if (c.symbol.equals(s)) return Optional.of(c);
        return Optional.empty();
    }
}

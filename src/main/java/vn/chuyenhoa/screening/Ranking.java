package vn.chuyenhoa.screening;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders the communes that are not excluded by the ranking keys of the tables, position by position, and says for
 * each where it stands and which key put it there. Equal on every key means the same rank (1, 1, 3): the tables, not
 * the order of the request, would have to break such a tie. Only the mechanics are here; the keys, their order and
 * their direction are rows of the ScreeningRanking table.
 */
public final class Ranking {

    private Ranking() {}

    /**
     * One commune's value for one key: an exact fraction (a count has denominator 1), or absent for lack of data,
     * which ranks after every value whatever the direction.
     */
    public record KeyValue(RankingKey key, BigInteger numerator, BigInteger denominator, String textVi, String textEn) {

        boolean absent() { return numerator == null; }

        int compareTo(KeyValue o) {
            return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
        }
    }

    /** @param rank null for an excluded commune */
    public record Place(CommuneJudgement commune, Integer rank, List<KeyValue> values) {}

    public static List<Place> rank(List<CommuneJudgement> communes, List<RankingKey> keys) {
        List<Place> ranked = new ArrayList<>();
        for (CommuneJudgement c : communes) {
            if (!c.excluded()) ranked.add(new Place(c, null, keys.stream().map(k -> value(k, c)).toList()));
        }
        ranked.sort(Ranking::compare); // stable: tied communes keep the request's order for display only
        List<Place> out = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            int rank = i == 0 || compare(ranked.get(i - 1), ranked.get(i)) != 0 ? i + 1 : out.get(i - 1).rank();
            out.add(new Place(ranked.get(i).commune(), rank, ranked.get(i).values()));
        }
        return out;
    }

    /** Negative when {@code a} ranks before {@code b}. */
    static int compare(Place a, Place b) {
        int k = decidingKey(a, b);
        return k < 0 ? 0 : compareOn(a.values().get(k), b.values().get(k));
    }

    /** The index of the first key on which two communes differ, or −1 when they are equal on all. */
    static int decidingKey(Place a, Place b) {
        for (int i = 0; i < a.values().size(); i++) {
            if (compareOn(a.values().get(i), b.values().get(i)) != 0) return i;
        }
        return -1;
    }

    private static int compareOn(KeyValue a, KeyValue b) {
        if (a.absent() || b.absent()) return Boolean.compare(a.absent(), b.absent());
        int c = a.compareTo(b);
        return a.key().direction() == RankingKey.Direction.DESC ? -c : c;
    }

    static KeyValue value(RankingKey key, CommuneJudgement c) {
        return switch (key.key()) {
            case CARRY_OVER -> new KeyValue(key, BigInteger.valueOf(c.carriedOver() ? 1 : 0), BigInteger.ONE,
                    c.carriedOver() ? "có" : "không", c.carriedOver() ? "yes" : "no");
            case CATEGORIES_FLAGGED -> {
                // the categories by their names in the tables: an officer reads "Loại 1 …", not LOAI_1
                List<String> vi = c.categoriesFlaggedNamed(false), en = c.categoriesFlaggedNamed(true);
                yield new KeyValue(key, BigInteger.valueOf(vi.size()), BigInteger.ONE,
                        vi.size() + (vi.isEmpty() ? "" : " (" + String.join("; ", vi) + ")"),
                        en.size() + (en.isEmpty() ? "" : " (" + String.join("; ", en) + ")"));
            }
            case DRUG_AREA_TYPE -> c.drugType() == null
                    ? new KeyValue(key, BigInteger.ZERO, BigInteger.ONE, "không thuộc loại nào đã xác định", "none determined")
                    : new KeyValue(key, BigInteger.valueOf(c.drugType().getSeverity()), BigInteger.ONE,
                        "loại " + c.drugType().getId(), "type " + c.drugType().getId());
            case INDICATOR -> indicator(key, c.candidate());
        };
    }

    private static KeyValue indicator(RankingKey key, Candidate c) {
        Long v = c.count(key.fact());
        Long residents = c.count(ScreeningFact.RESIDENTS);
        if (v == null || (key.per() != null && residents == null)) {
            ScreeningFact missing = v == null ? key.fact() : ScreeningFact.RESIDENTS;
            return new KeyValue(key, null, null, "không có số liệu (thiếu " + missing.label(false) + ")",
                    "no data (" + missing.label(true) + " absent)");
        }
        if (key.per() == null) {
            return new KeyValue(key, BigInteger.valueOf(v), BigInteger.ONE, String.valueOf(v), String.valueOf(v));
        }
        BigInteger num = BigInteger.valueOf(v).multiply(BigInteger.valueOf(key.per()));
        BigDecimal shown = new BigDecimal(num).divide(BigDecimal.valueOf(residents), 2, RoundingMode.HALF_UP);
        return new KeyValue(key, num, BigInteger.valueOf(residents), vn.chuyenhoa.kernel.Numbers.format(shown, true, true), shown.toPlainString());
    }
}

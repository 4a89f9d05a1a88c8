package vn.chuyenhoa.evaluation;

import java.util.HashMap;
import java.util.Map;

/** The facts a caller may send (api.md, "The facts"). The list is the API contract, not policy. */
public enum Fact {
    TIPS_RECEIVED("tipsReceived", Type.COUNT,
            "crime denunciations, reports and prosecution requests received (tố giác, tin báo về tội phạm và kiến nghị khởi tố tiếp nhận)"),
    TIPS_RESOLVED("tipsResolved", Type.COUNT,
            "crime denunciations, reports and prosecution requests resolved (tố giác, tin báo về tội phạm và kiến nghị khởi tố đã giải quyết)"),
    POLITICAL_SYSTEM_CONSOLIDATED("politicalSystemConsolidated", Type.FLAG,
            "the local political system was assessed consolidated, effective, strong and united (hệ thống chính trị cơ sở được củng cố, hoạt động hiệu quả, trong sạch, vững mạnh, đoàn kết)"),
    EFFECTIVE_MODELS("effectiveModels", Type.COUNT,
            "people's self-management models operating effectively (mô hình tự quản về an ninh, trật tự hoạt động hiệu quả)"),
    COMMUNITY_RULES_MAINTAINED("communityRulesMaintained", Type.FLAG,
            "community rules and conventions built and kept (nội quy, quy tắc nếp sống cộng đồng được xây dựng và duy trì)"),
    HOUSEHOLDS_TOTAL("householdsTotal", Type.COUNT,
            "households in the area (tổng số hộ gia đình trên địa bàn)"),
    HOUSEHOLDS_INFORMED("householdsInformed", Type.COUNT,
            "households reached by crime-prevention outreach (số hộ được tuyên truyền, phổ biến phòng, chống tội phạm)"),
    ORGANIZED_CRIME_SIGNS("organizedCrimeSigns", Type.FLAG,
            "signs of gangster-style organised crime (có dấu hiệu tội phạm có tổ chức kiểu \"xã hội đen\")"),
    BLACK_CREDIT_ACTIVITY("blackCreditActivity", Type.FLAG,
            "crime or violations linked to black credit (tội phạm, vi phạm pháp luật liên quan \"tín dụng đen\")"),
    CASES_OCCURRED("casesOccurred", Type.COUNT,
            "criminal cases that occurred in the period (số vụ phạm tội xảy ra)"),
    CASES_CLEARED("casesCleared", Type.COUNT,
            "criminal cases investigated and solved in the period (số vụ điều tra, khám phá)"),
    SERIOUS_CASES_PROSECUTED("seriousCasesProsecuted", Type.COUNT,
            "very serious and especially serious cases prosecuted (vụ án rất nghiêm trọng, đặc biệt nghiêm trọng đã khởi tố)"),
    SERIOUS_CASES_CLEARED("seriousCasesCleared", Type.COUNT,
            "of the very serious and especially serious prosecuted cases, those solved (vụ án rất nghiêm trọng, đặc biệt nghiêm trọng đã điều tra, khám phá)"),
    RELEASED_RESIDENTS("releasedResidents", Type.COUNT,
            "residents who completed a prison term or were amnestied (người chấp hành xong án phạt tù, được đặc xá về cư trú)"),
    RELEASED_REOFFENDED("releasedReoffended", Type.COUNT,
            "of the released residents, those who reoffended (số người trong đó tái phạm tội)"),
    CRIMES_BASELINE("crimesBaseline", Type.COUNT,
            "crimes against social order in the baseline period (phạm pháp hình sự, tội phạm xâm phạm TTXH kỳ gốc)"),
    CRIMES_CURRENT("crimesCurrent", Type.COUNT,
            "crimes against social order in the evaluation period (phạm pháp hình sự, tội phạm xâm phạm TTXH kỳ đánh giá)"),
    SOCIAL_EVILS_BASELINE("socialEvilsBaseline", Type.COUNT,
            "social-evil incidents in the baseline period (vụ việc tệ nạn xã hội kỳ gốc)"),
    SOCIAL_EVILS_CURRENT("socialEvilsCurrent", Type.COUNT,
            "social-evil incidents in the evaluation period (vụ việc tệ nạn xã hội kỳ đánh giá)"),
    HOTSPOTS_BASELINE("hotspotsBaseline", Type.COUNT,
            "social-evil spots and hotspots before the transformation (điểm, tụ điểm tệ nạn xã hội trước chuyển hóa)"),
    HOTSPOTS_CURRENT("hotspotsCurrent", Type.COUNT,
            "social-evil spots and hotspots now (điểm, tụ điểm tệ nạn xã hội hiện nay)"),
    NEW_HOTSPOTS_FORMED("newHotspotsFormed", Type.COUNT,
            "complex spots and hotspots newly formed in the period (điểm, tụ điểm phức tạp mới hình thành)");

    public enum Type { COUNT, FLAG }

    private static final Map<String, Fact> BY_NAME = new HashMap<>();
    static {
        for (Fact f : values()) BY_NAME.put(f.jsonName, f);
    }

    private final String jsonName;
    private final Type type;
    private final String meaning;

    Fact(String jsonName, Type type, String meaning) {
        this.jsonName = jsonName;
        this.type = type;
        this.meaning = meaning;
    }

    public String jsonName() { return jsonName; }

    public Type type() { return type; }

    /** What the fact counts or states, in English with the Vietnamese term, as the API description shows it. */
    public String meaning() { return meaning; }

    /**
     * What the fact counts or states, in Vietnamese, as pages show it in place of the JSON name (the term in brackets
     * of {@link #meaning()}, capitalised): one wording for the API description and the pages.
     */
    public String labelVi() {
        String vi = meaning.substring(meaning.lastIndexOf(" (") + 2, meaning.length() - 1);
        return Character.toUpperCase(vi.charAt(0)) + vi.substring(1);
    }

    /** The English wording of {@link #meaning()}, capitalised, for pages on ?lang=en. */
    public String labelEn() {
        String en = meaning.substring(0, meaning.lastIndexOf(" ("));
        return Character.toUpperCase(en.charAt(0)) + en.substring(1);
    }

    /** A JSON name's label in the page's language, or the name itself if it is not a fact of the catalogue. */
    public static String label(String jsonName, boolean english) {
        Fact f = BY_NAME.get(jsonName);
        // the one absent input that is not a fact: missingFacts names it beside the facts (api.md)
        if (f == null && "baselinePeriod".equals(jsonName)) return english ? "Baseline period" : "Kỳ gốc (trước chuyển hóa)";
        return f == null ? jsonName : english ? f.labelEn() : f.labelVi();
    }

    public static Fact byName(String jsonName) { return BY_NAME.get(jsonName); }
}

package vn.chuyenhoa.screening;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.kernel.Numbers;
import vn.chuyenhoa.screening.ScreeningDocument.ScreenedArea;
import vn.chuyenhoa.screening.ScreeningDocument.CategoryOutcome;
import vn.chuyenhoa.screening.ScreeningDocument.CategoryView;
import vn.chuyenhoa.screening.ScreeningDocument.CommuneView;
import vn.chuyenhoa.screening.ScreeningDocument.ConditionView;
import vn.chuyenhoa.screening.ScreeningDocument.DrugAreaView;
import vn.chuyenhoa.screening.ScreeningDocument.DrugCriterionView;
import vn.chuyenhoa.screening.ScreeningDocument.DrugTypeView;
import vn.chuyenhoa.screening.ScreeningDocument.RankValueView;
import vn.chuyenhoa.screening.ScreeningDocument.RankedView;
import vn.chuyenhoa.screening.ScreeningDocument.RankingKeyView;
import vn.chuyenhoa.screening.ScreeningDocument.ThresholdScope;
import vn.chuyenhoa.screening.ScreeningDocument.Status;
import vn.chuyenhoa.screening.ScreeningDocument.StatusCheckView;

/**
 * Puts what the screening rules decided into sentences, in Vietnamese and English. The nouns (labels, legal bases)
 * come from the tables; only the grammar that is the same for every row is here.
 */
final class ScreeningReport {

    static final String NOTICE_VI = "Kết quả sàng lọc chỉ gắn cờ và xếp hạng các xã ứng viên để Ban Chỉ đạo xem xét; "
            + "không xã nào được lựa chọn bởi kết quả này. Việc lựa chọn địa bàn do cấp có thẩm quyền quyết định và được ghi nhận riêng.";
    static final String NOTICE_EN = "This screening only flags and ranks the candidate communes for the steering committee; "
            + "it selects none of them. Selecting an area is a decision of the competent authority, recorded separately.";

    private ScreeningReport() {}

    public static ScreeningDocument render(UUID id, String rulesetVersion, Instant at, String submittedBy, ScreeningInput input,
                                           List<CommuneJudgement> communes, List<Ranking.Place> places,
                                           List<RankingKey> keys) {
        Map<CommuneJudgement, Ranking.Place> placeOf = new HashMap<>();
        places.forEach(p -> placeOf.put(p.commune(), p));
        List<RankedView> ranked = new ArrayList<>();
        Map<CommuneJudgement, String[]> rankReasons = new HashMap<>();
        for (int i = 0; i < places.size(); i++) {
            String[] reason = rankReason(places, i);
            rankReasons.put(places.get(i).commune(), reason);
            Area a = places.get(i).commune().candidate().area();
            ranked.add(new RankedView(places.get(i).rank(), a.codeScheme(), a.code(), a.name(),
                    status(places.get(i).commune()).name(), reason[0], reason[1]));
        }
        List<CommuneView> views = new ArrayList<>();
        for (CommuneJudgement c : communes) {
            Ranking.Place p = placeOf.get(c);
            String[] reason = p != null ? rankReasons.get(c) : new String[] {
                    "Không xếp hạng vì xã bị loại trừ: " + c.status().assessment().status().labelVi() + ".",
                    "Not ranked because the commune is excluded: " + c.status().assessment().status().labelEn() + "."};
            views.add(commune(c, p, reason));
        }
        return new ScreeningDocument(id, rulesetVersion, at, submittedBy, input.year(), input.period(),
                new ScreeningDocument.ScreenedProvince(input.codeScheme(), input.provinceCode(), input.provinceName()),
                NOTICE_VI, NOTICE_EN,
                keys.stream().map(k -> new RankingKeyView(k.position(), k.key().name(),
                        k.fact() == null ? null : k.fact().jsonName(), k.per(), k.direction().name(), k.labelVi(),
                        k.labelEn(), k.legalBasis(), k.source())).toList(),
                ranked, views);
    }

    static Status status(CommuneJudgement c) {
        return c.excluded() ? Status.EXCLUDED : c.carriedOver() ? Status.CARRIED_OVER : Status.CANDIDATE;
    }

    // ---- The commune ------------------------------------------------------------------------------------------------

    private static CommuneView commune(CommuneJudgement c, Ranking.Place place, String[] rankReason) {
        Area a = c.candidate().area();
        TreeSet<String> missing = new TreeSet<>();
        c.checks().stream().filter(r -> r.outcome() == ScreeningOutcome.MISSING_DATA)
                .forEach(r -> missing.addAll(r.check().getMissing()));
        List<CategoryView> categories = c.findings(Assessment.Kind.CATEGORY).stream().map(f -> category(c, f)).toList();
        String[] status = statusReason(c);
        return new CommuneView(new ScreenedArea(a.codeScheme(), a.code(), a.name(), a.districtCode(), a.provinceCode()),
                status(c), status[0], status[1], c.statusRule(), statusChecks(c),
                place == null ? null : place.rank(), rankReason[0], rankReason[1],
                place == null ? null : place.values().stream().map(v -> new RankValueView(v.key().position(),
                        v.key().key().name(), v.textVi(), v.textEn())).toList(),
                c.categoriesFlagged(), categories, drugArea(c), List.copyOf(missing));
    }

    private static String[] statusReason(CommuneJudgement c) {
        List<Finding> statuses = c.findings(Assessment.Kind.STATUS);
        String openVi = "", openEn = "";
        List<Finding> open = statuses.stream().filter(f -> f.outcome() == ScreeningOutcome.MISSING_DATA).toList();
        if (!open.isEmpty()) {
            String ids = open.stream().map(f -> f.assessment().getId()).collect(Collectors.joining(", "));
            String facts = open.stream().flatMap(f -> c.checksOf(f.assessment()).stream())
                    .flatMap(r -> r.check().getMissing().stream()).distinct().collect(Collectors.joining(", "));
            openVi = " Chưa xét được " + ids + " vì thiếu " + facts + ".";
            openEn = " " + ids + " could not be checked: " + facts + " absent.";
        }
        if (c.status() == null) {
            return new String[] {"Xã ứng viên: không quy tắc loại trừ hay chuyển tiếp nào áp dụng." + openVi,
                    "Candidate: no exclusion or carry-over rule applies." + openEn};
        }
        StatusRule s = c.status().assessment().status();
        String where = " (" + s.source().cited() + ")";
        List<String> overridden = statuses.stream()
                .filter(f -> f.outcome() == ScreeningOutcome.MET && f != c.status())
                .map(f -> f.assessment().getId()).toList();
        String alsoVi = overridden.isEmpty() ? "" : " Quy tắc " + String.join(", ", overridden)
                + " cũng áp dụng nhưng có thứ tự ưu tiên thấp hơn.";
        String alsoEn = overridden.isEmpty() ? "" : " Rule " + String.join(", ", overridden)
                + " also applies but has a lower priority.";
        boolean exclude = s.effect() == StatusRule.Effect.EXCLUDE;
        return new String[] {(exclude ? "Loại trừ: " : "Chuyển tiếp: ") + s.labelVi() + where + "." + alsoVi + openVi,
                (exclude ? "Excluded: " : "Carried over: ") + s.labelEn() + where + "." + alsoEn + openEn};
    }

    private static List<StatusCheckView> statusChecks(CommuneJudgement c) {
        List<StatusCheckView> out = new ArrayList<>();
        for (Finding f : c.findings(Assessment.Kind.STATUS)) {
            StatusRule s = f.assessment().status();
            out.add(new StatusCheckView(s.id(), s.effect(), f.outcome(), f == c.status(), s.labelVi(), s.labelEn(),
                    condition(c.checksOf(f.assessment()).get(0)), f.rule()));
        }
        return out;
    }

    // ---- Categories -------------------------------------------------------------------------------------------------

    private static CategoryView category(CommuneJudgement c, Finding f) {
        Assessment a = f.assessment();
        Category cat = a.category();
        List<CheckResult> checks = c.checksOf(a);
        List<ConditionView> indicators = checks.stream().map(ScreeningReport::condition).toList();
        ScreeningScope scope = a.scope();
        String head = cat.id() + " (" + cat.labelVi() + ")";
        String headEn = cat.id() + " (" + cat.labelEn() + ")";
        String vi, en;
        CategoryOutcome outcome;
        switch (f.outcome()) {
            case MET -> {
                outcome = CategoryOutcome.FLAGGED;
                List<CheckResult> met = checks.stream().filter(r -> r.outcome() == ScreeningOutcome.MET).toList();
                vi = "Gắn cờ " + head + " vì " + met.size() + "/" + checks.size() + " chỉ tiêu đạt ngưỡng của "
                        + scope.labelVi() + ": " + met.stream().map(r -> r.check().getRow().labelVi()).collect(Collectors.joining("; ")) + ".";
                en = "Flagged " + headEn + " because " + met.size() + " of " + checks.size() + " indicators met the thresholds of "
                        + scope.labelEn() + ": " + met.stream().map(r -> r.check().getRow().labelEn()).collect(Collectors.joining("; ")) + ".";
            }
            case NOT_MET -> {
                outcome = CategoryOutcome.NOT_FLAGGED;
                vi = "Không gắn cờ " + head + ": không chỉ tiêu nào trong " + checks.size() + " chỉ tiêu đạt ngưỡng của " + scope.labelVi() + ".";
                en = "Not flagged " + headEn + ": none of the " + checks.size() + " indicators meets the thresholds of " + scope.labelEn() + ".";
            }
            case MISSING_DATA -> {
                outcome = CategoryOutcome.MISSING_DATA;
                String facts = checks.stream().flatMap(r -> r.check().getMissing().stream()).distinct().collect(Collectors.joining(", "));
                vi = "Chưa xác định được " + head + ": chưa chỉ tiêu nào đạt ngưỡng nhưng thiếu số liệu " + facts + ".";
                en = "Cannot tell " + headEn + ": no indicator meets its threshold, and facts are missing: " + facts + ".";
            }
            default -> {
                outcome = CategoryOutcome.NOT_ASSESSED;
                Area area = c.candidate().area();
                vi = "Chưa đánh giá " + head + ": bảng ScreeningIndicators chưa có ngưỡng của loại này cho tỉnh "
                        + area.provinceCode() + " (" + area.codeScheme() + ") và không có ngưỡng toàn quốc; cần bổ sung ngưỡng của tỉnh.";
                en = "Not assessed " + headEn + ": the ScreeningIndicators table has no thresholds for this category in province "
                        + area.provinceCode() + " (" + area.codeScheme() + ") and no national ones; the province's thresholds must be added.";
            }
        }
        return new CategoryView(cat.id(), cat.labelVi(), cat.labelEn(), outcome,
                scope == null ? null : new ThresholdScope(scope.id(), scope.labelVi(), scope.labelEn(), scope.legalBasis(), scope.source()),
                vi, en, f.rule(), cat.legalBasis(), indicators);
    }

    // ---- One condition ----------------------------------------------------------------------------------------------

    static ConditionView condition(CheckResult r) {
        Check k = r.check();
        ConditionRow row = k.getRow();
        Condition c = row.condition();
        String threshold = c.isFlag() ? String.valueOf(c.expected()) : Texts.plain(c.threshold());
        String actual = null;
        String vi, en;
        if (r.outcome() == ScreeningOutcome.MISSING_DATA) {
            String facts = String.join(", ", k.getMissing());
            vi = row.labelVi() + ": thiếu số liệu " + facts + ".";
            en = row.labelEn() + ": missing data: " + facts + ".";
        } else {
            boolean met = r.outcome() == ScreeningOutcome.MET;
            String verdictVi = met ? "đạt ngưỡng" : "không đạt ngưỡng";
            String verdictEn = met ? "meets the threshold" : "does not meet the threshold";
            String boundVi = c.isFlag() ? null : c.comparison().bound(c.threshold(), true);
            String boundEn = c.isFlag() ? null : c.comparison().bound(c.threshold(), false);
            if (c.isFlag()) {
                actual = String.valueOf(k.getFlag());
                // the Vietnamese sentence names no fact: the label says what was asked, có/không what was answered
                vi = row.labelVi() + ": " + Texts.yesNoVi(k.getFlag()) + ", "
                        + (met ? "đạt" : "không đạt") + " (yêu cầu " + Texts.yesNoVi(c.expected()) + ").";
                en = row.labelEn() + ": " + (k.getFlag() ? "yes" : "no") + " (" + c.fact().jsonName() + " = " + k.getFlag() + "), "
                        + (met ? "met" : "not met") + " (required " + c.expected() + ").";
            } else if (!c.perResidents()) {
                actual = String.valueOf(k.getValue());
                vi = row.labelVi() + ": " + k.getValue() + ", " + verdictVi + " " + boundVi + ".";
                en = row.labelEn() + ": " + k.getValue() + ", " + verdictEn + " " + boundEn + ".";
            } else {
                BigDecimal rate = k.getReading().shown();
                actual = rate.toPlainString();
                boolean percent = c.per() == 100;
                String unitVi = percent ? "%" : " trên " + Numbers.format(c.per(), true) + " dân";
                String unitEn = percent ? "%" : " per " + Numbers.format(c.per(), false) + " residents";
                vi = row.labelVi() + ": " + Numbers.format(rate, true, true) + unitVi + " (" + Numbers.format(k.getValue(), true) + "/"
                        + Numbers.format(k.getResidents(), true) + " dân), " + verdictVi + " " + boundVi + unitVi + ".";
                en = row.labelEn() + ": " + rate.toPlainString() + unitEn + " (" + Numbers.format(k.getValue(), false) + " of "
                        + Numbers.format(k.getResidents(), false) + " residents), " + verdictEn + " " + boundEn + unitEn + ".";
            }
        }
        return new ConditionView(c.fact().jsonName(), row.labelVi(), row.labelEn(), r.outcome(), actual, k.getValue(),
                k.getResidents(), c.per(), c.comparison().symbol(), threshold, vi, en, r.rule(), row.source(),
                row.legalBasis(), r.outcome() == ScreeningOutcome.MISSING_DATA ? k.getMissing() : null);
    }

    // ---- Drug-area type ---------------------------------------------------------------------------------------------

    private static DrugAreaView drugArea(CommuneJudgement c) {
        List<Finding> criteria = c.findings(Assessment.Kind.DRUG_CRITERION);
        List<DrugCriterionView> criterionViews = criteria.stream().map(f -> criterion(c, f, criteria)).toList();
        List<DrugTypeView> typeViews = c.types().stream().map(t -> type(t, criteria)).toList();
        TypeFinding decided = c.drugType();
        int severity = decided == null ? 0 : decided.getSeverity();
        List<TypeFinding> openAbove = c.types().stream().filter(t -> t.getSeverity() > severity
                && (t.outcome() == ScreeningOutcome.UNDETERMINED || t.outcome() == ScreeningOutcome.NOT_ASSESSED)).toList();
        String openVi = openAbove.isEmpty() ? "" : " " + openAbove.stream().map(t -> "Loại " + t.getId() + " "
                + (t.outcome() == ScreeningOutcome.NOT_ASSESSED ? "chưa được đánh giá" : "chưa xác định được")).collect(Collectors.joining("; ")) + ".";
        String openEn = openAbove.isEmpty() ? "" : " " + openAbove.stream().map(t -> "Type " + t.getId() + " "
                + (t.outcome() == ScreeningOutcome.NOT_ASSESSED ? "was not assessed" : "could not be decided")).collect(Collectors.joining("; ")) + ".";
        if (decided == null) {
            return new DrugAreaView(null, null, null,
                    "Không thuộc loại địa bàn trọng điểm về ma túy nào trong số các loại đánh giá được." + openVi,
                    "Not of any drug-area type that could be assessed." + openEn, c.drugTypeRule(), typeViews, criterionViews);
        }
        DrugType t = decided.type().type();
        return new DrugAreaView(t.id(), t.labelVi(), t.labelEn(), "Loại địa bàn về ma túy: " + t.labelVi() + "." + openVi,
                "Drug-area type: " + t.labelEn() + "." + openEn, c.drugTypeRule(), typeViews, criterionViews);
    }

    private static DrugTypeView type(TypeFinding f, List<Finding> criteria) {
        TypeAssessment ta = f.type();
        DrugType t = ta.type();
        List<Finding> own = criteria.stream().filter(x -> t.id().equals(x.getCriterionOfType())).toList();
        List<String> met = own.stream().filter(x -> x.outcome() == ScreeningOutcome.MET).map(x -> x.assessment().getId()).toList();
        List<String> open = own.stream().filter(x -> x.outcome() == ScreeningOutcome.MISSING_DATA
                || x.outcome() == ScreeningOutcome.NOT_ASSESSED).map(x -> x.assessment().getId()).toList();
        // the Vietnamese sentences name the criteria as the tables do, never by id
        String metVi = met.isEmpty() ? "" : " (" + own.stream().filter(x -> x.outcome() == ScreeningOutcome.MET)
                .map(x -> criterionName(x.assessment(), false)).collect(Collectors.joining("; ")) + ")";
        String openVi = own.stream().filter(x -> x.outcome() == ScreeningOutcome.MISSING_DATA
                || x.outcome() == ScreeningOutcome.NOT_ASSESSED).map(x -> criterionName(x.assessment(), false)).collect(Collectors.joining("; "));
        int n = ta.getCriteria();
        Integer min = t.minimumCriteria();
        String metList = met.isEmpty() ? "" : " (" + String.join(", ", met) + ")";
        String openList = String.join(", ", open);
        String vi, en;
        switch (f.outcome()) {
            case MET -> {
                vi = t.labelVi() + ": đạt, " + met.size() + "/" + n + " tiêu chí đạt" + metVi + ", cần ít nhất " + min + ".";
                en = t.labelEn() + ": met, " + met.size() + " of " + n + " criteria hold" + metList + ", at least " + min + " needed.";
            }
            case NOT_MET -> {
                int possible = met.size() + open.size();
                vi = t.labelVi() + ": không đạt, " + met.size() + "/" + n + " tiêu chí đạt" + metVi
                        + (open.isEmpty() ? "" : ", kể cả " + open.size() + " tiêu chí chưa xác định (" + openVi + ") thì tối đa " + possible)
                        + ", ít hơn " + min + " cần có.";
                en = t.labelEn() + ": not met, " + met.size() + " of " + n + " criteria hold" + metList
                        + (open.isEmpty() ? "" : ", and even with the " + open.size() + " open ones (" + openList + ") at most " + possible)
                        + ", fewer than the " + min + " needed.";
            }
            case UNDETERMINED -> {
                vi = t.labelVi() + ": chưa xác định được, " + met.size() + "/" + n + " tiêu chí đạt" + metVi + ", cần " + min
                        + "; " + open.size() + " tiêu chí chưa xác định (" + openVi + ") có thể quyết định.";
                en = t.labelEn() + ": undetermined, " + met.size() + " of " + n + " criteria hold" + metList + ", " + min
                        + " needed; " + open.size() + " open criteria (" + openList + ") could decide it.";
            }
            default -> {
                vi = t.labelVi() + ": chưa đánh giá, bảng chưa có " + (n == 0 ? "tiêu chí" : "số tiêu chí tối thiểu")
                        + " của loại này (bảng ScreeningDrugTypes, ScreeningDrugCriteria); cần điền theo QĐ 28/2025/QĐ-TTg.";
                en = t.labelEn() + ": not assessed, the tables have no " + (n == 0 ? "criteria" : "minimum number of criteria")
                        + " for this type yet (tables ScreeningDrugTypes, ScreeningDrugCriteria); they are to be filled in from QĐ 28/2025/QĐ-TTg.";
            }
        }
        return new DrugTypeView(t.id(), f.outcome(), n, min, met.size(), open.size(), t.labelVi(), t.labelEn(), vi, en,
                f.rule(), t.source(), t.legalBasis());
    }

    private static DrugCriterionView criterion(CommuneJudgement c, Finding f, List<Finding> all) {
        Assessment a = f.assessment();
        List<CheckResult> checks = c.checksOf(a);
        List<ConditionView> conditions = checks.stream().map(ScreeningReport::condition).toList();
        Integer lowerMet = null;
        String lowerVi = "", lowerEn = "";
        if (a.isCompound()) {
            List<Finding> lower = all.stream().filter(x -> a.getLowerTypeId().equals(x.getCriterionOfType())).toList();
            lowerMet = lower.isEmpty() ? null : (int) lower.stream().filter(x -> x.outcome() == ScreeningOutcome.MET).count();
            lowerVi = lower.isEmpty()
                    ? "; loại " + a.getLowerTypeId() + " chưa có tiêu chí nào trong bảng, cần ít nhất " + a.getLowerTypeMinimum()
                    : "; " + lowerMet + "/" + lower.size() + " tiêu chí loại " + a.getLowerTypeId() + " đạt, cần ít nhất " + a.getLowerTypeMinimum();
            lowerEn = lower.isEmpty()
                    ? "; type " + a.getLowerTypeId() + " has no criteria in the tables yet, at least " + a.getLowerTypeMinimum() + " needed"
                    : "; " + lowerMet + " of " + lower.size() + " type " + a.getLowerTypeId() + " criteria hold, at least " + a.getLowerTypeMinimum() + " needed";
        }
        String detailVi = checks.stream().map(r -> condition(r).explanationVi()).collect(Collectors.joining(" "));
        String detailEn = checks.stream().map(r -> condition(r).explanationEn()).collect(Collectors.joining(" "));
        String name = criterionName(a, false);
        String vi = switch (f.outcome()) {
            case MET -> "Đạt tiêu chí " + name;
            case NOT_MET -> "Không đạt tiêu chí " + name;
            case MISSING_DATA -> "Chưa xác định được tiêu chí " + name;
            default -> "Chưa đánh giá tiêu chí " + name;
        };
        String en = switch (f.outcome()) {
            case MET -> "Criterion " + a.getId() + " met";
            case NOT_MET -> "Criterion " + a.getId() + " not met";
            case MISSING_DATA -> "Criterion " + a.getId() + " cannot be decided";
            default -> "Criterion " + a.getId() + " not assessed";
        };
        return new DrugCriterionView(a.getId(), a.getTypeId(), f.outcome(), a.getLowerTypeId(), a.getLowerTypeMinimum(),
                lowerMet, vi + lowerVi + ". " + detailVi, en + lowerEn + ". " + detailEn, f.rule(), conditions);
    }

    /**
     * A drug criterion by its name in the tables ("(a) Người sử dụng trái phép chất ma túy…"), not its id; a criterion
     * with alternatives names each.
     */
    private static String criterionName(Assessment a, boolean english) {
        String names = a.rows().stream().map(r -> r instanceof DrugCriterionRow d ? (english ? d.labelEn() : d.labelVi()) : null)
                .filter(java.util.Objects::nonNull).distinct().collect(Collectors.joining(english ? " or " : " hoặc "));
        return names.isEmpty() ? a.getId() : names;
    }

    // ---- Rank -------------------------------------------------------------------------------------------------------

    /** Where the commune at {@code i} stands: the nearest commune ranked above and below it, and the key between. */
    private static String[] rankReason(List<Ranking.Place> places, int i) {
        Ranking.Place me = places.get(i);
        int n = places.size();
        StringBuilder vi = new StringBuilder("Hạng " + me.rank() + "/" + n + ".");
        StringBuilder en = new StringBuilder("Rank " + me.rank() + " of " + n + ".");
        List<String> tied = new ArrayList<>();
        Ranking.Place above = null, below = null;
        for (int j = i - 1; j >= 0 && above == null; j--) {
            if (places.get(j).rank().equals(me.rank())) tied.add(name(places.get(j)));
            else above = places.get(j);
        }
        for (int j = i + 1; j < n && below == null; j++) {
            if (places.get(j).rank().equals(me.rank())) tied.add(name(places.get(j)));
            else below = places.get(j);
        }
        if (above != null) {
            Ranking.KeyValue[] v = deciding(above, me);
            vi.append(" Xếp sau ").append(name(above)).append(" (hạng ").append(above.rank()).append(") vì «")
                    .append(v[0].key().labelVi()).append("» (").append(where(v[0])).append("): ")
                    .append(v[0].textVi()).append(" so với ").append(v[1].textVi()).append(".");
            en.append(" Below ").append(name(above)).append(" (rank ").append(above.rank()).append(") on «")
                    .append(v[0].key().labelEn()).append("» (").append(where(v[0])).append("): ")
                    .append(v[0].textEn()).append(" against ").append(v[1].textEn()).append(".");
        }
        if (below != null) {
            Ranking.KeyValue[] v = deciding(me, below);
            vi.append(" Xếp trên ").append(name(below)).append(" (hạng ").append(below.rank()).append(") vì «")
                    .append(v[0].key().labelVi()).append("» (").append(where(v[0])).append("): ")
                    .append(v[0].textVi()).append(" so với ").append(v[1].textVi()).append(".");
            en.append(" Above ").append(name(below)).append(" (rank ").append(below.rank()).append(") on «")
                    .append(v[0].key().labelEn()).append("» (").append(where(v[0])).append("): ")
                    .append(v[0].textEn()).append(" against ").append(v[1].textEn()).append(".");
        }
        if (!tied.isEmpty()) {
            vi.append(" Đồng hạng với ").append(String.join(", ", tied)).append(": bằng nhau ở mọi khóa xếp hạng.");
            en.append(" Tied with ").append(String.join(", ", tied)).append(": equal on every ranking key.");
        }
        if (n == 1) {
            vi.append(" Là xã duy nhất được xếp hạng.");
            en.append(" The only commune ranked.");
        }
        return new String[] {vi.toString(), en.toString()};
    }

    /** The values of the first key on which {@code first} beats {@code second}. */
    private static Ranking.KeyValue[] deciding(Ranking.Place first, Ranking.Place second) {
        int k = Ranking.decidingKey(first, second);
        return new Ranking.KeyValue[] {first.values().get(k), second.values().get(k)};
    }

    private static String where(Ranking.KeyValue v) {
        return v.key().source().cited();
    }

    private static String name(Ranking.Place p) {
        Area a = p.commune().candidate().area();
        return a.name() + " " + a.code();
    }
}

package vn.chuyenhoa.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RunningServer;
import vn.chuyenhoa.support.Scenarios;
import vn.chuyenhoa.support.StoredEvaluations;

/**
 * A replay of an evaluation stored before a release reworded its explanations (the profile's reason, numbers with
 * thousands separators) gives the same decision in other words, and says so: an auditor tells it from a different
 * decision, through the API and on the evaluation's page. The stored documents are edited copies saved through the
 * store, so their record checks pass: what differs is the wording or the decision, not a record altered afterwards.
 */
@RunningServer
class ReplayWordingTest {

    /** The api.md example in Xã Việt Tiến (Việt Yên, the same profile), an area no other class evaluates. */
    static final String VIET_TIEN = Scenarios.API_MD_EXAMPLE.replace("\"code\": \"07795\", \"name\": \"Phường Nếnh\"",
            "\"code\": \"07762\", \"name\": \"Xã Việt Tiến\"");

    /** The profile's reason as an earlier release wrote it: codes without the places' names. */
    static final String OLD_REASON = "Bộ tiêu chí VIET_YEN_2024 được chọn vì phạm vi (tỉnh 24, huyện 222) chứa địa bàn 07762.";

    @LocalServerPort
    int port;

    @Autowired
    EvaluationStore store;

    Http http;
    UUID original;

    @BeforeEach
    void evaluate() {
        http = new Http(port);
        assertTrue(VIET_TIEN.contains("07762"));
        Http.Response created = http.postJson("/api/v1/evaluations", VIET_TIEN);
        assertEquals(201, created.status(), created::describe);
        original = UUID.fromString(created.json().get("id").asString());
    }

    @Test
    void aReplayOfTheSameDocumentIsIdentical() {
        JsonNode replay = replay(original);
        assertTrue(replay.get("identical").asBoolean(), replay::toString);
        assertEquals("IDENTICAL", replay.path("classification").asString(), replay::toString);
        assertEquals(List.of(), pointers(replay, "decisionDifferences"));
        assertEquals(List.of(), pointers(replay, "wordingDifferences"));
        assertTrue(http.post("/evaluations/" + original + "/replay", "application/x-www-form-urlencoded", new byte[0])
                .text().contains("data-classification=\"IDENTICAL\""));
    }

    @Test
    void aDocumentWordedOtherwiseIsTheSameDecisionWordedDifferently() {
        int[] households = {-1};
        UUID old = StoredEvaluations.copyOf(store, original, doc -> {
            ((ObjectNode) doc.get("profile")).put("reasonVi", OLD_REASON);
            // numbers as they were written before thousands separators: 3120, not 3.120
            for (int i = 0; i < doc.get("criteria").size(); i++) {
                ObjectNode c = (ObjectNode) doc.get("criteria").get(i);
                String text = c.get("explanationVi").asString();
                if (text.contains("3.120")) {
                    c.put("explanationVi", text.replace("3.120", "3120"));
                    households[0] = i;
                }
            }
        });
        assertTrue(households[0] >= 0, "an explanation writes 3.120");

        JsonNode replay = replay(old);
        assertTrue(replay.get("recordCheck").get("intact").asBoolean(), "stored through the store: " + replay);
        assertFalse(replay.get("identical").asBoolean(), "the bytes differ, and the answer still says so: " + replay);
        assertEquals("TRANSFORMED", replay.get("storedVerdict").asString());
        assertEquals("TRANSFORMED", replay.get("replayedVerdict").asString());
        assertEquals("SAME_DECISION_DIFFERENT_WORDING", replay.path("classification").asString(), replay::toString);
        List<String> wording = List.of("/profile/reasonVi", "/criteria/" + households[0] + "/explanationVi");
        assertEquals(wording, pointers(replay, "wordingDifferences"), replay::toString);
        assertEquals(List.of(), pointers(replay, "decisionDifferences"), replay::toString);
        List<String> all = new ArrayList<>();
        replay.get("differences").forEach(d -> all.add(d.get("path").asString()));
        assertEquals(wording, all, "differences lists what it listed before");

        String page = replayPage(old, "");
        assertTrue(page.contains("data-classification=\"SAME_DECISION_DIFFERENT_WORDING\""), page);
        assertTrue(page.contains("Chạy lại cho cùng quyết định, chỉ khác lời văn"), page);
        assertTrue(page.contains("Lý do chọn (tiếng Việt) của bộ tiêu chí: đã lưu «" + OLD_REASON + "»"), page);
        assertTrue(page.contains("Giải thích (tiếng Việt) của tiêu chí «"), page);
        String result = replayResult(page);
        assertFalse(result.contains("reasonVi") || result.contains("/criteria/") || result.contains("TRANSFORMED"),
                "no pointer, camelCase or code on the Vietnamese page: " + result);
        String english = replayPage(old, "?lang=en");
        assertTrue(english.contains("The replay gives the same decision, worded differently"), english);
        assertTrue(english.contains("Why it was chosen (Vietnamese) of the profile") && english.contains("/profile/reasonVi"),
                english);
    }

    @Test
    void aDifferentVerdictIsADifferentDecisionWhateverTheWording() {
        UUID other = StoredEvaluations.copyOf(store, original, doc -> {
            doc.put("verdict", "NOT_TRANSFORMED");
            ((ObjectNode) doc.get("profile")).put("reasonVi", OLD_REASON);
        });
        JsonNode replay = replay(other);
        assertTrue(replay.get("recordCheck").get("intact").asBoolean(), replay::toString);
        assertEquals("DIFFERENT_DECISION", replay.path("classification").asString(), replay::toString);
        assertEquals(List.of("/verdict"), pointers(replay, "decisionDifferences"), replay::toString);
        assertEquals(List.of("/profile/reasonVi"), pointers(replay, "wordingDifferences"), replay::toString);

        String page = replayPage(other, "");
        assertTrue(page.contains("Chạy lại KHÔNG cho cùng quyết định!"), page);
        assertTrue(page.contains("Kết luận: đã lưu «Chưa đạt», chạy lại «Đạt — chuyển hóa thành công»"), page);
        assertFalse(replayResult(page).contains("NOT_TRANSFORMED"), page);
    }

    @Test
    void aDifferentCriterionOutcomeIsADifferentDecision() {
        String[] label = new String[1];
        UUID other = StoredEvaluations.copyOf(store, original, doc -> {
            ObjectNode first = (ObjectNode) doc.get("criteria").get(0);
            assertEquals("MET", first.get("outcome").asString());
            first.put("outcome", "NOT_MET");
            label[0] = first.get("labelVi").asString();
        });
        JsonNode replay = replay(other);
        assertTrue(replay.get("recordCheck").get("intact").asBoolean(), replay::toString);
        assertEquals("TRANSFORMED", replay.get("storedVerdict").asString(), "the verdict is the same");
        assertEquals("DIFFERENT_DECISION", replay.path("classification").asString(), replay::toString);
        assertEquals(List.of("/criteria/0/outcome"), pointers(replay, "decisionDifferences"), replay::toString);
        assertEquals(List.of(), pointers(replay, "wordingDifferences"), replay::toString);

        String page = replayPage(other, "");
        assertTrue(page.contains("Kết quả của tiêu chí «" + label[0] + "»: đã lưu «Chưa đạt», chạy lại «Đạt»"), page);
    }

    private JsonNode replay(UUID id) {
        Http.Response r = http.postJson("/api/v1/evaluations/" + id + "/replay", "");
        assertEquals(200, r.status(), r::describe);
        return r.json();
    }

    private String replayPage(UUID id, String query) {
        Http.Response r = http.post("/evaluations/" + id + "/replay" + query, "application/x-www-form-urlencoded", new byte[0]);
        assertEquals(200, r.status(), r::describe);
        return r.text();
    }

    /** The replay's notice on the page, the part a reader sees of it (its attributes left out). */
    private static String replayResult(String page) {
        int start = page.indexOf("id=\"replay-result\"");
        int end = page.indexOf("</div>", start);
        return page.substring(page.indexOf('>', start) + 1, end);
    }

    private static List<String> pointers(JsonNode replay, String member) {
        JsonNode list = replay.get(member);
        assertTrue(list != null && list.isArray(), member + " in " + replay);
        List<String> out = new ArrayList<>();
        list.forEach(p -> out.add(p.asString()));
        return out;
    }
}

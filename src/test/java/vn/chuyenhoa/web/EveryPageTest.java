package vn.chuyenhoa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.support.Browser;
import vn.chuyenhoa.support.Http;

/**
 * Issue 15, "Vietnamese throughout" and "any screen", for every page there is: as each demo account, the browser
 * follows every link of the site from the home page (and opens the detail pages of the demo data), at 1366×768 and at
 * 390×844, and fails if a Vietnamese page shows a word a programmer wrote for a programmer, or if anything on it
 * reaches past the screen's right edge.
 *
 * <p>The forbidden words are derived from the code, never listed by hand, so a new enum or fact is covered the day it
 * is written: the name of every constant of every enum compiled under {@code vn.chuyenhoa} (found by scanning the
 * compiled classes), the JSON name of every fact of the catalogue ({@link Fact}), any camelCase word and any date or
 * time written as a machine writes it (2025-07-01, …T04:38:53Z). Text a page
 * marks {@code translate="no"} (hashes, codes typed by users, file names: data, not language) is not read.
 *
 * <p>A box reaching past the viewport fails unless it sits inside a box that scrolls sideways itself
 * ({@code overflow-x: auto | scroll}) and that box fits: content cut off by {@code overflow: hidden} is still past the
 * edge, and unreadable. Pages added later are found by the crawl without changing this test. Screenshots of each page
 * (once per kind of page) go to {@code -Dchuyenhoa.screenshots} (default target/screenshots) as name-1366.png and
 * name-390.png.
 */
// a server of its own: the crawl visits what is stored, so it reads the newcomer's demo and nothing other tests left
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:everypage;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false", "chuyenhoa.demo=dien-bien",
        "chuyenhoa.access.seed=classpath:access/demo-accounts.csv"
})
class EveryPageTest {

    static final List<String> PEOPLE = List.of("kiemtoan", "canbo.dienbien", "canbo", "soanthao", "soanthao.bacgiang",
            "pheduyet", "quantri");
    static final int[][] SIZES = {{1366, 768}, {390, 844}};
    /** Pages of one kind (same path once ids and numbers are set aside) visited at most this often per person. */
    static final int PER_KIND = 2;
    static final int MAX_PAGES_PER_PERSON = 60;

    static Browser chrome;
    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        chrome = Browser.start();
        browser = chrome.driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (chrome != null) chrome.quit();
    }

    @BeforeEach
    void server() {
        chrome.at(port);
    }

    @org.springframework.beans.factory.annotation.Autowired
    vn.chuyenhoa.evaluation.EngineSource engines;

    @Test
    void everyPageOfEveryPersonIsVietnameseAndFitsBothScreens() throws Exception {
        Forbidden forbidden = Forbidden.fromCode(engines.current().policy());
        assertTrue(forbidden.enumConstants.contains("NOT_TRANSFORMED") && forbidden.enumConstants.contains("CANDIDATE"),
                "the scan found the project's enums: " + forbidden.enumConstants.size());
        List<String> known = demoDetailPages();

        Map<String, List<String>> problems = new LinkedHashMap<>();
        Set<String> shot = new java.util.HashSet<>();
        int visited = 0;
        for (String person : PEOPLE) {
            signIn(person);
            Deque<String> queue = new ArrayDeque<>();
            queue.add("/");
            queue.addAll(known);
            Set<String> seen = new LinkedHashSet<>(queue);
            Map<String, Integer> perKind = new HashMap<>();
            int pages = 0;
            while (!queue.isEmpty() && pages < MAX_PAGES_PER_PERSON) {
                String path = queue.poll();
                String kind = kind(path);
                if (perKind.merge(kind, 1, Integer::sum) > PER_KIND) continue;
                chrome.open(path);
                if (browser.getCurrentUrl().endsWith("/login") && !path.equals("/login")) {
                    problems.computeIfAbsent(person + " " + path, k -> new ArrayList<>()).add("signed out by the visit");
                    signIn(person);
                    continue;
                }
                pages++;
                visited++;
                for (int[] size : SIZES) {
                    chrome.viewport(size[0], size[1]);
                    List<String> found = new ArrayList<>();
                    if (size == SIZES[0]) found.addAll(forbidden.in(text()));
                    found.addAll(chrome.overflow());
                    if (!found.isEmpty()) problems.computeIfAbsent(size[0] + "px " + person + " " + path, k -> new ArrayList<>()).addAll(found);
                    if (shot.add(kind + size[0])) chrome.screenshot(kind + "-" + size[0], size[0], size[1]);
                }
                for (String link : links()) {
                    if (seen.add(link)) queue.add(link);
                }
            }
        }
        assertTrue(visited > 20, "the crawl reached the site: " + visited + " pages");
        if (!problems.isEmpty()) {
            StringBuilder s = new StringBuilder(problems.size() + " page(s) fail:\n");
            problems.forEach((page, list) -> s.append(page).append("\n  ").append(String.join("\n  ", list)).append('\n'));
            fail(s.toString());
        }
    }

    /** The dot-decimal and id checks, on text whose answer is known: they catch what they mean and nothing else. */
    @Test
    void aDotDecimalOrABareIdIsCaughtAndNothingElse() {
        Forbidden f = new Forbidden(Set.of(), Set.of(), Map.of("VIET_YEN_2024", "Việt Yên 2024"));
        for (String bad : List.of("tỷ lệ 12.5%", "hệ số 0.85", "ngưỡng 0.850", "1234.567 dân", "Bộ tiêu chí VIET_YEN_2024.",
                "ngưỡng >= 80", "<= 15")) {
            assertEquals(1, f.in(bad).size(), bad);
        }
        for (String fine : List.of("5.400 hộ", "1.234.567 dân", "phiên bản 10.2.1", "QD124_2004", "lúc 08:30", "12/12/2024",
                "programme.drl.xlsx", "76,92%", "«Việt Yên 2024» (VIET_YEN_2024)", "§1.1", "Quyết định số 1960/QĐ-BCA",
                "≥ 80% → ≥ 0,8%", "< 15", "= 100")) {
            assertEquals(List.of(), f.in(fine), fine);
        }
    }

    /**
     * The words only a programmer would write, taken from the code, and the ids of the tables' profiles and criteria,
     * each with its Vietnamese name: an id is allowed only with its name beside it.
     */
    record Forbidden(Set<String> enumConstants, Set<String> facts, Map<String, String> named) {
        static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
        static final Pattern CAMEL = Pattern.compile("[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*");
        // a date or time as a machine writes it (2025-07-01, 2026-12-06T04:38:53Z): officers read dd/mm/yyyy, Vietnam time
        static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z?)?\\b");
        /**
         * A number with a dot not part of a longer dotted run (a version 10.2.1, an address, a file name) nor of a
         * word or code: Vietnamese groups thousands with the dot ("5.400"), so it is a decimal written the English
         * way when what follows the dot is not exactly three digits ("12.5", "0.85"), when the whole part starts
         * with 0 ("0.850") or has more than three digits ("1234.567"). Times (08:30), dates (12/12/2024) and codes
         * (QD124_2004) have no such dot.
         */
        static final Pattern DOTTED = Pattern.compile("(?<![\\p{L}\\p{N}_.§/-])(\\d+)\\.(\\d+)(?![\\p{L}\\p{N}_]|\\.\\d)");
        /** A comparison as the API and the tables write it: people read ≥ and ≤ (kernel Comparison#sign). */
        static final Pattern API_COMPARISON = Pattern.compile("(?<![<>=!])(>=|<=)(?![<>=])");
        /** How far (characters) a profile's or criterion's name may be from its id to count as beside it. */
        static final int BESIDE = 160;

        static boolean dotDecimal(String whole, String fraction) {
            return fraction.length() != 3 || whole.startsWith("0") || whole.length() > 3;
        }

        static Forbidden fromCode(vn.chuyenhoa.evaluation.Policy policy) throws Exception {
            Set<String> constants = new TreeSet<>();
            Path classes = Path.of(Fact.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(classes.resolve("vn/chuyenhoa"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(f).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
                    Class<?> type = Class.forName(name, false, EveryPageTest.class.getClassLoader());
                    if (!type.isEnum()) continue;
                    for (Object c : type.getEnumConstants()) constants.add(((Enum<?>) c).name());
                }
            }
            Set<String> facts = new TreeSet<>();
            for (Fact f : Fact.values()) facts.add(f.jsonName());
            Map<String, String> named = new HashMap<>();
            policy.profiles().forEach(p -> named.put(p.id(), p.labelVi()));
            policy.criteria().forEach(c -> named.put(c.id(), c.labelVi()));
            return new Forbidden(constants, facts, named);
        }

        List<String> in(String text) {
            Set<String> hits = new TreeSet<>();
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                String w = m.group();
                if (named.containsKey(w)) {
                    String around = text.substring(Math.max(0, m.start() - BESIDE), Math.min(text.length(), m.end() + BESIDE));
                    if (named.get(w) == null || !around.contains(named.get(w))) hits.add("id without its name " + w + context(text, m.start()));
                }
                else if (enumConstants.contains(w)) hits.add("enum constant " + w + context(text, m.start()));
                else if (facts.contains(w)) hits.add("fact name " + w + context(text, m.start()));
                else if (CAMEL.matcher(w).matches()) hits.add("camelCase " + w + context(text, m.start()));
            }
            Matcher date = ISO_DATE.matcher(text);
            while (date.find()) hits.add("ISO date " + date.group() + context(text, date.start()));
            Matcher comparison = API_COMPARISON.matcher(text);
            while (comparison.find()) hits.add("comparison as the API writes it " + comparison.group() + context(text, comparison.start()));
            Matcher dotted = DOTTED.matcher(text);
            while (dotted.find()) {
                if (dotDecimal(dotted.group(1), dotted.group(2))) hits.add("dot decimal " + dotted.group() + context(text, dotted.start()));
            }
            return new ArrayList<>(hits);
        }

        private static String context(String text, int at) {
            return " in «" + text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 40)).replaceAll("\\s+", " ") + "»";
        }
    }

    /**
     * The text a person reads: every text node, title, placeholder, alt text and button label, except what is marked
     * translate="no" and what never shows (scripts, styles).
     */
    private String text() {
        return (String) chrome.js("""
                const parts = [document.title];
                const skip = n => n.closest('script,style,template,noscript,[translate="no"]');
                const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = w.nextNode(); n; n = w.nextNode()) if (!skip(n.parentElement)) parts.push(n.nodeValue);
                for (const e of document.querySelectorAll('[title],[placeholder],[alt],[aria-label],input[type=submit],input[type=button]')) {
                  if (skip(e)) continue;
                  for (const a of ['title', 'placeholder', 'alt', 'aria-label']) if (e.hasAttribute(a)) parts.push(e.getAttribute(a));
                  if (e.matches('input[type=submit],input[type=button]')) parts.push(e.value);
                }
                return parts.join(' \\n ');""");
    }

    /** Same-site pages linked from this one: not files to download, not the API, not the English version. */
    @SuppressWarnings("unchecked")
    private List<String> links() {
        List<String> hrefs = (List<String>) chrome.js("""
                const out = Array.from(document.querySelectorAll('a[href]')).map(a => a.href);
                for (const f of document.querySelectorAll('form')) {
                  if ((f.getAttribute('method') || 'get').toLowerCase() !== 'get') continue;
                  const u = new URL(f.action, location.href);
                  u.search = new URLSearchParams(new FormData(f)).toString();
                  out.push(u.href);
                }
                return out;""");
        List<String> out = new ArrayList<>();
        for (String href : hrefs) {
            URI u = URI.create(href.replace(" ", "%20"));
            if (!"localhost".equals(u.getHost()) || u.getPort() != port) continue;
            String path = u.getRawPath();
            String query = u.getRawQuery();
            if (path.startsWith("/api/") || path.startsWith("/swagger") || path.startsWith("/v3/") || path.startsWith("/actuator")
                    || path.equals("/logout") || path.matches(".*\\.(csv|xlsx|pdf|zip|json|png|css|js)$")
                    || path.endsWith("/pdf") || path.endsWith("/print")) continue;
            if (query != null && query.contains("lang=")) continue;
            out.add(path + (query == null ? "" : "?" + query));
        }
        return out;
    }

    /** Pages of demo data no link of the home page may reach yet: an evaluation, a screening, monitoring reports. */
    private List<String> demoDetailPages() throws Exception {
        Http system = new Http(port, "demo-token-hethong");
        Http officer = new Http(port, "demo-token-canbo");
        List<String> pages = new ArrayList<>();
        for (String example : List.of("xa-kien-tho.json", "phuong-nenh-viet-yen.json")) {
            Http.Response r = system.postJson("/api/v1/evaluations", Files.readString(Path.of("examples/" + example)));
            assertEquals(201, r.status(), r::describe);
            pages.add("/evaluations/" + r.json().get("id").asString());
        }
        Http.Response screening = officer.postJson("/api/v1/screenings", Files.readString(Path.of("examples/screening-thanh-hoa.json")));
        assertEquals(201, screening.status(), screening::describe);
        pages.add("/screenings/" + screening.json().get("id").asString());
        for (String example : List.of("monitoring-thi-tran-ngoc-lac-stable.json", "monitoring-xa-ngoc-lac-relapsed.json")) {
            Http.Response r = officer.postJson("/api/v1/monitoring-reports", Files.readString(Path.of("examples/" + example)));
            assertEquals(201, r.status(), r::describe);
            pages.add("/monitoring-reports/" + r.json().get("id").asString());
        }
        // a draft changing a rate threshold, a date and a setting: the diff page then has values to show
        vn.chuyenhoa.support.RuleTree edited = vn.chuyenhoa.support.RuleTree.copyInto(Files.createTempDirectory("everypage"))
                .set("decision-tables/profiles.drl.xlsx", "Thresholds", "C16", "92.5")
                .set("decision-tables/profiles.drl.xlsx", "Profiles", "H10", "2017-02-01")
                .set("decision-tables/programme.drl.xlsx", "Settings", "C10", "62.5");
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String f : List.of("profiles.drl.xlsx", "programme.drl.xlsx"))
            files.put(f, Files.readAllBytes(edited.file("decision-tables/" + f)));
        Http.Response draft = new Http(port, "demo-token-soanthao").postMultipart("/api/v1/rulesets", Map.of("comment", "bản nháp để đọc"), files);
        assertEquals(201, draft.status(), draft::describe);
        pages.add("/rulesets/diff?to=" + draft.json().get("version").asString());
        return pages;
    }

    /** A page's kind: its path with ids, codes and numbers set aside, and the names of its query parameters. */
    static String kind(String path) {
        String[] pq = path.split("\\?", 2);
        List<String> words = new ArrayList<>();
        String previous = "";
        for (String segment : pq[0].split("/")) {
            if (segment.isEmpty()) continue;
            // ids, hashes, codes and numbers are set aside, and so is the account named after /accounts/
            boolean id = segment.matches(".*\\d.*") || segment.matches("[0-9a-f-]{16,}") || previous.equals("accounts");
            if (!id) words.add(segment);
            previous = segment;
        }
        String q = pq.length > 1 ? pq[1].replaceAll("=[^&]*", "") : "";
        String name = (words.isEmpty() ? "home" : String.join("-", words)) + (q.isEmpty() ? "" : "-" + q.replace('&', '-'));
        return name.replaceAll("[^A-Za-z0-9-]", "").replaceAll("-+", "-").replaceAll("-$", "");
    }

    private void signIn(String username) {
        chrome.viewport(SIZES[0][0], SIZES[0][1]);
        chrome.signIn(username);
    }
}

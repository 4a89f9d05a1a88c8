package vn.chuyenhoa.area;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

import org.springframework.stereotype.Component;

/**
 * What an officer picks from on a form: the provinces of the code list in force on a day (the 2024 list, with
 * districts, before 1 July 2025; the 2025 list of 34 provinces after), by name with the code beside, and the communes
 * of one of them. The lists are the official ones of {@link AreaDirectory}; nothing here is typed by the officer.
 */
@Component
public class UnitChoice {

    /** A province of one list; {@code key} is what the form sends back ("QD124_2004:11"). */
    public record Province(CodeScheme scheme, String code, String name) {
        public String key() {
            return scheme.name() + ":" + code;
        }
    }

    /** A commune as a picker shows it: name, code, and (2024 list) its district. */
    public record Commune(String code, String name, String districtName) {}

    private final AreaDirectory areas;
    private final Map<CodeScheme, List<Province>> provinces = new EnumMap<>(CodeScheme.class);

    UnitChoice(AreaDirectory areas) {
        this.areas = areas;
        for (CodeScheme s : CodeScheme.values()) {
            List<Province> list = new ArrayList<>();
            // province codes are two digits in both lists
            for (int i = 1; i < 100; i++) {
                String code = String.format("%02d", i);
                areas.provinceName(s, code).ifPresent(name -> list.add(new Province(s, code, name)));
            }
            list.sort(java.util.Comparator.comparing(Province::name, java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"))));
            provinces.put(s, List.copyOf(list));
        }
    }

    /** The list whose units existed on the day. */
    public static CodeScheme schemeOn(LocalDate day) {
        return CodeScheme.QD124_2004.inForceOn(day) ? CodeScheme.QD124_2004 : CodeScheme.QD19_2025;
    }

    /** The provinces of the list, those the caller may act in only ({@code allowed} is asked with scheme and code). */
    public List<Province> provinces(CodeScheme scheme, BiPredicate<String, String> allowed) {
        return provinces.get(scheme).stream().filter(p -> allowed.test(scheme.name(), p.code())).toList();
    }

    /** A province by the key a form sent back; empty for anything else. */
    public Optional<Province> province(String key) {
        if (key == null) return Optional.empty();
        int colon = key.indexOf(':');
        if (colon < 0) return Optional.empty();
        Optional<CodeScheme> scheme = CodeScheme.parse(key.substring(0, colon));
        String code = key.substring(colon + 1);
        return scheme.flatMap(s -> provinces.get(s).stream().filter(p -> p.code().equals(code)).findFirst());
    }

    public List<Commune> communes(Province p) {
        return areas.communesOf(p.scheme(), p.code()).stream()
                .map(u -> new Commune(u.code(), u.name(), u.districtName())).toList();
    }
}

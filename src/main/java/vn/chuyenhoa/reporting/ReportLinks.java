package vn.chuyenhoa.reporting;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;

/**
 * The home page's links to the report calendars of an officer's provinces, named ("Tỉnh Điện Biên (11)"). Read by
 * the template as {@code @reportLinks}; public for that alone.
 */
@Component("reportLinks")
class ReportLinks {

    /** One province's calendar of reports. */
    public record Link(String href, String label) {}

    private final AreaDirectory areas;

    ReportLinks(AreaDirectory areas) {
        this.areas = areas;
    }

    /** The provinces the caller holds, in code order; none for a national account (it picks a province's page). */
    public List<Link> of(Caller caller) {
        if (caller == null || caller.national()) return List.of();
        return caller.provinces().stream().sorted().map(this::link).flatMap(java.util.Optional::stream).toList();
    }

    private java.util.Optional<Link> link(String schemeAndProvince) {
        String[] sp = schemeAndProvince.split(":", 2);
        if (sp.length != 2) return java.util.Optional.empty();
        return CodeScheme.parse(sp[0]).flatMap(s -> areas.provinceName(s, sp[1]))
                .map(name -> new Link(UriComponentsBuilder.fromPath("/programmes/{s}/{p}/reports").buildAndExpand(sp[0], sp[1])
                        .encode().toUriString(), name + " (" + sp[1] + ")"));
    }
}

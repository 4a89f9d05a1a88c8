package vn.chuyenhoa.ruleset;

import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** /actuator/info names the ruleset version in force beside the build, so an operator sees both in one place. */
@Component
class RulesetInfo implements InfoContributor {

    private final ActiveRuleset active;

    RulesetInfo(ActiveRuleset active) {
        this.active = active;
    }

    @Override
    public void contribute(Info.Builder builder) {
        RulesetSnapshot s = active.snapshot();
        builder.withDetail("ruleset", Map.of("version", s.versionId(), "origin", s.origin(),
                "loadedAt", s.loadedAt().toString(),
                "source", active.root().map(Object::toString).orElse("bundled in the jar")));
    }
}

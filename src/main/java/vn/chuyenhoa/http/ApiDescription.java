package vn.chuyenhoa.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import vn.chuyenhoa.evaluation.Fact;

/**
 * The OpenAPI description's frame: version, tags, the bearer scheme (so Swagger UI's "Authorize" asks for a token),
 * and the facts of an evaluation, written from {@link Fact} so that the document names exactly the facts the parser
 * accepts. The served document is kept as a reviewed snapshot (ContractTest).
 */
@Configuration
public class ApiDescription {

    /** Raised with every reviewed change of the contract (the snapshot in src/test/resources/openapi/). */
    public static final String VERSION = "1.1.0";


    /** Tag names as controllers use them, with what each groups; a generated client has one class per tag. */
    public static final String EVALUATIONS = "Evaluations", RULESETS = "Rulesets", POLICY = "Policy", PROGRAMMES = "Programmes",
            SCREENINGS = "Screenings", MONITORING = "Monitoring", REPORTING = "Reporting", AUDIT = "Audit",
            ADMINISTRATION = "Administration";

    static {
        // a JSON value of any type (e.g. a member of a replayed document that differs): the schema {} says so; as a
        // bean it would come out as the class's getters
        org.springdoc.core.utils.SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class, new Schema<>()
                .description("Any JSON value"));
    }

    @Bean
    OpenAPI chuyenhoaOpenApi(List<NamedSchema> schemas) {
        return new OpenAPI()
                .info(new Info().title("chuyenhoa — đánh giá chuyển hóa địa bàn / area transformation decisions")
                        .version(VERSION)
                        .description("Judges communes of the programme \"chuyển hóa địa bàn trọng điểm, phức tạp về trật "
                                + "tự, an toàn xã hội\" against the criteria tables in force, and keeps every verdict, "
                                + "rule change and programme step for audit. Every call needs `Authorization: Bearer "
                                + "<token>` issued by an administrator (page /admin); the local run's demo tokens are in "
                                + "the README. Every refusal is RFC 9457 problem details (`application/problem+json`, "
                                + "schema Problem) with Vietnamese beside English; a 400 names each bad field in "
                                + "`errors`. / Mọi lời gọi cần mã truy cập do quản trị viên cấp; mọi lỗi trả về dạng "
                                + "problem details có tiếng Việt."))
                .servers(List.of(new Server().url("http://localhost:8080").description("The local run (mvn spring-boot:run)")))
                .tags(List.of(
                        tag(EVALUATIONS, "Judge an area against the profile that governs it; read, search, withdraw and replay stored verdicts / Đánh giá địa bàn"),
                        tag(RULESETS, "Versions of the rule files: upload, compare, preview the impact, put in force / Phiên bản bộ quy tắc"),
                        tag(POLICY, "The profiles and criteria in force, as the tables define them / Bộ tiêu chí đang áp dụng"),
                        tag(PROGRAMMES, "A province's yearly programme: candidates, lifecycle steps, figures against targets / Chương trình chuyển hóa của tỉnh"),
                        tag(SCREENINGS, "Flag and rank a province's candidate communes / Sàng lọc xã ứng viên"),
                        tag(MONITORING, "Watch transformed areas for relapse / Theo dõi tái phức tạp"),
                        tag(REPORTING, "The reporting calendar / Lịch báo cáo"),
                        tag(AUDIT, "Check that no stored record was altered / Kiểm tra chuỗi kiểm toán"),
                        tag(ADMINISTRATION, "Accounts and bearer tokens / Tài khoản và mã truy cập")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A token issued at /admin (EVALUATOR systems), or a demo token of the local run"))
                        .schemas(named(schemas)))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** A schema a feature adds to the components by name, for the parts of its requests written by hand. */
    public interface NamedSchema {
        String name();

        Schema<?> schema();
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> named(List<NamedSchema> schemas) {
        Map<String, Schema> named = new LinkedHashMap<>();
        schemas.forEach(s -> named.put(s.name(), s.schema()));
        return named;
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

}

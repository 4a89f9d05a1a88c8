package vn.chuyenhoa.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description's frame: every call needs a bearer token, so Swagger UI's "Authorize" asks for one. */
@Configuration
class ApiDescription {

    @Bean
    OpenAPI chuyenhoaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("chuyenhoa — đánh giá chuyển hóa địa bàn / area transformation decisions")
                        .description("Every call needs `Authorization: Bearer <token>` issued by an administrator "
                                + "(page /admin); the local run's demo tokens are in the README. / Mọi lời gọi cần mã truy "
                                + "cập do quản trị viên cấp."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A token issued at /admin (EVALUATOR systems), or a demo token of the local run")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}

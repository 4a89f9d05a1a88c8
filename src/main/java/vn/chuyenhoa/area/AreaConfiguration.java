package vn.chuyenhoa.area;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AreaConfiguration {

    @Bean
    AreaDirectory areaDirectory() {
        return AreaDirectory.loadBundled();
    }
}

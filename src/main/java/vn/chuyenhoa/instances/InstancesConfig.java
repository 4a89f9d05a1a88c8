package vn.chuyenhoa.instances;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.chuyenhoa.kernel.DatabaseOutage;

/** {@code chuyenhoa.instances.shared}: false for one process on its database, true for several on one database. */
@Configuration(proxyBeanMethods = false)
class InstancesConfig {

    @Bean
    SharedChanges sharedChanges(@Value("${chuyenhoa.instances.shared:false}") boolean shared,
                                @Value("${chuyenhoa.instances.poll:500ms}") Duration poll,
                                @Value("${chuyenhoa.instances.name:}") String name,
                                @Value("${server.port:8080}") String port, DatabaseOutage outage) {
        // pid@host as the JVM names itself, and the port: two instances on one host are told apart
        String instance = name.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() + ":" + port : name;
        return shared ? new PolledChanges(instance, poll, outage) : new SingleProcess(instance);
    }
}

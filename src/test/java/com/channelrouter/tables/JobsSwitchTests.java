package com.channelrouter.tables;

import com.channelrouter.ChannelRouterApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance with its jobs turned off (channel-router.scheduling.enabled=false, so that another instance runs
 * the escalations and the feed) still follows the live decision tables: publishing must reach every instance.
 */
class JobsSwitchTests {

    @Test
    void anInstanceWithoutTheJobsStillFollowsTheLiveTables() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ChannelRouterApplication.class).profiles("test")
                .run("--server.port=0", "--channel-router.scheduling.enabled=false")) {
            assertThat(context.getBeanNamesForType(LiveVersionWatcher.class)).hasSize(1);
            assertThat(context.containsBean("breachDetector")).isFalse();
            assertThat(context.containsBean("outboxRelay")).isFalse();
            assertThat(context.getBeanNamesForAnnotation(org.springframework.scheduling.annotation.EnableScheduling.class)).isNotEmpty();
        }
    }
}

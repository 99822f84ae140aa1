package com.channelrouter.tables;

import com.channelrouter.engine.RuleCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.util.Map;


/**
 * Loads the starting decision tables at start-up and fails the start with every problem listed, cell
 * by cell, if they cannot be served: a service that cannot route must not report itself up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TablesProperties.class)
class TablesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TablesConfiguration.class);

    @Bean
    DecisionTableLoader decisionTableLoader() {
        return new DecisionTableLoader(new RuleCompiler());
    }

    @Bean
    LiveDecisionTables liveDecisionTables(DecisionTableLoader loader, TablesProperties properties,
                                          ResourcePatternResolver resolver) {
        TableSource source = TableFiles.fromPattern(resolver, properties.location());
        TableLoadResult result = loader.load(source);
        result.warnings().forEach(w -> log.warn("Decision tables: {}", w.describe()));
        if (!result.publishable()) {
            throw new UnservableTablesException(properties.location(), result.problems());
        }
        DecisionTables tables = result.tables();
        log.info("Serving decision-table version {} ({} routing rows, {} SLA rows, {} products) from {}", tables.version(),
                tables.rules().routingRows().size(), tables.rules().slaRows().size(), tables.products().products().size(),
                properties.location());
        return new LiveDecisionTables(tables);
    }

    /** Keeps the starting version's workbooks, so decisions made with it can be replayed later. */
    @Bean
    ApplicationRunner recordStartingVersion(LiveDecisionTables live, TableVersions versions, TablesProperties properties) {
        return args -> versions.record(live.current().source(), "STARTUP", "system", "loaded from " + properties.location());
    }

    /** /actuator/info says which decision-table version this instance serves. */
    @Bean
    InfoContributor decisionTablesInfo(LiveDecisionTables live) {
        return builder -> {
            DecisionTables tables = live.current();
            builder.withDetail("decisionTables", Map.of(
                    "version", tables.version(),
                    "workbooks", tables.source().workbooks().stream().map(WorkbookFile::name).toList(),
                    "routingRows", tables.rules().routingRows().size(),
                    "slaRows", tables.rules().slaRows().size()));
        };
    }

    @Bean
    HealthIndicator decisionTables(LiveDecisionTables live) {
        return () -> {
            DecisionTables tables = live.current();
            return tables == null ? Health.down().withDetail("reason", "no decision tables loaded").build()
                    : Health.up().withDetail("version", tables.version()).build();
        };
    }
}

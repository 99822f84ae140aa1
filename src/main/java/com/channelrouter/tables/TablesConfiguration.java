package com.channelrouter.tables;

import com.channelrouter.engine.RuleCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
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

    /**
     * The version served from the start: the configured workbooks, or the version table owners published
     * through the service. Waits for the database migrations, since it reads and records versions.
     */
    @Bean
    @DependsOn("flywayInitializer")
    LiveDecisionTables liveDecisionTables(DecisionTableLoader loader, TablesProperties properties,
                                          ResourcePatternResolver resolver, TableVersionMapper mapper,
                                          TransactionTemplate transaction, JsonMapper json, Clock clock) {
        TableSource files = TableFiles.fromPattern(resolver, properties.location());
        DecisionTables tables = new StartupVersion(mapper, loader, transaction, json, clock).resolve(files, properties.location());
        log.info("Serving decision-table version {} ({} routing rows, {} SLA rows, {} products)", tables.version(),
                tables.rules().routingRows().size(), tables.rules().slaRows().size(), tables.products().products().size());
        return new LiveDecisionTables(tables);
    }

    @Bean
    DecisionTableVersions decisionTableVersions(TableVersionMapper mapper, DecisionTableLoader loader,
                                                List<CandidateCheck> checks, LiveDecisionTables live,
                                                TransactionTemplate transaction, JsonMapper json, Clock clock) {
        return new DecisionTableVersions(mapper, loader, checks, live, transaction, json, clock);
    }

    /** On every instance, whether or not it runs the jobs: each serves what is published within seconds. */
    @Bean
    LiveVersionWatcher liveVersionWatcher(DecisionTableVersions versions) {
        return new LiveVersionWatcher(versions);
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
    HealthIndicator decisionTables(LiveDecisionTables live, Clock clock) {
        return () -> {
            DecisionTables tables = live.current();
            if (tables == null) {
                return Health.down().withDetail("reason", "no decision tables loaded").build();
            }
            Health.Builder health = Health.up().withDetail("version", tables.version());
            // still UP: items route, with weekends as the only days off in the year the calendar does not list
            CalendarCoverage.warning(tables.calendar(), clock.instant()).ifPresent(w -> health.withDetail("calendar", w.message()));
            return health.build();
        };
    }
}

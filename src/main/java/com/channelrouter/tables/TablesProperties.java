package com.channelrouter.tables;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the decision-table workbooks the service starts with are read from.
 *
 * @param location a Spring resource pattern, by default the shipped workbooks on the classpath; point it
 *                 at a folder ({@code file:/srv/tables/*.xlsx}) to start with other workbooks
 */
@ConfigurationProperties("channel-router.tables")
record TablesProperties(String location) {

    public TablesProperties {
        if (location == null || location.isBlank()) {
            location = TableFiles.SHIPPED;
        }
    }
}

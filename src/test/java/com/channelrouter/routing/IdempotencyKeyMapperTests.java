package com.channelrouter.routing;

import com.channelrouter.support.MapperTest;
import com.channelrouter.workitem.PriorRouting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The idempotency-key SQL on H2 in MySQL mode; {@link IdempotencyKeyMapperOnMariaDbTests} runs it on MariaDB. */
@MapperTest
class IdempotencyKeyMapperTests {

    @Autowired
    IdempotencyKeyMapper mapper;

    @Autowired
    JdbcTemplate jdbc;

    String storedWorkItem() {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO work_item (work_item_id, item_type, source_channel, customer_id, owner_channel, status, second_transfer,
                  occurred_at, response_due_at, resolve_due_at, request_hash, created_by, created_at)
                VALUES (?, 'LEAD', 'WEBSITE', 'C-1', 'WEBSITE', 'ROUTED', FALSE, '2026-11-20 01:00:00', '2026-11-20 05:00:00',
                  '2026-11-21 01:00:00', ?, 'dev-website', '2026-11-20 01:00:00')""", id, "h".repeat(64));
        return id;
    }

    @Test
    void keyIsFoundForItsClientOnly() {
        String item = storedWorkItem();
        mapper.insert("dev-website", "key-1", "a".repeat(64), item, Instant.parse("2026-11-20T01:00:00Z"));

        assertThat(mapper.find("dev-website", "key-1")).contains(new PriorRouting(item, "a".repeat(64)));
        assertThat(mapper.find("dev-qa", "key-1")).isEmpty();
    }

    @Test
    void aClientCannotUseOneKeyTwice() {
        String item = storedWorkItem();
        mapper.insert("dev-website", "key-2", "a".repeat(64), item, Instant.parse("2026-11-20T01:00:00Z"));

        assertThatThrownBy(() -> mapper.insert("dev-website", "key-2", "b".repeat(64), item, Instant.parse("2026-11-20T01:00:00Z")))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void keysThatDifferOnlyInCaseAreDifferentKeys() {
        String item = storedWorkItem();
        mapper.insert("dev-website", "key-3", "a".repeat(64), item, Instant.parse("2026-11-20T01:00:00Z"));
        mapper.insert("dev-website", "KEY-3", "b".repeat(64), item, Instant.parse("2026-11-20T01:00:00Z"));

        assertThat(mapper.find("dev-website", "KEY-3").orElseThrow().requestHash()).isEqualTo("b".repeat(64));
        assertThat(mapper.find("dev-website", "Key-3")).isEmpty();
    }
}

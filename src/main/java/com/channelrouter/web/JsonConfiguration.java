package com.channelrouter.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.Instant;

/**
 * JSON as the contract reads it: a number or a boolean where text is expected is a value of the wrong
 * type (400), not text to be converted (Jackson's default would make {"accountManagerId": 17} a tag), and
 * a field given twice in one object is refused (Jackson's default keeps the last, so {"itemType": "LEAD",
 * "itemType": "FAULT"} was routed as a fault). Instants are written as Jackson writes them, by hand
 * ({@link InstantTextSerializer}).
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictText() {
        return JsonConfiguration::strictText;
    }

    @Bean
    JsonMapperBuilderCustomizer instantsAsText() {
        return JsonConfiguration::instantsAsText;
    }

    /** The service's JSON rules for code that runs without Spring, such as the replay command line. */
    public static JsonMapper mapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        strictText(builder);
        instantsAsText(builder);
        return builder.build();
    }

    private static void instantsAsText(JsonMapper.Builder builder) {
        builder.addModule(new SimpleModule("instants-as-text").addSerializer(Instant.class, new InstantTextSerializer()));
    }

    private static void strictText(JsonMapper.Builder builder) {
        builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        builder.withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}

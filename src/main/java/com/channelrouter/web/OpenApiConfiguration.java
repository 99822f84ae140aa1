package com.channelrouter.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** The API description at /v3/api-docs and /swagger-ui.html, with the X-API-Key header ready to fill in. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";

    static {
        // free-form JSON (an event's data), not the JsonNode class's own getters
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new JsonSchema().typesItem("object"));
    }

    @Bean
    OpenAPI channelRouterApi() {
        return new OpenAPI()
                .info(new Info().title("Channel Router API").version("v1")
                        .description("Routes leads, churn alerts and faults to the channel that owns them, with SLA deadlines. "
                                + "Send your key in X-API-Key; the embedded default's demo keys are listed in the README."))
                .components(new Components().addSecuritySchemes(API_KEY,
                        new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new OpenApiProblems();
    }

    @Bean
    PropertyCustomizer knownCodes() {
        return new OpenApiCodes();
    }
}

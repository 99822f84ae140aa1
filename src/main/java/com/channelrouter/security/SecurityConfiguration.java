package com.channelrouter.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default: every call needs a known API key except health and the API docs; each endpoint
 * names the roles it accepts. Object-level checks (which channel may see which item) live with the
 * features themselves.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    @Bean
    ApiClients apiClients(SecurityProperties properties) {
        return new ApiClients(properties);
    }

    /**
     * No Micrometer observation around each security filter, the authentication and the authorization. With
     * a registry present Spring Security wraps every filter of the chain in one on every request: once a third
     * of /evaluate's throughput, and still about 3% of the service's CPU under /routings load when the
     * observations were only switched off by property (management.observations.enable.spring.security),
     * which leaves each filter wrapped in a no-op. Nothing reads them; each request's own timing
     * (http.server.requests, on /actuator/prometheus) is Spring MVC's and stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** 401, 403 and the firewall's refusals as problem+json; Spring Security takes a RequestRejectedHandler bean as its own. */
    @Bean
    ProblemResponses securityProblemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiClients clients, ProblemResponses problems) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(clients, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ApiKeyAuthenticationFilter.PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/routings", "/api/v1/routings/batch").hasRole(Role.ROUTER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/routings/batch/*").hasAnyRole(Role.ROUTER.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/routings/evaluate").hasAnyRole(Role.ROUTER.name(), Role.QA.name())
                        .requestMatchers("/api/v1/customers", "/api/v1/customers/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/replays").hasAnyRole(Role.QA.name(), Role.TABLE_OWNER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/decision-tables", "/api/v1/decision-tables/**")
                        .hasRole(Role.TABLE_OWNER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/decision-tables", "/api/v1/decision-tables/**")
                        .hasAnyRole(Role.TABLE_OWNER.name(), Role.QA.name())
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .build();
    }
}

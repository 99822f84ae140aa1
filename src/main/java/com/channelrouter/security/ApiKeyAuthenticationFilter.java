package com.channelrouter.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates a request by its X-API-Key header. A known key makes the request its client's; an
 * unknown key is refused at once (401); no key leaves the request anonymous for the rules to judge.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    /**
     * Paths that need no key: health and the API docs. A wrong key there is ignored, not refused. The YAML form of the
     * docs is a sibling of {@code /v3/api-docs}, not under it, so it is named on its own.
     */
    static final String[] PUBLIC_PATHS = {"/actuator/health", "/actuator/health/**", "/swagger-ui.html", "/swagger-ui/**",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/error"};
    private static final PathPatternParser PATTERNS = PathPatternParser.defaultInstance;
    private static final List<PathPattern> PUBLIC = Arrays.stream(PUBLIC_PATHS).map(PATTERNS::parse).toList();

    private final ApiClients clients;
    private final ProblemResponses problems;

    ApiKeyAuthenticationFilter(ApiClients clients, ProblemResponses problems) {
        this.clients = clients;
        this.problems = problems;
    }

    private static boolean isPublic(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return PUBLIC.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static boolean severalKeys(HttpServletRequest request) {
        Enumeration<String> keys = request.getHeaders(HEADER);
        keys.nextElement();
        return keys.hasMoreElements();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        // two keys are two callers: taking the first (as getHeader does) would let a proxy's or a client's added key
        // decide which one acts
        boolean severalKeys = severalKeys(request);
        Optional<ApiClient> client = severalKeys ? Optional.empty() : clients.authenticate(key);
        if (client.isEmpty() && isPublic(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (client.isEmpty()) {
            problems.unauthenticated(request, response, severalKeys
                    ? "Send one X-API-Key header: this request has several." : "The API key in X-API-Key is not known.");
            return;
        }
        var authorities = client.get().roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(client.get(), null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

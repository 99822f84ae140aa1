package com.channelrouter.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.List;

/**
 * A client that accepts {@code application/problem+json} and no plain JSON says it reads our problems; it
 * still gets its successful answers, as {@code application/json}. Left to itself, Spring labelled a
 * successful answer {@code application/problem+json} for such a client (its JSON converter writes any
 * {@code application/*+json}), and a client that branches on the type read a success as a failure. RFC 9110
 * lets a server disregard an Accept it cannot meet; a 406 would refuse a request that was carried out well.
 * Failures are problem+json whatever the client accepts (Spring's own rule for problem details).
 */
@Configuration(proxyBeanMethods = false)
class ProblemJsonAcceptance implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(new PlainJsonFirst(new HeaderContentNegotiationStrategy())));
    }

    /** The Accept header's types, with application/json put first when only problem+json names JSON. */
    record PlainJsonFirst(ContentNegotiationStrategy byHeader) implements ContentNegotiationStrategy {

        @Override
        public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
            List<MediaType> accepted = byHeader.resolveMediaTypes(request);
            boolean onlyProblems = accepted.stream().anyMatch(MediaType.APPLICATION_PROBLEM_JSON::equalsTypeAndSubtype)
                    && accepted.stream().noneMatch(type -> type.includes(MediaType.APPLICATION_JSON));
            if (!onlyProblems) {
                return accepted;
            }
            List<MediaType> withJson = new ArrayList<>(accepted.size() + 1);
            withJson.add(MediaType.APPLICATION_JSON);
            withJson.addAll(accepted);
            return withJson;
        }
    }
}

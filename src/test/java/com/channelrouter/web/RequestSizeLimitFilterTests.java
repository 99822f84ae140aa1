package com.channelrouter.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies over an endpoint's limit are refused before they are read (over real HTTP the client sees the connection close). */
class RequestSizeLimitFilterTests {

    private final List<Exception> refusals = new ArrayList<>();
    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter((request, response, handler, ex) -> {
        refusals.add(ex);
        return new ModelAndView();
    });

    @Test
    void aWorkbookOverTheLimitIsRefusedInTheOwnersWordsAndLanguages() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(upload("/api/v1/decision-tables", RequestSizeLimitFilter.WORKBOOK_LIMIT + 1), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).as("not passed on").isNull();
        assertThat(refusals).singleElement().isInstanceOfSatisfying(PayloadTooLargeException.class, refused ->
                assertThat(refused.getMessage()).contains("larger than 5 MB").contains("文件超过 5 MB"));
    }

    @Test
    void otherBodiesOverTheirLimitAreToldTheLimit() throws Exception {
        filter.doFilter(upload("/api/v1/routings", RequestSizeLimitFilter.ROUTING_LIMIT + 1), new MockHttpServletResponse(),
                new MockFilterChain());

        assertThat(refusals).singleElement().satisfies(refused -> assertThat(refused.getMessage()).contains("(64 KB)"));
    }

    /** A request announcing a body of {@code length} bytes (none of which the filter may read). */
    private static MockHttpServletRequest upload(String path, long length) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return length;
            }
        };
        request.setRequestURI(path);
        return request;
    }
}

package com.channelrouter.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.UrlPathHelper;

import java.io.IOException;

/**
 * Caps request bodies (OWASP API4): a routing request is small, a customer load can be large, nothing
 * else needs much. A body announced too large is refused before it is read; one that grows too large
 * while streaming is cut off. Either way the answer is 413 problem+json.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final long ROUTING_LIMIT = 64 * 1024;
    static final long BULK_LIMIT = 32L * 1024 * 1024;
    static final long DEFAULT_LIMIT = 1024 * 1024;
    static final long WORKBOOK_LIMIT = 6L * 1024 * 1024;
    /** Where owners upload workbooks: its refusal speaks of the file, in their words. */
    private static final String WORKBOOK_UPLOAD = "/api/v1/decision-tables";

    private final HandlerExceptionResolver resolver;

    RequestSizeLimitFilter(HandlerExceptionResolver handlerExceptionResolver) {
        this.resolver = handlerExceptionResolver;
    }

    static long limitFor(String path) {
        if (path.startsWith("/api/v1/customers/bulk") || path.startsWith("/api/v1/replays")) {
            return BULK_LIMIT;
        }
        if (path.startsWith("/api/v1/decision-tables")) {
            return WORKBOOK_LIMIT;
        }
        if (path.equals("/api/v1/routings/batch")) {
            return Long.MAX_VALUE; // streamed line by line, each line held to its own limit
        }
        if (path.startsWith("/api/v1/routings")) {
            return ROUTING_LIMIT;
        }
        return DEFAULT_LIMIT;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the decoded path, as Spring MVC maps it: /api/v1/%72outings/evaluate reaches the routing endpoint too
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        long limit = limitFor(path);
        if (request.getContentLengthLong() > limit) {
            resolver.resolveException(request, response, null, tooLarge(limit, path));
            return;
        }
        chain.doFilter(limit == Long.MAX_VALUE ? request : new LimitedRequest(request, limit, path), response);
    }

    private static PayloadTooLargeException tooLarge(long limit, String path) {
        if (path.equals(WORKBOOK_UPLOAD)) {
            // said as the table owners' guide and the upload's own check say it (the body's limit leaves room for the form)
            return new PayloadTooLargeException("The file is larger than 5 MB; decision tables are much smaller. Remove unused "
                    + "sheets, pictures or formatting. 文件超过 5 MB，请删除无用的工作表、图片或格式。");
        }
        return new PayloadTooLargeException("The request body is larger than this endpoint accepts (" + limit / 1024 + " KB).");
    }

    /** Counts what the application reads and stops at the limit. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private final String path;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit, String path) {
            super(request);
            this.limit = limit;
            this.path = path;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int bytes) {
                        read += bytes;
                        if (read > limit) {
                            throw tooLarge(limit, path);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}

package com.channelrouter.routing;

import com.channelrouter.security.ApiClient;
import com.channelrouter.security.Role;
import com.channelrouter.web.InvalidRequestException;
import com.channelrouter.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Batch routing for systems that hand over many items at once (the BI system's nightly churn alerts):
 * NDJSON in, streamed, optionally gzip-compressed ({@code Content-Encoding: gzip}); NDJSON out, one answer
 * per request line, in order, as each chunk is stored. The batch's progress can be read while it runs.
 */
@RestController
@RequestMapping("/api/v1/routings/batch")
class BatchRoutingController {

    static final String NDJSON = "application/x-ndjson";

    private final BatchRoutings batches;

    BatchRoutingController(BatchRoutings batches) {
        this.batches = batches;
    }

    /**
     * Streams the answers. A failure before any line is answered (the database down at the first chunk, say)
     * is answered as any request's failure, as problem+json; one after that ends the stream with a line saying
     * so ({@link BatchRoutings#run}).
     */
    @PostMapping(consumes = {NDJSON, "application/jsonl", "application/json", "text/plain"})
    void route(HttpServletRequest request, HttpServletResponse response, @AuthenticationPrincipal ApiClient client) throws IOException {
        try (InputStream body = body(request)) {
            RoutingBatch batch = batches.start(client);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(NDJSON);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Batch-Id", batch.batchId());
            response.setHeader(HttpHeaders.LOCATION, "/api/v1/routings/batch/" + batch.batchId());
            batches.run(batch, body, response.getOutputStream(), client);
        }
    }

    /** The body, unzipped if it says it is gzip; before the batch is recorded, so that a body that is not stores nothing. */
    private static InputStream body(HttpServletRequest request) throws IOException {
        if (!"gzip".equalsIgnoreCase(request.getHeader(HttpHeaders.CONTENT_ENCODING))) {
            return request.getInputStream();
        }
        try {
            return new GZIPInputStream(request.getInputStream(), 64 * 1024);
        } catch (ZipException | EOFException notGzip) {
            throw InvalidRequestException.of("body", "is not gzip data, as its Content-Encoding says (" + notGzip.getMessage() + ")");
        }
    }

    /** How far a batch has got; for the client that sent it (and admins). */
    @GetMapping("/{batchId}")
    RoutingBatch status(@PathVariable String batchId, @AuthenticationPrincipal ApiClient client) {
        RoutingBatch batch = batches.status(batchId);
        if (batch == null || !(batch.clientId().equals(client.id()) || client.roles().contains(Role.ADMIN))) {
            throw new NotFoundException("No routing batch " + batchId + ".");
        }
        return batch;
    }
}

package com.channelrouter.routing;

import com.channelrouter.security.ApiClient;
import com.channelrouter.security.Role;
import com.channelrouter.web.InvalidRequestException;
import com.channelrouter.web.NotFoundException;
import com.channelrouter.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.io.input.BOMInputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.Set;
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
    /** The gzip content coding, by its name and the old alias RFC 9110 asks a server to take as the same. */
    private static final Set<String> GZIP = Set.of("gzip", "x-gzip");

    private final BatchRoutings batches;

    BatchRoutingController(BatchRoutings batches) {
        this.batches = batches;
    }

    /**
     * Streams the answers. A failure before any line is answered (the database down at the first chunk, say)
     * is answered as any request's failure, as problem+json; one after that ends the stream with a line saying
     * so ({@link BatchRoutings#run}).
     */
    @Operation(operationId = "routeBatch", summary = "Route and store many items, one routing request per line",
            parameters = @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.CONTENT_ENCODING,
                    description = "gzip when the body is gzip-compressed", schema = @Schema(allowableValues = "gzip")),
            requestBody = @RequestBody(required = true, description = "NDJSON: one routing request (as for POST /api/v1/routings, "
                    + "each with an externalId) per line; blank lines are skipped. Optionally gzip-compressed, with "
                    + "Content-Encoding: gzip. application/x-ndjson, or the same lines as application/jsonl, "
                    + "application/json or text/plain",
                    content = {@Content(mediaType = NDJSON, schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "application/jsonl", schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "application/json", schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "text/plain", schema = @Schema(type = "string", format = "binary"))}))
    @ApiResponse(responseCode = "200", description = "NDJSON, streamed: one answer line per request line, in order, as each chunk "
            + "is stored. Stored: {\"line\":1,\"status\":201,\"workItemId\":\"…\",\"replayed\":false,\"decision\":{…a "
            + "RoutingDecision…}} (replayed true, and nothing stored, for a repeat of a stored item). Refused: "
            + "{\"line\":2,\"status\":400,\"problem\":{…a ProblemDetails…}} (400, 403, 413 or 422; the rest go on). If the batch "
            + "breaks off after lines were answered, the last line says so: {\"brokeOffAfterLine\":2000,\"status\":503,"
            + "\"problem\":{…}}; send the batch again",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string")),
            headers = {@Header(name = "Batch-Id", description = "The batch's id", schema = @Schema(type = "string")),
                    @Header(name = HttpHeaders.LOCATION, description = "Its progress: /api/v1/routings/batch/{batchId}",
                            schema = @Schema(type = "string", format = "uri-reference"))})
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

    /**
     * The body, unzipped if its Content-Encoding says gzip, without a byte-order mark; before the batch is
     * recorded, so that a body that cannot be read stores nothing.
     */
    private static InputStream body(HttpServletRequest request) throws IOException {
        String coding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (coding == null || coding.isBlank() || coding.strip().equalsIgnoreCase("identity")) {
            return plain(request.getInputStream());
        }
        if (!GZIP.contains(coding.strip().toLowerCase(Locale.ROOT))) {
            throw unsupported(coding);
        }
        try {
            return withoutByteOrderMark(new GZIPInputStream(request.getInputStream(), 64 * 1024));
        } catch (ZipException | EOFException notGzip) {
            throw InvalidRequestException.of("body", notGzip.getMessage() == null ? "is empty, but its Content-Encoding says gzip"
                    : "is not gzip data, as its Content-Encoding says (" + notGzip.getMessage() + ")");
        }
    }

    /** A body sent without Content-Encoding; gzip data sent so would otherwise be answered as a bad line, byte by byte. */
    private static InputStream plain(InputStream body) throws IOException {
        PushbackInputStream peeked = new PushbackInputStream(body, 3);
        byte[] start = peeked.readNBytes(2);
        if (start.length == 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b) {
            throw InvalidRequestException.of("body", "is gzip data: send it with the header Content-Encoding: gzip");
        }
        peeked.unread(start);
        return withoutByteOrderMark(peeked);
    }

    /** Windows tools start UTF-8 text with a byte-order mark (EF BB BF), which is not part of the first line. */
    private static InputStream withoutByteOrderMark(InputStream body) throws IOException {
        return BOMInputStream.builder().setInputStream(body).get();
    }

    private static ErrorResponseException unsupported(String coding) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Encoding " + coding.strip()
                        + " is not supported: send the body as gzip (Content-Encoding: gzip) or uncompressed.");
        problem.setTitle("Unsupported Content-Encoding");
        problem.setType(ProblemTypes.uri(ProblemTypes.UNSUPPORTED_MEDIA_TYPE));
        ErrorResponseException refused = new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
        refused.getHeaders().set(HttpHeaders.ACCEPT_ENCODING, "gzip"); // RFC 9110 15.5.16: the codings that are accepted
        return refused;
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

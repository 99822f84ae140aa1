package com.channelrouter.workitem;

import com.channelrouter.domain.Channel;
import com.channelrouter.domain.Codes;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.security.ApiClient;
import com.channelrouter.web.FieldProblem;
import com.channelrouter.web.InvalidRequestException;
import com.channelrouter.web.KnownCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Work items: read one, list a page, and move them through their life. */
@RestController
@RequestMapping("/api/v1/work-items")
class WorkItemController {

    static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 20;
    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]{1,10}");
    /** The last page whose rows (up to the end of the largest page) can be counted in an int, as the query does. */
    static final int LAST_PAGE = Integer.MAX_VALUE / MAX_PAGE_SIZE - 1;
    private static final String MOVED = "The item after the move, as GET answers it";
    private static final String MOVE_CONFLICT = "The item's status does not allow this move, or a simultaneous move won";

    private final WorkItems workItems;
    private final WorkItemLifecycle lifecycle;
    private final Validator validator;
    private final JsonMapper json;

    WorkItemController(WorkItems workItems, WorkItemLifecycle lifecycle, Validator validator, JsonMapper json) {
        this.workItems = workItems;
        this.lifecycle = lifecycle;
        this.validator = validator;
        this.json = json;
    }

    /** Why the owner gives the item back to the operations centre. */
    record ReturnRequest(@NotBlank(message = "is required: say why the item is returned")
                         @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    /** Where a dispatcher sends the item, and optionally why there (kept in the history, like a return's reason). */
    record DispatchRequest(@NotBlank(message = "is required") @KnownCode(Channel.class) String toChannel,
                           @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    /** How the item ended. */
    record CloseRequest(@NotBlank(message = "is required: say how the item was resolved")
                        @Size(max = 1000, message = "must be at most 1000 characters") String outcome) {
    }

    @Operation(operationId = "getWorkItem")
    @GetMapping("/{workItemId}")
    WorkItemView get(@PathVariable String workItemId, @AuthenticationPrincipal ApiClient caller) {
        return workItems.read(workItemId, caller);
    }

    /** The parameters are read as strings so that every bad one is named in the 400; their schemas say what each holds. */
    @Operation(operationId = "listWorkItems")
    @GetMapping
    WorkItemPage list(@Parameter(schema = @Schema(implementation = Channel.class))
                      @RequestParam(required = false) String ownerChannel,
                      @Parameter(schema = @Schema(implementation = SourceChannel.class))
                      @RequestParam(required = false) String sourceChannel,
                      @Parameter(schema = @Schema(implementation = WorkItemStatus.class))
                      @RequestParam(required = false) String status,
                      @Parameter(schema = @Schema(implementation = ItemType.class))
                      @RequestParam(required = false) String itemType,
                      @Parameter(description = "true: only items with a deadline passed unmet", schema = @Schema(type = "boolean"))
                      @RequestParam(required = false) String breached,
                      @Parameter(description = "Routed at or after", schema = @Schema(type = "string", format = "date-time"))
                      @RequestParam(required = false) String from,
                      @Parameter(description = "Routed before", schema = @Schema(type = "string", format = "date-time"))
                      @RequestParam(required = false) String to,
                      @Parameter(description = "From 0", schema = @Schema(type = "integer", format = "int32", minimum = "0",
                              maximum = "" + LAST_PAGE, defaultValue = "0"))
                      @RequestParam(required = false) String page,
                      @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + MAX_PAGE_SIZE,
                              defaultValue = "" + DEFAULT_PAGE_SIZE))
                      @RequestParam(required = false) String size, HttpServletRequest http,
                      @AuthenticationPrincipal ApiClient caller) {
        List<FieldProblem> problems = givenMoreThanOnce(http);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems); // Spring would join the values with commas: "ROUTED,CLAIMED"
        }
        WorkItemFilter filter = new WorkItemFilter(
                code(Channel.class, "ownerChannel", ownerChannel, problems),
                code(SourceChannel.class, "sourceChannel", sourceChannel, problems),
                code(WorkItemStatus.class, "status", status, problems),
                code(ItemType.class, "itemType", itemType, problems),
                flag("breached", breached, problems),
                instant("from", from, problems),
                instant("to", to, problems),
                number("page", page, 0, 0, LAST_PAGE, problems),
                number("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, problems));
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            // a range that ends before it starts is a mistake; an empty one (from = to) is a poller's empty window
            problems.add(new FieldProblem("from", "must not be after to (" + to + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return workItems.list(filter, caller);
    }

    @ApiResponse(responseCode = "200", description = MOVED)
    @ApiResponse(responseCode = "409", description = MOVE_CONFLICT)
    @PostMapping("/{workItemId}/claim")
    WorkItemView claim(@PathVariable String workItemId, @AuthenticationPrincipal ApiClient caller) {
        return lifecycle.claim(workItemId, caller);
    }

    @ApiResponse(responseCode = "200", description = MOVED)
    @ApiResponse(responseCode = "409", description = MOVE_CONFLICT)
    @PostMapping("/{workItemId}/return")
    WorkItemView giveBack(@PathVariable String workItemId, @RequestBody(required = false) @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                  content = @Content(schema = @Schema(implementation = ReturnRequest.class))) byte[] body,
                          HttpServletRequest http, @AuthenticationPrincipal ApiClient caller) throws HttpMediaTypeNotSupportedException {
        lifecycle.requireMayMove(workItemId, WorkItemAction.RETURN, caller);
        ReturnRequest request = read(body, ReturnRequest.class, http);
        return lifecycle.giveBack(workItemId, request.reason().strip(), caller);
    }

    @ApiResponse(responseCode = "200", description = MOVED)
    @ApiResponse(responseCode = "409", description = MOVE_CONFLICT)
    @PostMapping("/{workItemId}/dispatch")
    WorkItemView dispatch(@PathVariable String workItemId, @RequestBody(required = false) @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                  content = @Content(schema = @Schema(implementation = DispatchRequest.class))) byte[] body,
                          HttpServletRequest http, @AuthenticationPrincipal ApiClient caller) throws HttpMediaTypeNotSupportedException {
        lifecycle.requireMayMove(workItemId, WorkItemAction.DISPATCH, caller);
        DispatchRequest request = read(body, DispatchRequest.class, http);
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return lifecycle.dispatch(workItemId, Channel.valueOf(request.toChannel()), reason, caller);
    }

    @ApiResponse(responseCode = "200", description = MOVED)
    @ApiResponse(responseCode = "409", description = MOVE_CONFLICT)
    @PostMapping("/{workItemId}/close")
    WorkItemView close(@PathVariable String workItemId, @RequestBody(required = false) @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                  content = @Content(schema = @Schema(implementation = CloseRequest.class))) byte[] body,
                       HttpServletRequest http, @AuthenticationPrincipal ApiClient caller) throws HttpMediaTypeNotSupportedException {
        lifecycle.requireMayMove(workItemId, WorkItemAction.CLOSE, caller);
        CloseRequest request = read(body, CloseRequest.class, http);
        return lifecycle.close(workItemId, request.outcome().strip(), caller);
    }

    /**
     * A move's body, read only after the caller's right to the move was checked ({@code requireMayMove}): a key
     * that may not see the item gets 404, and one that may not move it 403, whatever it sent. The body is then
     * read as Spring's JSON converter would have read it (JSON only, 415 otherwise; UTF-8 unless the
     * Content-Type names a charset; bytes that are not text in it refused) and refused with the same problems.
     */
    private <T> T read(byte[] body, Class<T> type, HttpServletRequest http) throws HttpMediaTypeNotSupportedException {
        ServletServerHttpRequest message = new ServletServerHttpRequest(http);
        if (body == null || new String(body, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new HttpMessageNotReadableException("The move's body is missing", message);
        }
        MediaType contentType = message.getHeaders().getContentType();
        Charset charset;
        try {
            if (contentType == null || !(contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || contentType.getSubtype().endsWith("+json"))) {
                throw new HttpMediaTypeNotSupportedException(contentType, List.of(MediaType.APPLICATION_JSON));
            }
            charset = contentType.getCharset();
        } catch (IllegalArgumentException unknownCharset) { // UnsupportedCharsetException, IllegalCharsetNameException
            throw new HttpMediaTypeNotSupportedException(contentType, List.of(MediaType.APPLICATION_JSON));
        }
        T request;
        try {
            // bytes go to Jackson itself, which refuses what is not UTF-8 (and skips a byte-order mark)
            request = charset == null || charset.equals(StandardCharsets.UTF_8) ? json.readValue(body, type)
                    : json.readValue(new InputStreamReader(new ByteArrayInputStream(body), charset), type);
        } catch (JacksonException unreadable) {
            throw new HttpMessageNotReadableException("The move's body cannot be read", unreadable, message);
        }
        if (request == null) {
            throw new HttpMessageNotReadableException("The move's body is missing", message);
        }
        List<FieldProblem> problems = FieldProblem.of(validator.validate(request));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return request;
    }

    /** Each filter takes one value: a parameter given twice would mean "either" to some callers and "both" to others. */
    private static List<FieldProblem> givenMoreThanOnce(HttpServletRequest http) {
        List<FieldProblem> problems = new ArrayList<>();
        http.getParameterMap().forEach((name, values) -> {
            if (values.length > 1) {
                problems.add(new FieldProblem(name, "is given " + values.length + " times; a list takes one value for it"));
            }
        });
        return problems;
    }

    private static <E extends Enum<E>> E code(Class<E> type, String field, String value, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        return Codes.parse(type, value).orElseGet(() -> {
            problems.add(new FieldProblem(field, "must be one of " + String.join(", ", Codes.names(type))));
            return null;
        });
    }

    private static Boolean flag(String field, String value, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        problems.add(new FieldProblem(field, "must be true or false"));
        return null;
    }

    private static Instant instant(String field, String value, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            // an unencoded "+08:00" in a query string arrives as " 08:00"
            return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 instant such as 2026-11-20T01:15:00Z"));
            return null;
        }
    }

    /**
     * The parameter's number, or {@code absent} when it is not given; an empty value ({@code page=}) is refused as
     * an empty {@code ownerChannel=} is, rather than read as the default (Spring's defaultValue would).
     */
    private static int number(String field, String value, int absent, int min, int max, List<FieldProblem> problems) {
        if (value == null) {
            return absent;
        }
        // digits as typed in a URL: Integer.parseInt alone would also take "+1" and full-width "１"
        if (ASCII_DIGITS.matcher(value).matches()) {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return (int) number;
            }
        }
        problems.add(new FieldProblem(field, "must be a whole number from " + min + " to " + max));
        return min;
    }
}

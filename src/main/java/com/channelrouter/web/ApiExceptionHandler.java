package com.channelrouter.web;

import com.channelrouter.support.DatabaseFailures;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns every failure into an RFC 9457 problem (application/problem+json) with a stable type, a
 * title, a detail a caller can act on, and for bad input the offending fields. Never exposes class
 * names or stack traces; logs at error level only for 5xx.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
            errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = findCause(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                    ProblemTypes.PAYLOAD_TOO_LARGE, "Request too large", tooLarge.getMessage()));
        }
        JacksonException jackson = findCause(ex, JacksonException.class);
        if (jackson instanceof MismatchedInputException mismatch) {
            return ResponseEntity.badRequest().body(invalid(List.of(JsonInputProblems.wrongType(mismatch, "body"))));
        }
        if (jackson == null) { // no body at all, whatever its type (a CSV load as much as JSON): nothing was malformed
            ProblemDetail missing = invalid(List.of(new FieldProblem("body", "is required")));
            missing.setDetail("The request body is missing.");
            return ResponseEntity.badRequest().body(missing);
        }
        FieldProblem twice = JsonInputProblems.givenTwice(jackson);
        if (twice != null) {
            return ResponseEntity.badRequest().body(invalid(List.of(twice)));
        }
        String where = jackson.getLocation() == null ? ""
                : " (line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr() + ")";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
                "The request body is not valid JSON" + where + ".");
        problem.setProperty("errors", List.of(new FieldProblem("body", "is not valid JSON" + where)));
        return ResponseEntity.badRequest().body(problem);
    }

    /** A query parameter or path segment that is not of its type (after=abc): named, like a body's field. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
        String expected = JsonInputProblems.expected(ex.getRequiredType());
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(String.valueOf(field), "has the wrong type: expected " + expected))));
    }

    /** A multipart upload without its part (the workbook or case file sent under another name): named, like a field. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = invalid(List.of(new FieldProblem(ex.getRequestPartName(), "is required (a multipart part of that name)")));
        problem.setDetail("The multipart part '" + ex.getRequestPartName() + "' is missing.");
        return ResponseEntity.badRequest().body(problem);
    }

    /** A required query parameter left out: named, like a field. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(ex.getParameterName(), "is required"))));
    }

    /**
     * Problems Spring writes itself (405, 406, 415, an unknown path…) get a stable type like ours, and an
     * unknown path is described as such rather than as a missing static file.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (ex instanceof HttpMessageNotWritableException && request instanceof ServletWebRequest servlet
                && servlet.getRequest().getDispatcherType() != DispatcherType.REQUEST
                && servlet.getResponse() != null && servlet.getResponse().isCommitted()) {
            // the container's error page after an answer already under way (a batch whose client cut its body
            // short has said so in its last line): nothing more can be written, and nothing is wrong here. An
            // answer that fails while being written is still logged (at WARN, by the handler below)
            log.debug("Not writing an error page over a committed answer: {}", ex.getMessage());
            return null;
        }
        if (body == null && ex instanceof ErrorResponse response) {
            body = response.getBody();
        }
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemTypes.uri(switch (statusCode.value()) {
                case 400 -> ProblemTypes.INVALID_REQUEST;
                case 404 -> ProblemTypes.NOT_FOUND;
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
                case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
                default -> "http-" + statusCode.value();
            }));
            if (ex instanceof NoResourceFoundException missing) {
                problem.setDetail("There is no endpoint " + missing.getHttpMethod() + " /" + missing.getResourcePath() + ".");
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex) {
        return ResponseEntity.badRequest().body(invalid(ex.errors()));
    }

    @ExceptionHandler(UnprocessableException.class)
    ResponseEntity<ProblemDetail> unprocessable(UnprocessableException ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ex.problemType(), ex.title(), ex.getMessage());
        if (!ex.errors().isEmpty()) {
            problem.setProperty("errors", ex.errors());
        }
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, ex.problemType(), ex.title(), ex.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", ex.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", ex.getMessage()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException ex) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Request too large", ex.getMessage()));
    }

    /** The database is down or slow: say so quickly, and when to retry; never claim something was stored. */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessException.class, QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException ex) {
        log.error("database unavailable: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Service unavailable",
                        "The database cannot be reached, so the request was not completed. Retry in a few seconds; "
                                + "a repeat with the same Idempotency-Key never creates a second item."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (ex instanceof RuntimeException wrapped && DatabaseFailures.unavailable(wrapped)) {
            return databaseUnavailable(wrapped); // the same lost database, wrapped (by MyBatis, by a failed rollback)
        }
        log.error("unexpected failure", ex);
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                        "The service failed unexpectedly; the failure has been logged."));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(title);
        return problem;
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        String detail = errors.isEmpty() ? "The request is not valid."
                : errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse("") + ".";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}

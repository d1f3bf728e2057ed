package se.region.grantledger.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.region.grantledger.core.rules.DomainException;
import se.region.grantledger.core.rules.ExpectedVersion;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.NotAllowed;
import se.region.grantledger.core.rules.RuleViolation;
import se.region.grantledger.core.rules.StateConflict;
import se.region.grantledger.core.rules.UnknownEntity;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every refusal as an RFC 9457 problem: 400 malformed input (with the offending fields), 404 unknown ids,
 * 409 state conflicts, 422 broken rules. Each kind has a stable {@code type} URN that clients may rely on:
 * {@code urn:grant-ledger:rule:<rule>}, {@code urn:grant-ledger:conflict:<code>},
 * {@code urn:grant-ledger:invalid:<code>}, {@code urn:grant-ledger:not-found}. No stack trace ever leaves.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String URN = "urn:grant-ledger:";
    static final String RETRY_AFTER_SECONDS = "5";

    private final MeterRegistry metrics;

    ProblemResponses(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** Refusals by kind and code ({@code ledger.refusals}): which rules finance staff meet, and how often. */
    private void count(String kind, String code) {
        metrics.counter("ledger.refusals", "kind", kind, "code", code).increment();
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolated(RuleViolation violation) {
        count("rule", violation.code());
        return ruleProblem(violation);
    }

    /** 422 naming the rule, its description and the figures; for filters as for controllers. */
    public static ProblemDetail ruleProblem(RuleViolation violation) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "rule:" + violation.code(),
                violation.rule().description(), violation.getMessage());
        problem.setProperty("rule", violation.code());
        problem.setProperty("figures", violation.figures());
        return problem;
    }

    @ExceptionHandler(StateConflict.class)
    ProblemDetail conflict(StateConflict conflict) {
        count("conflict", conflict.code());
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict:" + conflict.code(),
                "The case's state does not allow this", conflict.getMessage());
        addFigures(problem, conflict);
        return problem;
    }

    @ExceptionHandler(ExpectedVersion.StaleVersion.class)
    ProblemDetail staleVersion(ExpectedVersion.StaleVersion stale) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "conflict:stale-version",
                "The case has changed since it was read", stale.getMessage());
        addFigures(problem, stale);
        return problem;
    }

    @ExceptionHandler(NotAllowed.class)
    ProblemDetail notAllowed(NotAllowed notAllowed) {
        count("forbidden", notAllowed.code());
        return problem(HttpStatus.FORBIDDEN, "forbidden:" + notAllowed.code(), "Not allowed", notAllowed.getMessage());
    }

    @ExceptionHandler(InvalidValue.class)
    ProblemDetail invalid(InvalidValue invalid) {
        count("invalid", invalid.code());
        return problem(HttpStatus.BAD_REQUEST, "invalid:" + invalid.code(), "Invalid input", invalid.getMessage());
    }

    @ExceptionHandler(UnknownEntity.class)
    ProblemDetail unknownEntity(UnknownEntity unknown) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", unknown.getMessage());
        addFigures(problem, unknown);
        return problem;
    }

    @ExceptionHandler(Rebuilding.class)
    ResponseEntity<ProblemDetail> rebuilding(Rebuilding rebuilding) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "rebuilding", "Projections are being rebuilt",
                rebuilding.getMessage());
        problem.setProperty("processed", rebuilding.progress().processed());
        problem.setProperty("total", rebuilding.progress().total());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10").body(problem);
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound notFound) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", notFound.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException notFound) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no case " + notFound.getAggregateIdentifier());
    }

    /** Two writes raced on one case and this one lost; nothing of it was stored. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentWrite(ConcurrencyException race) {
        return problem(HttpStatus.CONFLICT, "conflict:concurrent-write", "Concurrent write",
                "another write to this case was stored first; read it again and retry");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException violation) {
        return invalidRequest("the request has invalid parameters", violation.getConstraintViolations().stream()
                .map(v -> fieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        String detail = "parameter '" + mismatch.getName() + "' cannot be '" + mismatch.getValue() + "'";
        if (mismatch.getRequiredType() != null && mismatch.getRequiredType().isEnum()) {
            detail += "; expected one of " + Arrays.toString(mismatch.getRequiredType().getEnumConstants());
        }
        return invalidRequest(detail, List.of(fieldError(mismatch.getName(), detail)));
    }

    /**
     * A path id that names a case of another kind, given to a write only the path's kind has (a business support's
     * id on a commercial-service decision): the cases are one polymorphic aggregate (docs/adr/0013), Axon loads the
     * business support and finds no handler for the command in it, before any interceptor runs. For this kind of
     * case there is no such id. (A command no aggregate handles at all would land here too; every endpoint's command
     * is exercised by the authorization matrix, so that cannot ship.)
     */
    @ExceptionHandler(NoHandlerForCommandException.class)
    ProblemDetail caseOfAnotherKind(NoHandlerForCommandException mismatch) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no case of this kind has that id");
    }

    /**
     * A path id that names a stream of another kind (a project's endpoint given a frame's or a currency's id):
     * Axon finds events none of the aggregate's handlers know, so for this kind of case there is no such id.
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ProblemDetail otherKindOfStream(IncompatibleAggregateException mismatch) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no case of this kind has that id");
    }

    @ExceptionHandler(CommandSender.Busy.class)
    ResponseEntity<ProblemDetail> busy(CommandSender.Busy busy) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "The ledger is busy", busy.getMessage()));
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformedMultipart(MultipartException malformed) {
        return unsupportedMediaType();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        if (DatabaseFailures.unavailable(failure)) {
            log.warn("Database unavailable: {}", failure.toString());
            return databaseUnavailable();
        }
        Optional<String> outOfRange = DatabaseFailures.valueOutOfRange(failure);
        if (outOfRange.isPresent()) {
            log.info("A value the database cannot hold was refused: {}", outOfRange.get());
            return ResponseEntity.badRequest().body(invalidRequest("a value is out of the range the ledger can store: "
                    + outOfRange.get(), List.of()));
        }
        log.error("Unexpected failure", failure);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Internal error",
                "the ledger could not complete the request; nothing was recorded unless a later read shows it"));
    }

    /** The database cannot be reached: nothing was stored; the client may try again shortly. */
    public static ResponseEntity<ProblemDetail> databaseUnavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(databaseUnavailableProblem());
    }

    public static ProblemDetail databaseUnavailableProblem() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "The ledger's database cannot be reached",
                "nothing was recorded; try again in a few seconds");
    }

    public static ProblemDetail unsupportedMediaType() {
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid:media-type",
                "Unsupported media type", "the API reads request bodies as application/json");
        problem.setProperty("supported", List.of(MediaType.APPLICATION_JSON_VALUE));
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(invalidRequest("the request body has invalid fields",
                invalid.getBindingResult().getFieldErrors().stream()
                        .map(e -> fieldError(e.getField(), e.getDefaultMessage())).toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        return ResponseEntity.badRequest().body(invalidRequest("the request has invalid parameters",
                invalid.getParameterValidationResults().stream()
                        .flatMap(result -> result.getResolvableErrors().stream()
                                .map(error -> fieldError(result.getMethodParameter().getParameterName(),
                                        error.getDefaultMessage())))
                        .toList()));
    }

    /** Unreadable bodies: name the field and say what was wrong with it, without Java class names. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = unreadable.getCause();
        for (Throwable reason = cause; reason != null; reason = reason.getCause()) {
            if (reason instanceof se.region.grantledger.web.input.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                        "invalid:too-large", "Request too large", tooLarge.getMessage()));
            }
        }
        String field = null;
        String message = "the request body is not valid JSON";
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            message = describe(mapping);
        } else if (cause instanceof JsonProcessingException parsing && parsing.getLocation() != null) {
            message = "malformed JSON at line " + parsing.getLocation().getLineNr() + ", column "
                    + parsing.getLocation().getColumnNr();
        }
        return ResponseEntity.badRequest().body(field == null
                ? invalidRequest(message, List.of())
                : invalidRequest(field + ": " + message, List.of(fieldError(field, message))));
    }

    private static String describe(JsonMappingException mapping) {
        Throwable root = mapping;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof InvalidValue invalid) {
            return invalid.getMessage();
        }
        if (mapping instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (mapping instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + format.getValue() + "' is not one of " + Arrays.toString(target.getEnumConstants());
            }
            if (target == java.time.LocalDate.class) {
                return "'" + format.getValue() + "' is not a date (YYYY-MM-DD)";
            }
            if (target == java.math.BigDecimal.class) {
                return "'" + format.getValue() + "' is not an amount (a number of kronor, at most two decimals)";
            }
            return "'" + format.getValue() + "' is not a valid value";
        }
        return "invalid value";
    }

    /** Every 400 for malformed input looks the same: one type, and the offending fields under "errors". */
    private static ProblemDetail invalidRequest(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid:request", "Invalid request", detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** Problems written outside the controllers (filters, security) look the same as theirs. */
    public static void write(jakarta.servlet.http.HttpServletResponse response, com.fasterxml.jackson.databind.ObjectMapper json,
                             ProblemDetail problem) throws java.io.IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(URN + type));
        problem.setTitle(title);
        return problem;
    }

    private static void addFigures(ProblemDetail problem, DomainException exception) {
        if (!exception.figures().isEmpty()) {
            problem.setProperty("figures", exception.figures());
        }
    }

    private static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}

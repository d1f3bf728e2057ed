package se.region.grantledger.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside the controllers (the servlet container, Spring Security's firewall refusing an encoded
 * {@code ..} or a NUL in a URL) reach {@code /error}; they answer as problems too, never with Spring Boot's own
 * error map or a stack trace.
 */
@Hidden
@RestController
class ServletErrors implements ErrorController {

    @RequestMapping(value = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer number && HttpStatus.resolve(number) != null
                ? HttpStatus.valueOf(number) : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is4xxClientError() ? "the request cannot be read as sent: " + status.getReasonPhrase()
                : "the ledger could not complete the request; nothing was recorded unless a later read shows it";
        ProblemDetail problem = ProblemResponses.problem(status, status.is4xxClientError() ? "invalid:request" : "internal",
                status.getReasonPhrase(), detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

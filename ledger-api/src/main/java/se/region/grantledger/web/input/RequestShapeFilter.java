package se.region.grantledger.web.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import se.region.grantledger.core.rules.Text;
import se.region.grantledger.web.ProblemResponses;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, before any controller runs, what no endpoint can take: a body that is not JSON (415, also for
 * malformed or wildcard content types and multipart without a boundary, which would otherwise fail deep in the
 * servlet), a body over {@link #MAX_BODY_BYTES} (413), and a path or query holding text the ledger cannot store
 * (400). Runs after sign-in, so a stranger still gets 401 first.
 */
@Component
@Order(0)
public class RequestShapeFilter extends OncePerRequestFilter {

    /** A request of the ledger is a few kilobytes; a whole financing plan with conditions stays far below this. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** The one upload (docs/import.md): a workbook of a region's earlier books, sent as multipart/form-data. */
    static final String IMPORTS = "/api/imports";
    static final long MAX_IMPORT_BYTES = 256L * 1024 * 1024;

    private final ObjectMapper json;

    public RequestShapeFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String unreadable = unreadablePathOrQuery(request);
        if (unreadable != null) {
            write(response, ProblemResponses.problem(HttpStatus.BAD_REQUEST, "invalid:request", "Invalid request",
                    unreadable));
            return;
        }
        boolean upload = "POST".equals(request.getMethod()) && IMPORTS.equals(request.getRequestURI());
        long limit = upload ? MAX_IMPORT_BYTES : MAX_BODY_BYTES;
        if (request.getContentLengthLong() > limit) {
            write(response, ProblemResponses.problem(HttpStatus.PAYLOAD_TOO_LARGE, "invalid:too-large", "Request too large",
                    "a request body has at most " + limit + " bytes; this one has " + request.getContentLengthLong()));
            return;
        }
        if (hasBody(request) && !(upload ? isMultipart(request.getContentType()) : isJson(request.getContentType()))) {
            write(response, ProblemResponses.unsupportedMediaType());
            return;
        }
        chain.doFilter(hasBody(request) ? BodyTooLarge.limited(request, limit) : request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
                && request.getContentType() != null;
    }

    /** multipart/form-data with its boundary: the parts of an upload, nothing else. */
    private static boolean isMultipart(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(type) && type.getParameter("boundary") != null
                    && !type.getParameter("boundary").isBlank();
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype()
                    && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || "application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    private static String unreadablePathOrQuery(HttpServletRequest request) {
        try {
            String path = URLDecoder.decode(request.getRequestURI().replace("+", "%2B"), StandardCharsets.UTF_8);
            String problem = Text.problem(path);
            if (problem != null) {
                return "the path " + problem;
            }
            if (request.getQueryString() != null) {
                problem = Text.problem(URLDecoder.decode(request.getQueryString(), StandardCharsets.UTF_8));
                if (problem != null) {
                    return "the query " + problem;
                }
            }
            return null;
        } catch (IllegalArgumentException malformed) {
            return "the path or query is not properly percent-encoded";
        }
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        ProblemResponses.write(response, json, problem);
    }
}

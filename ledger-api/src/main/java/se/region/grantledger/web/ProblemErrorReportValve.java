package se.region.grantledger.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat refuses some URLs before any servlet sees them (an encoded NUL or backslash, a broken percent-escape)
 * and writes its own HTML page. This valve writes those refusals as problems like every other refusal.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                String type = status < 500 ? "invalid:request" : "internal";
                String detail = status < 500 ? "the request's URL or headers cannot be read as sent"
                        : "the ledger could not complete the request; nothing was recorded unless a later read shows it";
                writer.write("{\"type\":\"urn:grant-ledger:" + type + "\",\"title\":\"Invalid request\",\"status\":"
                        + status + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client has gone; nothing more to say
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Installation {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsForTomcatsOwnRefusals() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}

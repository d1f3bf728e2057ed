package se.region.grantledger.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.Require;
import se.region.grantledger.core.rules.Text;

import java.io.IOException;
import java.time.LocalDate;

/**
 * How the API reads JSON: a key given twice is malformed (which of the two would the client mean?), every text
 * value is storable text ({@link Text}), and every date a business date the ledger can mean ({@link Require}).
 * Refused here, such values never reach a command, an event or a read-model table that cannot hold them.
 * Only the API's mapper: stored events are read by their own mapper and are never refused.
 */
@Configuration(proxyBeanMethods = false)
public class RequestJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequests() {
        return builder -> builder
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .deserializerByType(String.class, new StorableText())
                .deserializerByType(LocalDate.class, new BusinessDate())
                .deserializerByType(Money.class, new Amount<>(Money.class, Money::ofSekWithinCap))
                .deserializerByType(Euro.class, new Amount<>(Euro.class, Euro::ofWithinCap));
    }

    /** Amounts a client sends are capped (Money.MAX_SEK); stored events are read by their own mapper, uncapped. */
    static final class Amount<T> extends StdScalarDeserializer<T> {
        private final java.util.function.Function<java.math.BigDecimal, T> create;

        Amount(Class<T> type, java.util.function.Function<java.math.BigDecimal, T> create) {
            super(type);
            this.create = create;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            java.math.BigDecimal amount = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            return refusedAsMapping(parser, () -> create.apply(amount));
        }
    }

    /** A value the ledger refuses, as Jackson reports a bad field: the API's 400 then names the field. */
    private static <T> T refusedAsMapping(JsonParser parser, java.util.function.Supplier<T> check)
            throws JsonMappingException {
        try {
            return check.get();
        } catch (InvalidValue refused) {
            throw JsonMappingException.from(parser, refused.getMessage(), refused);
        }
    }

    static final class StorableText extends StdScalarDeserializer<String> {
        StorableText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            return refusedAsMapping(parser, () -> Text.check(value, "the text"));
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    static final class BusinessDate extends StdScalarDeserializer<LocalDate> {
        BusinessDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (date == null || parser.currentToken() == JsonToken.VALUE_NULL) {
                return date;
            }
            return refusedAsMapping(parser, () -> Require.businessDate(date, "the date"));
        }
    }
}

package com.channelrouter.routing;

import com.channelrouter.support.UtcText;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The string, when present, must be an ISO-8601 date-time with a zone offset ("Z" or "+08:00"). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoInstant.Validator.class)
@interface IsoInstant {

    String message() default "must be an ISO-8601 instant with an offset between the years 2000 and 2199, "
            + "such as 2026-11-20T01:15:00Z or 2026-11-20T09:15:00+08:00";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Parses the same way the service later reads the value. */
    class Validator implements ConstraintValidator<IsoInstant, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value).isPresent();
        }

        /** Arrivals this far from now are typing mistakes, and their deadlines would not fit a DATETIME. */
        private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
        private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

        /** The common form ("…T…Z") is read by hand: each request reads its occurredAt three times. */
        static Optional<Instant> parse(String value) {
            Instant instant = UtcText.parseIso(value);
            if (instant == null) {
                try {
                    instant = OffsetDateTime.parse(value).toInstant();
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            }
            return instant.isBefore(EARLIEST) || !instant.isBefore(LATEST) ? Optional.empty() : Optional.of(instant);
        }
    }
}

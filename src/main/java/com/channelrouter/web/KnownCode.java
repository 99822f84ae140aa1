package com.channelrouter.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The string, when present, must be exactly one of the enum's codes (the contract's spelling). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownCode.Validator.class)
public @interface KnownCode {

    Class<? extends Enum<?>> value();

    String message() default "is not a known code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the code and names every allowed one in the message. */
    class Validator implements ConstraintValidator<KnownCode, String> {

        private String[] codes;

        @Override
        public void initialize(KnownCode annotation) {
            codes = Arrays.stream(annotation.value().getEnumConstants()).map(Enum::name).toArray(String[]::new);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // blank is "absent": whether the field is required is for @NotBlank or the class-level check to say
            if (value == null || value.isBlank() || Arrays.asList(codes).contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + Arrays.stream(codes).collect(Collectors.joining(", ")))
                    .addConstraintViolation();
            return false;
        }
    }
}

package com.channelrouter.routing;

import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.LeadStage;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fields required by the item type: a product for an OPPORTUNITY lead (the default stage), a fault
 * category for a FAULT. Reported on the missing field itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RoutableRequest.Validator.class)
@interface RoutableRequest {

    String message() default "is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the fields each item type requires. */
    class Validator implements ConstraintValidator<RoutableRequest, RoutingRequest> {
        @Override
        public boolean isValid(RoutingRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            boolean opportunity = isBlank(request.leadStage()) || LeadStage.OPPORTUNITY.name().equals(request.leadStage());
            if (ItemType.LEAD.name().equals(request.itemType()) && opportunity && isBlank(request.productCode())) {
                context.buildConstraintViolationWithTemplate("is required for an OPPORTUNITY lead (the default lead stage)")
                        .addPropertyNode("productCode").addConstraintViolation();
                valid = false;
            }
            if (ItemType.FAULT.name().equals(request.itemType()) && isBlank(request.faultCategory())) {
                context.buildConstraintViolationWithTemplate("is required for a FAULT")
                        .addPropertyNode("faultCategory").addConstraintViolation();
                valid = false;
            }
            return valid;
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}

package com.channelrouter.web;

import com.channelrouter.domain.Codes;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.lang.annotation.Annotation;
import java.util.ArrayList;

/**
 * Gives every {@link KnownCode} string its allowed codes as an enum in the API description, taken from the same
 * domain enum the validation checks, so the two never drift. The fields stay strings in Java so that an unknown
 * code is answered with a 400 naming the field rather than a parse error.
 */
final class OpenApiCodes implements PropertyCustomizer {

    @Override
    @SuppressWarnings("unchecked")
    public Schema customize(Schema property, AnnotatedType type) {
        if (type.getCtxAnnotations() == null) {
            return property;
        }
        for (Annotation annotation : type.getCtxAnnotations()) {
            if (annotation instanceof KnownCode code) {
                property.setEnum(new ArrayList<>(names(code.value())));
            }
        }
        return property;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static java.util.List<String> names(Class<? extends Enum<?>> type) {
        return Codes.names((Class) type);
    }
}

package com.channelrouter.web;

import com.channelrouter.domain.Codes;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every {@link KnownCode} string its allowed codes as an enum in the API description, taken from the same
 * domain enum the validation checks, so the two never drift. The fields stay strings in Java so that an unknown
 * code is answered with a 400 naming the field rather than a parse error.
 */
final class OpenApiCodes implements PropertyCustomizer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        if (type.getCtxAnnotations() != null) {
            for (Annotation annotation : type.getCtxAnnotations()) {
                if (annotation instanceof KnownCode code) {
                    property.setEnum(new ArrayList<>(codes((Class) code.value())));
                }
            }
        }
        return property;
    }

    private static <E extends Enum<E>> List<String> codes(Class<E> type) {
        return Codes.names(type);
    }
}

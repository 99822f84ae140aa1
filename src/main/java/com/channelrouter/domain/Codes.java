package com.channelrouter.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Looks codes up by their exact name, for input that must use the contract's spelling. */
public final class Codes {

    private Codes() {
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(code)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    public static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}

package com.channelrouter.tables;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The products business owners keep in the catalogue workbook, by code. */
public final class ProductCatalogue {

    private final Map<String, Product> byCode;
    private final List<Product> ordered;

    ProductCatalogue(List<Product> products) {
        Map<String, Product> map = new LinkedHashMap<>();
        products.forEach(p -> map.put(p.code(), p));
        this.byCode = Map.copyOf(map);
        this.ordered = List.copyOf(products);
    }

    public Optional<Product> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public Collection<Product> products() {
        return ordered;
    }
}

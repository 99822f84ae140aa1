package com.channelrouter.tables;

import com.channelrouter.domain.ProductCategory;

/** A catalogue product: its code, its name, its category and whether customers can open it online. */
public record Product(String code, String name, ProductCategory category, boolean openedOnline) {
}

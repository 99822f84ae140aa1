package com.channelrouter.tables;

import com.channelrouter.domain.ProductCategory;
import com.channelrouter.engine.Condition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the "Products" sheet: one row per product of the catalogue. */
final class ProductSheet {

    static final String SHEET = "Products";
    static final Column CODE = new Column("Code", "代码");
    static final Column NAME = new Column("Name", "名称");
    static final Column CATEGORY = new Column("Category", "类别");
    static final Column OPENED_ONLINE = new Column("Opened online", "可线上开通");

    private ProductSheet() {
    }

    static ProductCatalogue read(SheetCells sheet, TableProblems problems) {
        List<Product> products = new ArrayList<>();
        HeaderedSheet.locate(sheet, CODE, List.of(CODE, NAME, CATEGORY, OPENED_ONLINE, Column.NOTES), problems)
                .ifPresent(table -> {
                    Set<String> seen = new HashSet<>();
                    for (TableRecord record : table.records()) {
                        String code = code(record, CODE);
                        ProductCategory category = record.code(CATEGORY, ProductCategory.class, true);
                        Boolean online = record.yesNo(OPENED_ONLINE, false);
                        if (code == null) {
                            continue;
                        }
                        if (!seen.add(code)) {
                            record.error(CODE, code, "The product " + code + " is listed twice; keep one row.",
                                    "产品 " + code + " 重复出现，请只保留一行。");
                        } else if (category != null && online != null) {
                            products.add(new Product(code, record.text(NAME), category, online));
                        }
                    }
                });
        return new ProductCatalogue(products);
    }

    private static String code(TableRecord record, Column column) {
        String text = record.text(column);
        if (text == null) {
            record.error(column, null, "Every product needs a code.", "每个产品都需要代码。");
            return null;
        }
        String code = CodeNames.normalize(text);
        if (!Condition.PRODUCT_CODE.matcher(code).matches()) {
            record.error(column, text, "A product code has capital letters, digits and '_' only, starting with a letter (such as DEDICATED_LINE).",
                    "产品代码只能包含大写字母、数字和“_”，并以字母开头（如 DEDICATED_LINE）。");
            return null;
        }
        return code;
    }

    /** Product codes named in a condition cell; codes missing from the catalogue are warned about, not refused. */
    static Set<String> productCodes(TableRecord record, Column column, ProductCatalogue catalogue) {
        String text = record.text(column);
        Set<String> codes = new LinkedHashSet<>();
        if (TableRecord.meansAny(text)) {
            return codes;
        }
        for (String token : text.split("[,，、;；|/\\n]+")) {
            if (token.isBlank()) {
                continue;
            }
            String code = CodeNames.normalize(token);
            if (!Condition.PRODUCT_CODE.matcher(code).matches()) {
                record.error(column, token.strip(), "\"" + token.strip() + "\" is not a product code (capital letters, digits and '_').",
                        "“" + token.strip() + "”不是有效的产品代码（大写字母、数字和“_”）。");
                continue;
            }
            if (catalogue != null && !catalogue.contains(code)) {
                String hint = CodeNames.nearest(code, catalogue.products().stream().map(Product::code).toList())
                        .map(n -> " Did you mean " + n + "?").orElse("");
                record.warning(column, code, "The product " + code + " is not in the catalogue (sheet Products), so this row never matches it." + hint,
                        "产品 " + code + " 不在产品目录（Products 工作表）中，此行不会匹配该产品。"
                                + hint.replace(" Did you mean ", "您是否想输入 ").replace("?", "？"));
            }
            codes.add(code.toUpperCase(Locale.ROOT));
        }
        return codes;
    }
}

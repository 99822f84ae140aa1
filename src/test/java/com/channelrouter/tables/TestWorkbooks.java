package com.channelrouter.tables;

/** Changed copies of the shipped workbooks for tests outside this package. */
public final class TestWorkbooks {

    private TestWorkbooks() {
    }

    /** The shipped routing workbook with the owner of L6 (Routing LEAD!I9) changed. */
    public static byte[] routingWithL6OwnedBy(String channel) {
        return Workbooks.shipped().setText("routing.xlsx", "Routing LEAD", "I9", channel).bytes("routing.xlsx");
    }

    /** The shipped routing workbook with a Tests sheet of these rows, the first naming the columns. */
    public static byte[] routingWithTests(String[]... rows) {
        return Workbooks.shipped().addTable("routing.xlsx", "Tests", rows).bytes("routing.xlsx");
    }
}

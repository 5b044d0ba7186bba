package org.postpatch.fleet.render;

import java.util.ArrayList;
import java.util.List;

/** Columns aligned to their widest cell, for the terminal; the last column is never padded. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    /** A table with these headers; a header starting with '>' is right-aligned (the '>' is not shown). */
    TextTable(String... headers) {
        rightAligned = new boolean[headers.length];
        String[] shown = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].startsWith(">");
            shown[i] = rightAligned[i] ? headers[i].substring(1) : headers[i];
        }
        rows.add(shown);
    }

    TextTable row(String... cells) {
        if (cells.length != rightAligned.length) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + rightAligned.length);
        }
        rows.add(cells);
        return this;
    }

    /** The lines, each with this indent. */
    List<String> lines(String indent) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.length; i++) {
                boolean last = i == row.length - 1;
                String padding = " ".repeat(widths[i] - row[i].length());
                line.append(rightAligned[i] ? padding + row[i] : last ? row[i] : row[i] + padding);
                if (!last) {
                    line.append("  ");
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}

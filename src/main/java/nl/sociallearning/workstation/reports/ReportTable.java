package nl.sociallearning.workstation.reports;

import java.util.List;

/**
 * A table of a report: typed columns and rows of values (a cell may be null: nothing to show). Notes say what
 * was left out and why, e.g. groups too small to show.
 */
public record ReportTable(String key, String title, List<Column> columns, List<List<Object>> rows, List<String> notes) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + key + " has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
        }
    }

    public int columnIndex(String columnKey) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(columnKey)) {
                return i;
            }
        }
        return -1;
    }

    public boolean hasIdentifyingColumn() {
        return columns.stream().anyMatch(Column::identifying);
    }
}

package nl.sociallearning.workstation.files;

/**
 * One CSV cell as every export of the workstation writes it: defused if a spreadsheet would take it for a formula
 * (it starts with =, +, -, @, a tab or a carriage return: an apostrophe goes first), and quoted (quotes doubled)
 * if it holds the separator, a quote or a line break. Null is an empty cell.
 */
public final class CsvCell {

    private CsvCell() {
    }

    public static String of(String value, char separator) {
        return quoted(defused(value == null ? "" : value), separator);
    }

    /** Text that a spreadsheet would take for a formula starts with an apostrophe instead. */
    public static String defused(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** Quotes a cell that holds the separator, a quote or a line break. */
    public static String quoted(String text, char separator) {
        if (text.indexOf(separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}

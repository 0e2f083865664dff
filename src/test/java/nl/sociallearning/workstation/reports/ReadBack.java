package nl.sociallearning.workstation.reports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/** Reads exported files back with real readers: Jackson's CSV parser, fastexcel's XLSX reader, PDFBox. */
final class ReadBack {

    private ReadBack() {
    }

    /** Every line of a CSV file as its fields, after checking (and removing) the UTF-8 byte-order mark. */
    static List<List<String>> csv(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 3 || (bytes[0] & 0xFF) != 0xEF || (bytes[1] & 0xFF) != 0xBB || (bytes[2] & 0xFF) != 0xBF) {
            throw new AssertionError("no UTF-8 byte-order mark at the start of " + file);
        }
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(';').withoutEscapeChar();
        List<List<String>> lines = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).with(schema).readValues(text)) {
            while (it.hasNext()) {
                lines.add(it.next());
            }
        }
        return lines;
    }

    /** The rows of the CSV table under a title: header → value, until the next empty line. */
    static List<Map<String, String>> csvTable(List<List<String>> lines, String title) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).size() == 1 && lines.get(i).get(0).equals(title)) {
                List<String> header = lines.get(i + 1);
                List<Map<String, String>> rows = new ArrayList<>();
                for (int j = i + 2; j < lines.size() && lines.get(j).size() == header.size(); j++) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int c = 0; c < header.size(); c++) {
                        row.put(header.get(c), lines.get(j).get(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
        throw new AssertionError("no table '" + title + "' in " + lines);
    }

    /** A sheet's rows as header → cell (the first row is the header). */
    static List<Map<String, Cell>> xlsx(Path file, String sheet) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            List<Row> rows = wb.findSheet(sheet).orElseThrow(() -> new AssertionError("no sheet " + sheet)).read();
            List<String> header = new ArrayList<>();
            for (Cell c : rows.get(0)) {
                header.add(c == null ? "" : c.getText());
            }
            List<Map<String, Cell>> out = new ArrayList<>();
            for (Row r : rows.subList(1, rows.size())) {
                if (r.getCellCount() == 0 || r.getCell(0) == null || r.getCellCount() < header.size() && r.getCellCount() == 1) {
                    continue;
                }
                Map<String, Cell> row = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    row.put(header.get(c), c < r.getCellCount() ? r.getCell(c) : null);
                }
                out.add(row);
            }
            return out;
        }
    }

    static List<String> sheetNames(Path file) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            return wb.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList();
        }
    }

    /** The XML of the n-th worksheet (1-based), for what the reader does not expose (frozen panes, widths). */
    static String sheetXml(Path file, int n) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var entry = zip.getEntry("xl/worksheets/sheet" + n + ".xml");
            return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

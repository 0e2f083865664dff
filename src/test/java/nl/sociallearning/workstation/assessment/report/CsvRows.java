package nl.sociallearning.workstation.assessment.report;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The assessment exports' CSV read back as a spreadsheet would: with Jackson's CSV parser, after the byte-order mark. */
public final class CsvRows {

    private CsvRows() {
    }

    /** Parses with ; as separator and " as quote; the file must start with a UTF-8 byte-order mark. */
    public static List<List<String>> parse(byte[] csv) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(';').withQuoteChar('"');
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(schema).readValues(text.substring(1))) {
            while (it.hasNext()) {
                rows.add(Arrays.asList(it.next()));
            }
        }
        return rows;
    }
}

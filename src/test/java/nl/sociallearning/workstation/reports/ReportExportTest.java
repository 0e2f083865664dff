package nl.sociallearning.workstation.reports;

import nl.sociallearning.workstation.files.AtomicFile;
import nl.sociallearning.workstation.store.ReportRepository;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static nl.sociallearning.workstation.reports.ReportFixture.COURSE;
import static nl.sociallearning.workstation.reports.ReportFixture.OCTOBER;
import static nl.sociallearning.workstation.reports.ReportFixture.WHOLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reports exported from a real synced cache, read back with real readers and checked against the cache. */
class ReportExportTest {

    @TempDir
    static Path dir;
    static ReportFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = ReportFixture.start(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void theParticipantsCsvOpensInDutchExcelAndHoldsTheCachesFigures() throws Exception {
        Path out = dir.resolve("deelnemers.csv");
        f.exporter().export(f.request(ReportPreset.PARTICIPANTS, ReportFormat.CSV, PrivacyMode.IDENTIFIED, OCTOBER, out), (p, s) -> { });

        List<List<String>> lines = ReadBack.csv(out);
        assertThat(lines.get(0)).containsExactly("Activiteit per deelnemer");
        assertThat(lines.stream().map(l -> String.join(";", l)).toList())
                .contains("Doel;Verantwoording aan de opdrachtgever", "Privacy;Met namen")
                .anyMatch(l -> l.contains("niet bedoeld voor het beoordelen van het functioneren"));
        List<Map<String, String>> rows = ReadBack.csvTable(lines, "Deelnemers");
        Map<String, String[]> people = f.participants(COURSE);
        Map<String, Long> posts = f.postsByAuthor(COURSE, OCTOBER);
        Map<String, Long> reads = f.readsByParticipant(COURSE, OCTOBER);
        assertThat(rows).hasSize(people.size());
        Map<String, Map<String, String>> byName = new HashMap<>();
        rows.forEach(r -> byName.put(r.get("Naam"), r));
        int checked = 0;
        for (Map.Entry<String, String[]> p : people.entrySet()) {
            String name = p.getValue()[0];
            String shown = ReportFixture.FORMULA_NAMES.contains(name) ? "'" + name : name;
            Map<String, String> row = byName.get(shown);
            assertThat(row).as(name).isNotNull();
            assertThat(Long.parseLong(row.get("Berichten"))).as(name).isEqualTo(posts.getOrDefault(p.getKey(), 0L));
            assertThat(Long.parseLong(row.get("Gelezen"))).as(name).isEqualTo(reads.getOrDefault(p.getKey(), 0L));
            checked++;
        }
        assertThat(checked).isGreaterThan(200);
        assertThat(posts.values().stream().mapToLong(Long::longValue).sum()).as("there is activity in the period").isGreaterThan(100);
        // Formula-like names stay text: a leading apostrophe, the rest as it was.
        assertThat(byName).containsKeys("'=HYPERLINK(\"http://example.org\";\"klik\")", "'+31 6 1234 5678", "'-Min Teken", "'@Apenstaart");
        // Dates as dd-mm-jjjj.
        assertThat(byName.get("'@Apenstaart").get("Eerste bericht")).isEqualTo("07-10-2026");
    }

    @Test
    void theGroupsCsvUsesADecimalCommaAndMatchesTheCache() throws Exception {
        Path out = dir.resolve("groepen.csv");
        f.exporter().export(f.request(ReportPreset.GROUPS, ReportFormat.CSV, PrivacyMode.PSEUDONYMISED, WHOLE, out), (p, s) -> { });
        List<Map<String, String>> rows = ReadBack.csvTable(ReadBack.csv(out), "Groepen");
        Map<String, String[]> people = f.participants(COURSE);
        Map<String, Long> posts = f.postsByAuthor(COURSE, WHOLE);
        Map<String, Long> expected = people.entrySet().stream().collect(Collectors.groupingBy(e -> e.getValue()[1],
                Collectors.summingLong(e -> posts.getOrDefault(e.getKey(), 0L))));
        Map<String, Long> size = people.values().stream().collect(Collectors.groupingBy(v -> v[1], Collectors.counting()));
        assertThat(rows).hasSize(expected.size());
        for (Map<String, String> row : rows) {
            String g = row.get("Groep");
            assertThat(Long.parseLong(row.get("Berichten"))).as(g).isEqualTo(expected.get(g));
            assertThat(Long.parseLong(row.get("Mensen"))).as(g).isEqualTo(size.get(g));
            double perPerson = Math.round(100.0 * expected.get(g) / size.get(g)) / 100.0;
            assertThat(row.get("Berichten per persoon")).as(g).isEqualTo(dutch(perPerson));
        }
        assertThat(rows).anyMatch(r -> r.get("Berichten per persoon").contains(","));
        // In pseudonymised mode the group of one is shown (pseudonymised data is still personal data).
        assertThat(rows).anyMatch(r -> r.get("Groep").equals(ReportFixture.LONE_GROUP));
    }

    @Test
    void theXlsxHasTypedCellsAFrozenHeaderAndOneSheetPerTable() throws Exception {
        Path out = dir.resolve("deelnemers.xlsx");
        f.exporter().export(f.request(ReportPreset.PARTICIPANTS, ReportFormat.XLSX, PrivacyMode.PSEUDONYMISED, WHOLE, out), (p, s) -> { });
        assertThat(ReadBack.sheetNames(out)).containsExactly("Activiteit per deelnemer", "Deelnemers");
        List<Map<String, Cell>> rows = ReadBack.xlsx(out, "Deelnemers");
        Map<String, String[]> people = f.participants(COURSE);
        Map<String, Long> posts = f.postsByAuthor(COURSE, WHOLE);
        Pseudonyms pseudonyms = Pseudonyms.in(f.dataDir);
        Map<String, String> idOf = new HashMap<>();
        people.keySet().forEach(id -> idOf.put(pseudonyms.of(COURSE, id), id));
        assertThat(rows).hasSize(people.size());
        for (Map<String, Cell> row : rows) {
            String id = idOf.get(row.get("Pseudoniem").getText());
            assertThat(id).as("every pseudonym belongs to one participant").isNotNull();
            assertThat(row.get("Berichten").getType()).isEqualTo(CellType.NUMBER);
            assertThat(row.get("Berichten").asNumber().longValue()).isEqualTo(posts.getOrDefault(id, 0L));
            if (row.get("Eerste bericht") != null && row.get("Eerste bericht").getType() != CellType.EMPTY) {
                assertThat(row.get("Eerste bericht").asDate()).as("a real date").isNotNull();
            }
        }
        assertThat(rows).noneMatch(r -> people.values().stream().anyMatch(p -> p[0].equals(r.get("Pseudoniem").getText())));
        String sheet = ReadBack.sheetXml(out, 2);
        assertThat(sheet).contains("state=\"frozen\"").contains("<col ");
    }

    @Test
    void aggregateReportsNameNobodyAndLeaveOutGroupsSmallerThanFive() throws Exception {
        Map<String, String[]> people = f.participants(COURSE);
        Pseudonyms pseudonyms = Pseudonyms.in(f.dataDir);
        for (ReportPreset preset : ReportPreset.values()) {
            for (ReportFormat format : List.of(ReportFormat.CSV, ReportFormat.XLSX)) {
                Path out = dir.resolve("aggregate-" + preset.cliName() + "." + format.extension());
                Report report = f.exporter().export(f.request(preset, format, PrivacyMode.AGGREGATE, WHOLE, out), (p, s) -> { });
                assertThat(report.tables()).as(preset.name()).noneMatch(ReportTable::hasIdentifyingColumn);
                String text = format == ReportFormat.CSV ? Files.readString(out)
                        : String.join("\n", ReadBack.sheetNames(out).stream().flatMap(s -> rowsText(out, s)).toList());
                for (Map.Entry<String, String[]> p : people.entrySet()) {
                    String name = p.getValue()[0];
                    assertThat(text).as(preset + " " + format + " names nobody").doesNotContain(name)
                            .doesNotContain(pseudonyms.of(COURSE, p.getKey()));
                }
            }
        }
        // The thread its author named after herself keeps its words, not her name.
        assertThat(Files.readString(dir.resolve("aggregate-threads.csv"))).contains("[naam] [naam] vraagt: wie ruilt de nachtdienst van roos?")
                .contains("Namen in 1 titel vervangen door [naam].");
        List<Map<String, String>> groups = ReadBack.csvTable(ReadBack.csv(dir.resolve("aggregate-groups.csv")), "Groepen");
        assertThat(groups).isNotEmpty().noneMatch(r -> r.get("Groep").equals(ReportFixture.LONE_GROUP))
                .allMatch(r -> Long.parseLong(r.get("Mensen")) >= PrivacyMode.MIN_GROUP);
        assertThat(Files.readString(dir.resolve("aggregate-groups.csv"))).contains("1 groep van minder dan 5 mensen niet getoond.");
        List<Map<String, String>> spread = ReadBack.csvTable(ReadBack.csv(dir.resolve("aggregate-participants.csv")),
                "Verdeling van de deelname");
        assertThat(spread).allMatch(r -> Long.parseLong(r.get("Mensen")) >= PrivacyMode.MIN_GROUP);
        assertThat(spread.stream().mapToLong(r -> Long.parseLong(r.get("Mensen"))).sum())
                .as("bands shown plus hidden ones add up to at most everyone").isLessThanOrEqualTo(people.size());
    }

    @Test
    void pseudonymsAreStableAcrossRunsAndChangeWhenTheKeyIsRotated() throws Exception {
        Path data = dir.resolve("keys");
        Pseudonyms first = Pseudonyms.in(data);
        String a = first.of(COURSE, "p-1");
        String b = first.of(COURSE, "p-2");
        assertThat(a).matches("P-[0-9A-F]{10}").isNotEqualTo(b);
        assertThat(Pseudonyms.in(data).of(COURSE, "p-1")).as("a new run reads the same key").isEqualTo(a);
        assertThat(Pseudonyms.in(data).of("other-course", "p-1")).as("not linkable across courses").isNotEqualTo(a);
        assertThat(Files.readString(data.resolve(Pseudonyms.KEY_FILE))).doesNotContain("p-1");

        Pseudonyms.in(data).rotate();
        Pseudonyms after = Pseudonyms.in(data);
        assertThat(after.of(COURSE, "p-1")).isNotEqualTo(a);
        assertThat(after.of(COURSE, "p-2")).isNotEqualTo(b);
        assertThat(Pseudonyms.in(data).of(COURSE, "p-1")).as("stable again after the rotation").isEqualTo(after.of(COURSE, "p-1"));

        // Two exports of the same report give the same pseudonyms.
        Path one = dir.resolve("run1.csv");
        Path two = dir.resolve("run2.csv");
        f.exporter().export(f.request(ReportPreset.PARTICIPANTS, ReportFormat.CSV, PrivacyMode.PSEUDONYMISED, WHOLE, one), (p, s) -> { });
        f.exporter().export(f.request(ReportPreset.PARTICIPANTS, ReportFormat.CSV, PrivacyMode.PSEUDONYMISED, WHOLE, two), (p, s) -> { });
        assertThat(column(one, "Pseudoniem")).isEqualTo(column(two, "Pseudoniem")).hasSizeGreaterThan(200);
    }

    @Test
    void aCourseWithoutActivityGivesReportsOfZeros() throws Exception {
        for (ReportPreset preset : ReportPreset.values()) {
            Path out = dir.resolve("leeg-" + preset.cliName() + ".csv");
            f.exporter().export(new ReportRequest(ReportFixture.EMPTY, preset, ReportFormat.CSV, PrivacyMode.IDENTIFIED, WHOLE,
                    "Test", out), (p, s) -> { });
            assertThat(out).exists();
        }
        List<Map<String, String>> summary = ReadBack.csvTable(ReadBack.csv(dir.resolve("leeg-summary.csv")), "Kengetallen");
        Map<String, String> figures = summary.stream().collect(Collectors.toMap(r -> r.get("Kengetal"), r -> r.get("Waarde")));
        assertThat(figures).containsEntry("Ingeschreven deelnemers", "6").containsEntry("Berichten", "0")
                .containsEntry("Deelnemers zonder activiteit", "6").containsEntry("Tijd tot eerste reactie, mediaan (uur)", "");
        assertThat(Files.readString(dir.resolve("leeg-summary.csv"))).contains("Geen activiteit in deze periode.");
        assertThat(ReadBack.csvTable(ReadBack.csv(dir.resolve("leeg-participants.csv")), "Deelnemers")).hasSize(6)
                .allMatch(r -> r.get("Berichten").equals("0"));
        assertThat(ReadBack.csvTable(ReadBack.csv(dir.resolve("leeg-threads.csv")), "Discussies")).isEmpty();
    }

    @Test
    void anUnwritablePathIsAClearErrorAndLeavesNothing() throws Exception {
        Path missing = dir.resolve("no-such-folder").resolve("r.csv");
        assertThatThrownBy(() -> f.exporter().export(f.request(ReportPreset.SUMMARY, ReportFormat.CSV, PrivacyMode.AGGREGATE,
                WHOLE, missing), (p, s) -> { }))
                .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.kind()).isEqualTo(ReportException.Kind.CANNOT_WRITE))
                .hasMessageContaining("no-such-folder").hasMessageContaining("Er is niets achtergelaten");
        assertThat(missing.getParent()).doesNotExist();

        Path folder = Files.createDirectories(dir.resolve("a-folder.csv"));
        assertThatThrownBy(() -> f.exporter().export(f.request(ReportPreset.SUMMARY, ReportFormat.CSV, PrivacyMode.AGGREGATE,
                WHOLE, folder), (p, s) -> { })).isInstanceOf(ReportException.class).hasMessageContaining("a-folder.csv");

        Path locked = Files.createDirectories(dir.resolve("locked"));
        locked.toFile().setWritable(false, false);
        try {
            if (!Files.isWritable(locked)) { // root may write anywhere; then only the cases above apply
                assertThatThrownBy(() -> f.exporter().export(f.request(ReportPreset.SUMMARY, ReportFormat.CSV,
                        PrivacyMode.AGGREGATE, WHOLE, locked.resolve("r.csv")), (p, s) -> { }))
                        .isInstanceOf(ReportException.class).hasMessageContaining("geen toestemming");
            }
            try (Stream<Path> left = Files.list(locked)) {
                assertThat(left).isEmpty();
            }
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void aFullDiskLeavesNoPartialFileAndTheEarlierFileIntact() throws Exception {
        Path target = dir.resolve("full").resolve("rapport.xlsx");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "the report of last week");
        long logged = f.cache.reports().exports(COURSE).size();
        ReportExporter exporter = new ReportExporter(f.cache, Pseudonyms.in(f.dataDir), f.messages, ReportFixture.CLOCK,
                new AtomicFile(out -> new FullDisk(out, 4_000)));

        assertThatThrownBy(() -> exporter.export(f.request(ReportPreset.PARTICIPANTS, ReportFormat.XLSX,
                PrivacyMode.IDENTIFIED, WHOLE, target), (p, s) -> { }))
                .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.kind()).isEqualTo(ReportException.Kind.CANNOT_WRITE))
                .hasMessageContaining("de schijf is vol");
        assertThat(Files.readString(target)).isEqualTo("the report of last week");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("rapport.xlsx");
        }
        assertThat(f.cache.reports().exports(COURSE)).as("a failed export is not logged").hasSize((int) logged);
    }

    @Test
    void everyExportIsLoggedWithItsPurpose() throws Exception {
        Path out = dir.resolve("log.csv");
        f.exporter().export(new ReportRequest(COURSE, ReportPreset.WEEKS, ReportFormat.CSV, PrivacyMode.AGGREGATE, OCTOBER,
                "  Jaarverslag voor de ondernemingsraad  ", out), (p, s) -> { });
        ReportRepository.ExportEntry last = f.cache.reports().exports(COURSE).get(0);
        assertThat(last.purpose()).isEqualTo("Jaarverslag voor de ondernemingsraad");
        assertThat(last.preset()).isEqualTo("WEEKS");
        assertThat(last.mode()).isEqualTo("AGGREGATE");
        assertThat(last.format()).isEqualTo("CSV");
        assertThat(last.file()).isEqualTo(out.toAbsolutePath().toString());
        assertThat(last.from()).isEqualTo(OCTOBER.from());
        assertThat(last.exportedAt()).isEqualTo(ReportFixture.NOW);

        assertThatThrownBy(() -> f.exporter().export(new ReportRequest(COURSE, ReportPreset.WEEKS, ReportFormat.CSV,
                PrivacyMode.AGGREGATE, OCTOBER, " ", dir.resolve("nopurpose.csv")), (p, s) -> { }))
                .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.kind()).isEqualTo(ReportException.Kind.BAD_REQUEST));
        assertThat(dir.resolve("nopurpose.csv")).doesNotExist();
    }

    @Test
    void theWeeksAddUpToThePostsOfThePeriod() throws Exception {
        Path out = dir.resolve("weken.csv");
        f.exporter().export(f.request(ReportPreset.WEEKS, ReportFormat.CSV, PrivacyMode.AGGREGATE, OCTOBER, out), (p, s) -> { });
        List<Map<String, String>> weeks = ReadBack.csvTable(ReadBack.csv(out), "Weken");
        assertThat(weeks).extracting(r -> r.get("Week")).containsExactly("2026-W41", "2026-W42");
        long all = f.postsByAuthor(COURSE, OCTOBER).values().stream().mapToLong(Long::longValue).sum();
        assertThat(weeks.stream().mapToLong(r -> Long.parseLong(r.get("Berichten"))).sum()).isEqualTo(all);
    }

    @Test
    void anEmployersCourseDefaultsToAggregate() {
        assertThat(PrivacyMode.defaultFor(f.exporter().course(COURSE))).isEqualTo(PrivacyMode.AGGREGATE);
        assertThatThrownBy(() -> f.exporter().course("nope")).isInstanceOfSatisfying(ReportException.class,
                e -> assertThat(e.kind()).isEqualTo(ReportException.Kind.NO_SUCH_COURSE));
    }

    private static Stream<String> rowsText(Path xlsx, String sheet) {
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile())) {
            return wb.findSheet(sheet).orElseThrow().read().stream()
                    .flatMap(r -> r.stream().filter(java.util.Objects::nonNull).map(Cell::getText)).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> column(Path csv, String header) throws IOException {
        return ReadBack.csvTable(ReadBack.csv(csv), "Deelnemers").stream().map(r -> r.get(header)).toList();
    }

    private static String dutch(double v) {
        String s = new java.text.DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.forLanguageTag("nl-NL")))
                .format(v);
        return s;
    }

    /** A disk that fills up after some bytes, as a real one says it. */
    static final class FullDisk extends FilterOutputStream {
        private long left;

        FullDisk(OutputStream out, long capacity) {
            super(out);
            this.left = capacity;
        }

        @Override
        public void write(int b) throws IOException {
            if (--left < 0) {
                throw new IOException("No space left on device");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (left < len) {
                throw new IOException("No space left on device");
            }
            left -= len;
            out.write(b, off, len);
        }
    }

}

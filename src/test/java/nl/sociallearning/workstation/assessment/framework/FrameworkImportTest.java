package nl.sociallearning.workstation.assessment.framework;

import nl.sociallearning.workstation.assessment.framework.FrameworkImportException.Problem;
import nl.sociallearning.workstation.domain.assessment.Framework;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Frameworks from JSON and CSV; a bad file is refused with the line and field to fix, and nothing is made of it. */
class FrameworkImportTest {

    static final String CSV_HEADER = "framework,framework_title,kind,scale,pass_level,minimum_share,core_task,core_task_title,"
            + "work_process,work_process_title,criterion,criterion_text,critical\n";

    @Test
    void theShippedFrameworkReadsWithItsScaleRulesAndCriticalCriteria() {
        Framework f = ExampleFrameworks.verzorgendeIg();
        assertThat(f.code()).isEqualTo("VIG-B1");
        assertThat(f.scale().levels()).extracting(l -> l.code()).containsExactly("nooit", "oefenen", "voldoende", "goed");
        assertThat(f.rules().passLevel()).isEqualTo("voldoende");
        assertThat(f.rules().minimumSharePercent()).isEqualTo(75);
        assertThat(f.workProcesses()).extracting(w -> w.code())
                .containsExactly("B1-K1-W3", "B1-K1-W4", "B1-K1-W5", "B1-K2-W2", "B1-K3-W2");
        assertThat(f.criterion("B1-K1-W4-C1").orElseThrow().critical()).isTrue();
        assertThat(f.criterion("B1-K1-W3-C1").orElseThrow().critical()).isFalse();
    }

    @Test
    void aCsvFileGivesTheSameStructure() {
        String csv = CSV_HEADER
                + "EPA-X,Verpleegkunde EPA's,epa,epa-1-5,4,100,EPA,EPA's,EPA-1,Medicatie toedienen,EPA-1-a,Controleert de vijf juisten,ja\n"
                + ",,,,,,EPA,,EPA-1,,EPA-1-b,Tekent direct af,\n"
                + ",,,,,,EPA,,EPA-2,Overdracht,EPA-2-a,Draagt over volgens SBAR,nee\n";
        Framework f = FrameworkImport.csv(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(f.title()).isEqualTo("Verpleegkunde EPA's");
        assertThat(f.scale().levels()).hasSize(5);
        assertThat(f.workProcesses()).extracting(w -> w.code()).containsExactly("EPA-1", "EPA-2");
        assertThat(f.workProcess("EPA-1").orElseThrow().criteria()).hasSize(2);
        assertThat(f.criterion("EPA-1-a").orElseThrow().critical()).isTrue();
    }

    @Test
    void aDuplicateCodeInCsvNamesBothLines() {
        String csv = CSV_HEADER
                + "F,Titel,,onvoldoende-voldoende-goed,voldoende,,K1,Taak,W1,Proces,C1,Eerste,\n"
                + ",,,,,,K1,,W1,,C2,Tweede,\n"
                + ",,,,,,K1,,W1,,C1,Derde,\n";
        assertThatThrownBy(() -> FrameworkImport.csv(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.DUPLICATE_CODE);
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("criterion");
                    assertThat(e.detail()).isEqualTo("C1");
                    assertThat(e.otherLine()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("line 4").contains("criterion").contains("line 2");
                });
    }

    @Test
    void aMissingCriterionTextInCsvNamesLineAndField() {
        String csv = CSV_HEADER
                + "F,Titel,,onvoldoende-voldoende-goed,voldoende,,K1,Taak,W1,Proces,C1,Eerste,\n"
                + ",,,,,,K1,,W1,,C2,,\n";
        assertThatThrownBy(() -> FrameworkImport.csv(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MISSING_FIELD);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("criterion_text");
                });
    }

    @Test
    void anUnknownScaleIsRefusedOnItsLine() {
        String json = """
                {
                  "code": "F",
                  "title": "T",
                  "scale": "een-tot-tien",
                  "rules": { "passLevel": "6" },
                  "coreTasks": [ { "code": "K", "title": "k", "workProcesses": [
                     { "code": "W", "title": "w", "criteria": [ { "code": "C", "text": "c" } ] } ] } ]
                }
                """;
        assertThatThrownBy(() -> FrameworkImport.json(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_SCALE);
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("scale");
                    assertThat(e.getMessage()).contains("line 4").contains("scale").contains("een-tot-tien");
                });
    }

    @Test
    void aCriterionWithoutCodeInJsonIsRefusedOnTheCriterionsLine() {
        String json = """
                {
                  "code": "F", "title": "T", "scale": "onvoldoende-voldoende-goed",
                  "rules": { "passLevel": "voldoende" },
                  "coreTasks": [ { "code": "K", "title": "k", "workProcesses": [
                     { "code": "W", "title": "w", "criteria": [
                        { "code": "C1", "text": "een" },
                        { "text": "twee" } ] } ] } ]
                }
                """;
        assertThatThrownBy(() -> FrameworkImport.json(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MISSING_FIELD);
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.field()).isEqualTo("code");
                });
    }

    @Test
    void aScaleDefinedInTheFileCanBeUsedAndAPassLevelOffTheScaleIsRefused() {
        String json = """
                {
                  "code": "R", "title": "Rubric", "kind": "rubric", "scale": "drie",
                  "scales": [ { "code": "drie", "name": "Drie", "levels": [
                      { "code": "a", "label": "A" }, { "code": "b", "label": "B" }, { "code": "c", "label": "C" } ] } ],
                  "rules": { "passLevel": "%s" },
                  "coreTasks": [ { "code": "K", "title": "k", "workProcesses": [
                     { "code": "W", "title": "w", "criteria": [ { "code": "C", "text": "c", "critical": true } ] } ] } ]
                }
                """;
        Framework ok = FrameworkImport.json(json.formatted("b").getBytes(StandardCharsets.UTF_8));
        assertThat(ok.scale().code()).isEqualTo("drie");
        assertThatThrownBy(() -> FrameworkImport.json(json.formatted("z").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_LEVEL);
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.field()).isEqualTo("passLevel");
                });
    }

    @Test
    void aFileSavedInLatin1IsRefusedOnTheLineOfTheBrokenByte() {
        String csv = CSV_HEADER
                + "F,Titel,,onvoldoende-voldoende-goed,voldoende,,K1,Taak,W1,Proces,C1,Eerste,\n"
                + ",,,,,,K1,,W1,,C2,Past handhygiëne toe,\n";
        byte[] latin1 = csv.getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> FrameworkImport.csv(latin1))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.NOT_UTF8);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.detail()).contains("0xEB");
                });
    }

    @Test
    void brokenJsonSyntaxNamesItsLine() {
        String json = "{\n  \"code\": \"F\",\n  \"title\" \"T\"\n}";
        assertThatThrownBy(() -> FrameworkImport.json(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.NOT_JSON);
                    assertThat(e.line()).isEqualTo(3);
                });
    }

    @Test
    void aFrameworkFieldThatChangesHalfWayThroughACsvIsRefused() {
        String csv = CSV_HEADER
                + "F,Titel,,onvoldoende-voldoende-goed,voldoende,,K1,Taak,W1,Proces,C1,Eerste,\n"
                + ",,,goed-slecht,,,K1,,W1,,C2,Tweede,\n";
        assertThatThrownBy(() -> FrameworkImport.csv(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FrameworkImportException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.INCONSISTENT);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("scale");
                });
    }
}

package nl.sociallearning.workstation.assessment.agreement;

import nl.sociallearning.workstation.assessment.agreement.AgreementTables.CriterionRow;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables.PairRow;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables.WarningRow;
import nl.sociallearning.workstation.pdf.PdfBuilder;
import nl.sociallearning.workstation.pdf.PdfTable;
import nl.sociallearning.workstation.pdf.PdfTable.Column;
import nl.sociallearning.workstation.ui.Messages;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agreement figures as an A4 (landscape) PDF for a quality meeting: the selection they rest on and when it was
 * made, per pair of assessors over all criteria, per criterion, the signals, and the methods. The figures are the
 * page's own ({@link AgreementTables}), formatted the same way.
 */
public final class AgreementPdf {

    private AgreementPdf() {
    }

    /** Writes the document; the file appears whole or not at all. */
    public static void write(AgreementDocument doc, Locale locale, Path file) throws IOException {
        try (PdfBuilder pdf = build(doc, locale)) {
            pdf.writeTo(file);
        }
    }

    private static PdfBuilder build(AgreementDocument doc, Locale locale) {
        Messages t = AgreementDocument.texts(locale);
        AgreementTables tables = AgreementTables.of(doc.ratings(), doc.names(), locale);
        PdfBuilder pdf = PdfBuilder.a4Landscape();
        try {
            pdf.properties(t.get("agreementExport.title"), "");
            pdf.title(t.get("agreementExport.title"), List.of(t.get("agreementExport.subtitle", doc.assessments(), doc.assessors())));
            pdf.note(t.get("agreementExport.confidential"));

            pdf.heading(t.get("agreementExport.selection"));
            Map<String, String> facts = new LinkedHashMap<>();
            doc.facts(t).forEach(f -> facts.put(f.get(0), f.get(1)));
            pdf.facts(facts);
            if (tables.criteria().isEmpty() && tables.pairs().isEmpty()) {
                pdf.paragraph(t.get("agreementExport.empty"));
            }

            pdf.heading(t.get("agreementExport.pairs"));
            PdfTable pairs = PdfTable.of(Column.left(t.get("agreementExport.column.assessorA"), 2f), Column.left(t.get("agreementExport.column.assessorB"), 2f),
                    Column.right(t.get("agreementExport.column.units"), 1f), Column.right(t.get("agreementExport.column.exact"), 1f),
                    Column.right(t.get("agreementExport.column.withinOne"), 1.1f), Column.right(t.get("agreementExport.column.kappa"), 0.8f),
                    Column.right(t.get("agreementExport.column.kappaLinear"), 1f), Column.right(t.get("agreementExport.column.kappaQuadratic"), 1.2f),
                    Column.right(t.get("agreementExport.column.meanDifference"), 0.8f), Column.left(t.get("agreementExport.column.quality"), 2.6f)).fitContent();
            for (PairRow p : tables.pairs()) {
                if (p.criterionCode().isEmpty()) {
                    pairs.row(p.assessorA(), p.assessorB(), Integer.toString(p.units()), p.exact(), p.withinOne(), p.kappa(), p.kappaLinear(),
                            p.kappaQuadratic(), p.meanDifference(), AgreementDocument.reliability(t, p.quality(), p.fewUnits(), p.units()));
                }
            }
            pdf.table(pairs);

            pdf.heading(t.get("agreementExport.criteria"));
            PdfTable criteria = PdfTable.of(Column.left(t.get("agreementExport.column.criterion"), 2f), Column.right(t.get("agreementExport.column.units"), 1f),
                    Column.right(t.get("agreementExport.column.assessors"), 1.1f), Column.right(t.get("agreementExport.column.exact"), 1f),
                    Column.right(t.get("agreementExport.column.alphaNominal"), 1.1f), Column.right(t.get("agreementExport.column.alphaOrdinal"), 1.1f),
                    Column.right(t.get("agreementExport.column.alphaInterval"), 1.1f), Column.left(t.get("agreementExport.column.quality"), 2.6f)).fitContent();
            for (CriterionRow c : tables.criteria()) {
                criteria.row(c.criterionCode(), Integer.toString(c.units()), Integer.toString(c.assessors()), c.exact(), c.alphaNominal(),
                        c.alphaOrdinal(), c.alphaInterval(), AgreementDocument.reliability(t, c.quality(), c.fewUnits(), c.units()));
            }
            pdf.table(criteria);

            pdf.heading(t.get("agreementExport.signals"));
            if (tables.warnings().isEmpty()) {
                pdf.paragraph(t.get("agreementExport.signals.none"));
            } else {
                pdf.bullets(tables.warnings().stream().map(w -> signal(t, w)).toList());
            }

            pdf.heading(t.get("agreementExport.methods"));
            pdf.bullets(AgreementDocument.methods(t));
            pdf.footer(t.get("agreementExport.footer", doc.madeAt(t)), t.get("agreementExport.page"));
            return pdf;
        } catch (RuntimeException e) {
            pdf.close();
            throw e;
        }
    }

    private static String signal(Messages t, WarningRow w) {
        return t.get("agreementExport.signal." + w.kind().name()) + ": " + w.text();
    }
}

package nl.sociallearning.workstation.assessment;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import nl.sociallearning.workstation.assessment.exchange.ExchangeException;
import nl.sociallearning.workstation.assessment.flow.FlowException;
import nl.sociallearning.workstation.assessment.flow.JudgingWords;
import nl.sociallearning.workstation.assessment.framework.FrameworkExistsException;
import nl.sociallearning.workstation.assessment.framework.FrameworkImportException;
import nl.sociallearning.workstation.assessment.mapping.ReportExportException;
import nl.sociallearning.workstation.ui.Messages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Small shared pieces of the assessment screens: times, notes with their flagged words, refusals in words. */
final class Texts {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm");

    private final Messages messages;
    private final ZoneId zone;

    Texts(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    Messages messages() {
        return messages;
    }

    String clock(Instant at) {
        return at == null ? "–" : CLOCK.format(at.atZone(zone));
    }

    String day(Instant at) {
        return at == null ? "–" : DAY.format(at.atZone(zone));
    }

    /** A note's text with the judging words underlined; the hint says what to write instead. */
    Node note(String text) {
        List<JudgingWords.Flag> flags = JudgingWords.check(text);
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("wacker-note-text");
        int at = 0;
        for (JudgingWords.Flag f : flags) {
            if (f.start() > at) {
                flow.getChildren().add(plain(text.substring(at, f.start())));
            }
            Text word = plain(text.substring(f.start(), f.end()));
            word.getStyleClass().add("wacker-judging");
            word.setUnderline(true);
            flow.getChildren().add(word);
            at = f.end();
        }
        if (at < text.length()) {
            flow.getChildren().add(plain(text.substring(at)));
        }
        if (!flags.isEmpty()) {
            Tooltip.install(flow, new Tooltip(hint(flags)));
        }
        return flow;
    }

    private static Text plain(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("wacker-note-run");
        return t;
    }

    String hint(List<JudgingWords.Flag> flags) {
        return messages.get("wacker.notes.judging", String.join(", ", flags.stream().map(f -> "‘" + f.word() + "’").toList()));
    }

    /** A refusal or failure in the user's words. */
    String problem(Throwable t) {
        if (t instanceof FlowException f) {
            return messages.get("wacker.refused." + f.refusal().name(), f.subject());
        }
        if (t instanceof FrameworkImportException f) {
            return messages.get("wacker.import.failed", f.line(), f.field(), messages.get("wacker.import." + f.problem().name(), f.detail(), f.otherLine()));
        }
        if (t instanceof ExchangeException e) {
            return messages.get("wacker.exchange." + e.problem().name(), e.detail());
        }
        if (t instanceof ReportExportException e) {
            return messages.get("wacker.export." + e.reason().name(), e.file(), e.detail());
        }
        if (t instanceof FrameworkExistsException e) {
            return messages.get("wacker.import.exists", e.code());
        }
        return String.valueOf(t.getMessage());
    }

    static Label timeLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("wacker-time");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    static Label label(String text, String... styles) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styles);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}

package nl.sociallearning.workstation.feed;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.ui.Messages;

import java.text.NumberFormat;
import java.time.Duration;

/** The moderator indicators above the feed: time to first reply, open threads by age, who replies. */
final class IndicatorBar extends HBox {

    private final Messages messages;
    private final NumberFormat numbers;
    private final Label firstReply = value();
    private final Label open = value();
    private final Label share = value();

    IndicatorBar(FeedViewModel model, Messages messages, NumberFormat numbers) {
        super(10);
        this.messages = messages;
        this.numbers = numbers;
        getStyleClass().add("indicator-bar");
        getChildren().addAll(tile("indicators.firstReply", firstReply), tile("indicators.open", open),
                tile("indicators.replies", share));
        model.indicatorsProperty().addListener((obs, old, now) -> show(now));
        show(model.indicatorsProperty().get());
    }

    private void show(ModeratorIndicators i) {
        if (i == null) {
            return;
        }
        firstReply.setText(messages.get("indicators.firstReply.value", duration(i.medianFirstReply()),
                duration(i.p90FirstReply())));
        var age = i.openByAge();
        open.setText(messages.get("indicators.open.value", numbers.format(i.openTotal()),
                age.get(ModeratorIndicators.WaitBucket.UNDER_4_HOURS), age.get(ModeratorIndicators.WaitBucket.UNDER_1_DAY),
                age.get(ModeratorIndicators.WaitBucket.UNDER_3_DAYS), age.get(ModeratorIndicators.WaitBucket.LONGER)));
        share.setText(messages.get("indicators.replies.value", Math.round(i.moderatorShare() * 100),
                numbers.format(i.moderatorReplies()), numbers.format(i.moderatorReplies() + i.peerReplies())));
    }

    private String duration(Duration d) {
        if (d == null) {
            return "–";
        }
        if (d.toMinutes() < 60) {
            return messages.get("duration.minutes", d.toMinutes());
        }
        if (d.toHours() < 48) {
            return messages.get("duration.hours", d.toHours());
        }
        return messages.get("duration.days", d.toDays());
    }

    private VBox tile(String key, Label value) {
        Label name = new Label(messages.get(key));
        name.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox tile = new VBox(2, name, value);
        tile.getStyleClass().add("indicator-tile");
        tile.setAlignment(Pos.CENTER_LEFT);
        return tile;
    }

    private static Label value() {
        Label l = new Label("–");
        l.getStyleClass().add("indicator-value");
        return l;
    }
}

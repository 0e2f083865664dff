package nl.sociallearning.workstation.feed.html;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import nl.sociallearning.workstation.ui.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Posts as a moderator sees them: themed, bounded in nodes, links that only report the URL. */
@ExtendWith(ApplicationExtension.class)
class PostViewTest {

    static final Map<String, String> DUTCH = Map.of(PostView.SHOW_MORE, "meer tonen", PostView.IMAGE, "afbeelding",
            PostView.REMOVED, "verwijderd", PostView.SHORTENED, "Dit bericht is ingekort.");
    static final Function<String, String> WORDS = key -> DUTCH.getOrDefault(key, key);

    static final String LIST_POST = "<p>Hoi allemaal,</p><p>Na het gesprek met de familie van Daan heb ik drie dingen"
            + " geleerd 🙂</p><ol><li>eerst <b>luisteren</b>, dan pas het formulier</li><li><p>samen afspraken maken</p>"
            + "<p>Dat scheelt later veel gedoe.</p><ul><li>wie belt wie</li><li>wanneer we evalueren</li></ul></li>"
            + "<li>het verslag <i>dezelfde dag</i>"
            + " schrijven</li></ol><p>Zie ook <a href=\"https://www.example.org/vakliteratuur\">dit artikel over"
            + " gespreksvoering</a>.</p>";
    static final String QUOTE_POST = "<blockquote><p>Hoe gaan jullie om met ouders die de afspraken niet nakomen?</p>"
            + "</blockquote><p>Bij ons werkt een <u>vast</u> moment in de week goed. Het rooster zetten we zo in het"
            + " teamdocument:</p><pre>maandag   09:00  evaluatie\ndonderdag 15:30  ouderavond</pre>";
    static final String MIXED_POST = "<p dir=\"rtl\">مرحبا بالجميع، شكرا على المساعدة!</p><p>Kijk eens naar dit plaatje"
            + " <img src=\"https://tracker.example/x.png\" alt=\"foto van de moestuin\" onerror=\"alert(1)\"> en zeg"
            + " het maar.<script>alert(2)</script></p><iframe src=\"https://evil.example\"></iframe>";

    @Test
    void rendersRealisticPostsInTheThemeAndWritesTheScreenshot(FxRobot robot) throws Exception {
        List<String> clicked = new ArrayList<>();
        List<PostView> views = new ArrayList<>();
        Stage stage = show(() -> {
            VBox feed = new VBox(14);
            feed.setPadding(new Insets(18, 22, 18, 22));
            feed.getStyleClass().add("feed");
            String[][] posts = {
                    {"Sanne de Vries · leerjaar 2", LIST_POST},
                    {"Joris Bakker · begeleider", QUOTE_POST},
                    {"Fatima El Amrani · leerjaar 1", MIXED_POST},
                    {"Kees Jansen · leerjaar 3 (geplakt verslag)", hugeBody()}};
            for (String[] post : posts) {
                Label author = new Label(post[0]);
                author.setStyle("-fx-font-weight: bold; -fx-text-fill: -color-fg-muted;");
                PostView view = new PostView(PostHtml.parse(post[1]), clicked::add, WORDS);
                views.add(view);
                feed.getChildren().addAll(author, view, new Separator());
            }
            ScrollPane scroll = new ScrollPane(feed);
            scroll.setFitToWidth(true);
            return scroll;
        });

        PostView list = views.get(0);
        assertThat(flows(list)).hasSize(9);
        assertThat(texts(flows(list).get(2)).get(0)).as("first item's marker").isEqualTo("1.\u2002");
        assertThat(flows(list).get(4).getChildren().get(0).getStyleClass()).as("continuation").contains("post-list-marker-hidden");
        assertThat(VBox.getMargin(flows(list).get(5)).getLeft()).as("nested list indented deeper")
                .isGreaterThan(VBox.getMargin(flows(list).get(2)).getLeft());
        assertThat(views.get(1).getChildren()).anyMatch(n -> n.getStyleClass().contains("post-quote"))
                .anyMatch(n -> n.getStyleClass().contains("post-code"));
        PostView mixed = views.get(2);
        assertThat(mixed.getChildren().get(0).getNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(texts(mixed)).contains("[afbeelding: foto van de moestuin]", "[verwijderd: iframe]")
                .noneMatch(t -> t.contains("alert"));
        PostView huge = views.get(3);
        assertThat(huge.pagesShown()).isEqualTo(1);
        assertThat(huge.pageCount()).isGreaterThan(1);

        Screenshots.write(stage.getScene(), "post-rendering"); // before the click: no hover or focus on the link

        Hyperlink link = robot.lookup(".post-link").queryAs(Hyperlink.class);
        robot.moveTo(link);
        assertThat(link.getTooltip().getText()).as("made on the first hover").isEqualTo("https://www.example.org/vakliteratuur");
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clicked).containsExactly("https://www.example.org/vakliteratuur");
    }

    @Test
    void aHugePostShowsAPageAtATimeWithBoundedNodesAndEndsWithTheShortenedNote(FxRobot robot) throws Exception {
        PostContent content = PostHtml.parse(hugeBody());
        assertThat(content.truncated()).isTrue();
        AtomicReference<PostView> view = new AtomicReference<>();
        long start = System.nanoTime();
        show(() -> {
            view.set(new PostView(content, url -> { }, WORDS));
            ScrollPane scroll = new ScrollPane(view.get());
            scroll.setFitToWidth(true);
            return scroll;
        });
        long firstPageMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("huge post: %d pages, first page shown (built, styled, laid out) in %d ms, %d nodes%n",
                view.get().pageCount(), firstPageMillis, count(view.get()));

        assertThat(count(view.get())).as("nodes of the first page").isLessThan(6_000);
        assertThat(view.get().getChildren().size()).as("blocks of the first page").isLessThanOrEqualTo(2_001);
        int perPage = count(view.get());
        for (int page = 2; page <= view.get().pageCount(); page++) {
            Hyperlink more = robot.lookup(".post-show-more").queryAs(Hyperlink.class);
            assertThat(more.getText()).isEqualTo("meer tonen");
            robot.interact(more::fire);
            assertThat(view.get().pagesShown()).isEqualTo(page);
            assertThat(count(view.get())).isLessThan(page * perPage + 6_000);
        }
        assertThat(robot.lookup(".post-show-more").tryQuery()).isEmpty();
        assertThat(texts(view.get())).last().isEqualTo("Dit bericht is ingekort.");
        assertThat(texts(view.get()).stream().mapToInt(String::length).sum())
                .as("all text up to the cap is reachable").isGreaterThanOrEqualTo(PostHtml.MAX_TEXT_CHARS - 100);
    }

    @Test
    void pathologicalBodiesStayWithinTheNodeBudget(FxRobot robot) throws Exception {
        String[] bodies = {
                "<p>" + "<a href=\"https://example.org/x\">x</a> <b>y</b> ".repeat(20_000) + "</p>",
                "<p>x</p>".repeat(50_000),
                "<ul><li>x".repeat(5_000),
                "<p>" + "lang woord ".repeat(30_000) + "</p>"};
        show(() -> new PostView(PostHtml.parse(bodies[0]), url -> { }, WORDS)); // warms up: the figures are steady state
        for (String body : bodies) {
            PostContent content = PostHtml.parse(body);
            AtomicReference<PostView> view = new AtomicReference<>();
            long start = System.nanoTime();
            show(() -> {
                view.set(new PostView(content, url -> { }, WORDS));
                ScrollPane scroll = new ScrollPane(view.get());
                scroll.setFitToWidth(true);
                return scroll;
            });
            long millis = (System.nanoTime() - start) / 1_000_000;
            int nodes = count(view.get());
            System.out.printf("%.30s…: %d pages, first shown in %d ms with %d nodes%n", body, view.get().pageCount(), millis, nodes);
            assertThat(nodes).as(body.substring(0, 30)).isLessThan(6_000);
            assertThat(view.get().pageCount()).isGreaterThan(1);
        }
    }

    @Test
    void theDemoServersMessyBodiesRender(FxRobot robot) throws Exception {
        List<String> bodies = DemoMessyBodies.all();
        List<PostView> views = new ArrayList<>();
        show(() -> {
            VBox feed = new VBox(12);
            for (String body : bodies) {
                PostView view = new PostView(PostHtml.parse(body), url -> { }, WORDS);
                views.add(view);
                feed.getChildren().add(view);
            }
            return feed;
        });
        assertThat(views).hasSize(bodies.size()).allSatisfy(view -> assertThat(flows(view)).isNotEmpty());
        assertThat(views.stream().flatMap(view -> texts(view).stream()))
                .noneMatch(text -> text.contains("document.title") || text.contains("alert"));
    }

    /** A report pasted many times over: far past the text cap. */
    static String hugeBody() {
        StringBuilder html = new StringBuilder("<h2>Verslag stage week 1 tot en met 40</h2>");
        for (int week = 1; html.length() < 600_000; week++) {
            html.append("<p><b>Week ").append(week).append(".</b> Deze week heb ik met de familie gesproken over de")
                    .append(" afspraken. Het ging <i>beter</i> dan de vorige keer; we hebben samen een plan gemaakt")
                    .append(" en de dochter doet ook mee. Volgende week evalueren we met de begeleider.</p>");
        }
        return html.toString();
    }

    private Stage show(java.util.function.Supplier<Parent> root) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Scene scene = new Scene(root.get(), 700, 900);
            scene.getStylesheets().add(PostView.STYLESHEET);
            s.setScene(scene);
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    static List<TextFlow> flows(Parent parent) {
        List<TextFlow> flows = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof TextFlow flow) {
                flows.add(flow);
            }
        }
        return flows;
    }

    static List<String> texts(Parent parent) {
        List<String> texts = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Text text) {
                texts.add(text.getText());
            } else if (child instanceof Hyperlink link) {
                texts.add(link.getText());
            } else if (child instanceof Parent inner) {
                texts.addAll(texts(inner));
            }
        }
        return texts;
    }

    static int count(Node node) {
        int count = 1;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                count += count(child);
            }
        }
        return count;
    }
}

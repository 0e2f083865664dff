package nl.sociallearning.workstation.heatmap;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import nl.sociallearning.workstation.ui.Messages;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Draws a {@link NetworkPicture} on a canvas, on the same white paper as the heatmap: faint grey lines for
 * replies within a group, an orange band between two groups as wide as the replies between them; a ring for the
 * isolated, a pale dot for those who never posted, a square for moderators, a larger orange dot for the people
 * who connect groups. Hovering a person lights all their links; a click picks them (the view selects them).
 */
final class NetworkChart extends Region {

    private static final Color PAPER = Color.WHITE;
    private static final Color TEXT = Color.web("#1F2328");
    private static final Color MUTED = Color.web("#59636E");
    private static final Color DISC = Color.web("#F6F8FA");
    private static final Color DISC_EDGE = Color.web("#D1D9E0");
    private static final Color LINK = Color.web("#6E7781");
    private static final Color ACROSS = Color.web("#D4600A");
    private static final Color MEMBER = Color.web("#3B6FB6");
    private static final Color QUIET = Color.web("#AFB8C1");
    private static final Color ISOLATED = Color.web("#C62828");
    private static final Color MODERATOR = Color.web("#1F2328");
    private static final Color SELECTED = Color.web("#0969DA");

    private final Canvas canvas = new Canvas();
    /** The size painted on: the canvas's, or a larger image's while exporting. */
    private double width;
    private double height;
    private final Messages messages;
    private NetworkPicture picture;
    private Set<String> selected = Set.of();
    private int hover = -1;
    private Consumer<NetworkPicture.Node> onHover = n -> { };
    private Consumer<NetworkPicture.Node> onPick = n -> { };

    NetworkChart(Messages messages) {
        this.messages = messages;
        getChildren().add(canvas);
        getStyleClass().add("network-chart");
        canvas.setOnMouseMoved(e -> {
            int at = nodeAt(e.getX(), e.getY());
            if (at != hover) {
                hover = at;
                onHover.accept(at < 0 ? null : picture.nodes().get(at));
                paint();
            }
        });
        canvas.setOnMouseExited(e -> {
            hover = -1;
            onHover.accept(null);
            paint();
        });
        canvas.setOnMouseClicked(e -> {
            int at = nodeAt(e.getX(), e.getY());
            if (e.getButton() == MouseButton.PRIMARY && at >= 0) {
                onPick.accept(picture.nodes().get(at));
            }
        });
    }

    void setPicture(NetworkPicture p) {
        picture = p;
        hover = -1;
        paint();
    }

    void setSelected(Collection<String> participantIds) {
        selected = new HashSet<>(participantIds);
        paint();
    }

    void onHover(Consumer<NetworkPicture.Node> listener) { onHover = listener; }

    void onPick(Consumer<NetworkPicture.Node> listener) { onPick = listener; }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            paint();
        }
    }

    // --- geometry ------------------------------------------------------------------------------------------------

    private static final double MARGIN = 28;
    /** Room beside the ring for the group names, which stand outside their discs. */
    private static final double LABEL_ROOM = 150;
    private static final double LEGEND = 34;

    private double scale() {
        double side = Math.min(width - 2 * LABEL_ROOM, height - 2 * MARGIN - 2 * 26 - LEGEND);
        return Math.max(1, side / (2 * picture.extent()));
    }

    private double sx(double x) { return width / 2 + x * scale(); }

    private double sy(double y) { return (height - LEGEND) / 2 + y * scale(); }

    private double dotRadius() {
        return Math.max(2, Math.min(7, scale() * NetworkPicture.SPACING * 0.32));
    }

    /** The node under the pointer, or -1. */
    int nodeAt(double x, double y) {
        if (picture == null) {
            return -1;
        }
        double reach = Math.max(5, dotRadius() + 2);
        int best = -1;
        double bestDistance = reach * reach;
        for (int i = 0; i < picture.nodes().size(); i++) {
            NetworkPicture.Node n = picture.nodes().get(i);
            double dx = sx(n.x()) - x;
            double dy = sy(n.y()) - y;
            double d = dx * dx + dy * dy;
            if (d <= bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** Where a node is drawn, in the chart's coordinates. */
    double[] positionOf(int node) {
        NetworkPicture.Node n = picture.nodes().get(node);
        return new double[] {sx(n.x()), sy(n.y())};
    }

    // --- painting ------------------------------------------------------------------------------------------------

    void paint() {
        width = canvas.getWidth();
        height = canvas.getHeight();
        paint(canvas.getGraphicsContext2D());
    }

    /** The picture as an image, {@code scale} times the size on screen, drawn anew (not enlarged pixels). */
    WritableImage render(int scale) {
        Canvas large = new Canvas(canvas.getWidth() * scale, canvas.getHeight() * scale);
        GraphicsContext g = large.getGraphicsContext2D();
        g.scale(scale, scale);
        int keep = hover;
        hover = -1;
        paint(g);
        hover = keep;
        return large.snapshot(null, null);
    }

    private void paint(GraphicsContext g) {
        double w = width;
        double h = height;
        g.setFill(PAPER);
        g.fillRect(0, 0, w, h);
        if (picture == null || w < 10 || h < 10) {
            return;
        }
        double s = scale();
        g.setLineWidth(1);
        for (NetworkPicture.Cluster c : picture.clusters()) {
            double r = c.radius() * s;
            g.setFill(DISC);
            g.fillOval(sx(c.x()) - r, sy(c.y()) - r, 2 * r, 2 * r);
            g.setStroke(DISC_EDGE);
            g.strokeOval(sx(c.x()) - r, sy(c.y()) - r, 2 * r, 2 * r);
        }
        double widest = picture.bridges().isEmpty() ? 1 : picture.bridges().get(picture.bridges().size() - 1).replies();
        for (NetworkPicture.Bridge b : picture.bridges()) {
            bridge(g, picture.clusters().get(b.a()), picture.clusters().get(b.b()), b.replies() / widest, s);
        }
        g.setLineWidth(0.7);
        g.setStroke(LINK.deriveColor(0, 1, 1, 0.25));
        for (NetworkPicture.Link l : picture.links()) {
            if (!l.across() && sameDisc(l)) {
                line(g, l);
            }
        }
        if (hover >= 0) {
            g.setStroke(SELECTED.deriveColor(0, 1, 1, 0.8));
            g.setLineWidth(1.4);
            for (NetworkPicture.Link l : picture.links()) {
                if (l.a() == hover || l.b() == hover) {
                    line(g, l);
                }
            }
        }
        double d = dotRadius();
        for (int i = 0; i < picture.nodes().size(); i++) {
            dot(g, picture.nodes().get(i), d, i == hover);
        }
        labels(g, s);
        legend(g, w, h, d);
    }

    private boolean sameDisc(NetworkPicture.Link l) {
        NetworkPicture.Node a = picture.nodes().get(l.a());
        NetworkPicture.Node b = picture.nodes().get(l.b());
        return (a.kind() == NetworkPicture.Kind.MODERATOR) == (b.kind() == NetworkPicture.Kind.MODERATOR)
                && java.util.Objects.equals(a.participant().group(), b.participant().group());
    }

    private void line(GraphicsContext g, NetworkPicture.Link l) {
        NetworkPicture.Node a = picture.nodes().get(l.a());
        NetworkPicture.Node b = picture.nodes().get(l.b());
        g.strokeLine(sx(a.x()), sy(a.y()), sx(b.x()), sy(b.y()));
    }

    /** A band from the rim of one disc to the rim of the other; {@code share}: of the widest band. */
    private void bridge(GraphicsContext g, NetworkPicture.Cluster a, NetworkPicture.Cluster b, double share, double s) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double length = Math.hypot(dx, dy);
        if (length <= a.radius() + b.radius()) {
            return;
        }
        double ux = dx / length;
        double uy = dy / length;
        g.setStroke(ACROSS.deriveColor(0, 1, 1, 0.18 + 0.5 * share));
        g.setLineWidth(1 + 9 * share);
        g.strokeLine(sx(a.x() + ux * a.radius()), sy(a.y() + uy * a.radius()),
                sx(b.x() - ux * b.radius()), sy(b.y() - uy * b.radius()));
    }

    private void dot(GraphicsContext g, NetworkPicture.Node n, double d, boolean hovered) {
        double x = sx(n.x());
        double y = sy(n.y());
        swatch(g, n.kind(), d, x, y);
        if (hovered || selected.contains(n.participant().id())) {
            double r = d * 1.35 + 3;
            g.setStroke(SELECTED);
            g.setLineWidth(2);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }

    /** Each group's name and counts outside its disc, away from the middle, so neighbours do not cover them. */
    private void labels(GraphicsContext g, double s) {
        for (NetworkPicture.Cluster c : picture.clusters()) {
            String name = c.moderators() ? messages.get("heatmap.network.moderators")
                    : c.group() == null ? messages.get("heatmap.network.noGroup") : c.group();
            String counts = messages.get("heatmap.network.cluster", c.members(), c.isolated());
            double length = Math.hypot(c.x(), c.y());
            double ux = length < 1e-9 ? 0 : c.x() / length;
            double uy = length < 1e-9 ? -1 : c.y() / length;
            double x = sx(c.x() + ux * c.radius()) + ux * 6;
            double y = sy(c.y() + uy * c.radius()) + uy * 6;
            g.setTextAlign(ux > 0.35 ? TextAlignment.LEFT : ux < -0.35 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            double top = uy > 0.35 ? y : uy < -0.35 ? y - 28 : y - 14;
            g.setTextBaseline(VPos.TOP);
            g.setFont(Font.font("System", FontWeight.BOLD, 12));
            g.setFill(TEXT);
            g.fillText(name, x, top);
            g.setFont(Font.font("System", 11));
            g.setFill(MUTED);
            g.fillText(counts, x, top + 14);
        }
    }

    private void legend(GraphicsContext g, double w, double h, double d) {
        double y = h - LEGEND / 2;
        double x = MARGIN;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        Font font = Font.font("System", 11);
        g.setFont(font);
        for (NetworkPicture.Kind k : NetworkPicture.Kind.values()) {
            swatch(g, k, d, x + 8, y);
            String text = messages.get("heatmap.network.kind." + k.name(), picture.count(k));
            g.setFill(MUTED);
            g.fillText(text, x + 20, y);
            x += 36 + width(text, font);
        }
        g.setStroke(ACROSS.deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(2);
        g.strokeLine(x, y, x + 22, y);
        g.setFill(MUTED);
        g.fillText(messages.get("heatmap.network.across"), x + 28, y);
    }

    private static double width(String text, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** The dot of a kind, centred on (x, y). */
    private void swatch(GraphicsContext g, NetworkPicture.Kind kind, double d, double x, double y) {
        switch (kind) {
            case ISOLATED -> {
                g.setStroke(ISOLATED);
                g.setLineWidth(1.6);
                g.strokeOval(x - d, y - d, 2 * d, 2 * d);
            }
            case QUIET -> {
                g.setFill(QUIET);
                g.fillOval(x - d * 0.7, y - d * 0.7, 1.4 * d, 1.4 * d);
            }
            case MODERATOR -> {
                g.setFill(MODERATOR);
                g.fillRect(x - d, y - d, 2 * d, 2 * d);
            }
            case CONNECTOR -> {
                double r = d * 1.35;
                g.setFill(ACROSS);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(PAPER);
                g.setLineWidth(1);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
            case MEMBER -> {
                g.setFill(MEMBER);
                g.fillOval(x - d, y - d, 2 * d, 2 * d);
            }
        }
    }
}

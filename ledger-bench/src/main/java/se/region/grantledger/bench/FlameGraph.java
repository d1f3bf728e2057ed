package se.region.grantledger.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A flame graph of where the service's CPU went: the execution samples of a Java Flight Recording (the JDK's
 * own profiler, {@code -XX:StartFlightRecording}), merged into one tree by thread kind and call stack and drawn as
 * an SVG, widest at the bottom. No profiler needs installing: the JDK records and reads the file.
 */
final class FlameGraph {

    private static final int WIDTH = 1800;
    private static final int ROW = 16;

    private FlameGraph() {
    }

    /** One frame of the merged tree: how many samples passed through it, and its callees by name. */
    private static final class Node {
        final String name;
        long samples;
        final Map<String, Node> callees = new TreeMap<>();

        Node(String name) {
            this.name = name;
        }
    }

    static long write(Path recording, Path svg, String title) throws IOException {
        Node root = new Node("all");
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            RecordedStackTrace stack = event.getStackTrace();
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || stack == null) {
                continue;
            }
            root.samples++;
            // the thread first (its number dropped): request threads, each processor's workers, the rest apart
            String thread = event.getThread("sampledThread") == null ? "?"
                    : event.getThread("sampledThread").getJavaName().replaceAll("\\d+", "N");
            Node node = root.callees.computeIfAbsent("thread " + thread, Node::new);
            node.samples++;
            List<RecordedFrame> frames = stack.getFrames();
            for (int i = frames.size() - 1; i >= 0; i--) {
                RecordedFrame frame = frames.get(i);
                String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                node = node.callees.computeIfAbsent(name, Node::new);
                node.samples++;
            }
        }
        int depth = depth(root);
        StringBuilder out = new StringBuilder();
        int height = (depth + 3) * ROW;
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"monospace\" font-size=\"11\">%n", WIDTH, height));
        out.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"13\" font-size=\"13\">%s (%d samples; hover a frame for its "
                + "name and share)</text>%n", escape(title), root.samples));
        draw(out, root, 0, WIDTH, height - ROW, root.samples);
        out.append("</svg>\n");
        Files.writeString(svg, out);
        return root.samples;
    }

    private static int depth(Node node) {
        int deepest = 0;
        for (Node callee : node.callees.values()) {
            deepest = Math.max(deepest, depth(callee));
        }
        return deepest + 1;
    }

    private static void draw(StringBuilder out, Node node, double x, double width, int y, long total) {
        if (width < WIDTH * 0.004) {
            return; // frames of less than 0.4 % of the samples would only make the file large, not clearer
        }
        double share = 100.0 * node.samples / total;
        out.append(String.format(Locale.ROOT, "<g><title>%s (%.2f %%)</title><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                        + "height=\"%d\" fill=\"%s\" stroke=\"white\" stroke-width=\"0.3\"/>", escape(node.name), share, x, y,
                width, ROW - 1, colour(node.name)));
        int fits = (int) (width / 7);
        if (fits > 3) {
            String label = node.name.length() <= fits ? node.name : node.name.substring(0, fits - 2) + "..";
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 2, y + ROW - 4, escape(label)));
        }
        out.append("</g>\n");
        double left = x;
        for (Node callee : node.callees.values()) {
            double calleeWidth = width * callee.samples / node.samples;
            draw(out, callee, left, calleeWidth, y - ROW, total);
            left += calleeWidth;
        }
    }

    /** The ledger's own code green, the JDK grey, PostgreSQL's driver blue, Axon and the rest warm. */
    private static String colour(String name) {
        if (name.startsWith("se.region.grantledger")) {
            return "#7fc97f";
        }
        if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
            return "#cccccc";
        }
        if (name.startsWith("org.postgresql")) {
            return "#80b1d3";
        }
        if (name.startsWith("org.axonframework")) {
            return "#fdb462";
        }
        int hash = Math.abs(name.hashCode() % 40);
        return String.format(Locale.ROOT, "hsl(%d, 80%%, 65%%)", 10 + hash);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

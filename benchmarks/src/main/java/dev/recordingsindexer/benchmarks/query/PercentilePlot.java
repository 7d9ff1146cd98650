package dev.recordingsindexer.benchmarks.query;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;

/**
 * Draws latency-by-percentile curves into a PNG with nothing but {@code java.awt} (headless): one
 * line per series, x on a "nines" axis (50, 90, 99, 99.9, 99.99, then the maximum), y in
 * milliseconds (logarithmic when the values span more than {@value #LOG_SCALE_RATIO}x), a legend
 * with each series' p99, and optional dashed threshold lines such as a target.
 */
final class PercentilePlot {

  /** One curve: latencies (ms) at points of the nines axis, and the maximum. */
  record Series(String name, double[] nines, double[] millis, double maxMillis, double p99Millis) {}

  /** A horizontal dashed line, e.g. a latency target. */
  record Threshold(String label, double millis) {}

  static final int WIDTH = 1000;
  static final int HEIGHT = 600;
  private static final double LOG_SCALE_RATIO = 30;
  private static final double MAX_NINES = 4;
  private static final double MAX_X = 5;
  private static final double MIN_X = nines(50);
  private static final int LEFT = 80;
  private static final int RIGHT = 250;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf), new Color(0x000000)
  };

  private PercentilePlot() {}

  /** Where percentile {@code p} (0..100) lies on the nines axis: -log10(1 - p/100). */
  static double nines(double p) {
    return -Math.log10(1 - p / 100);
  }

  /** The curve of a histogram of microseconds, sampled up to the percentile its count supports. */
  static Series series(String name, Histogram micros) {
    long count = micros.getTotalCount();
    double last = Math.min(MAX_NINES, count > 1 ? Math.log10(count) : MIN_X);
    List<double[]> points = new ArrayList<>();
    for (double x = MIN_X; x <= last + 1e-9; x += 0.05) {
      double p = 100 * (1 - Math.pow(10, -x));
      points.add(new double[] {x, micros.getValueAtPercentile(p) / 1000.0});
    }
    double[] xs = new double[points.size()];
    double[] ys = new double[points.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = points.get(i)[0];
      ys[i] = points.get(i)[1];
    }
    return new Series(
        name, xs, ys, micros.getMaxValue() / 1000.0, micros.getValueAtPercentile(99) / 1000.0);
  }

  /** Writes the plot to {@code file} (parent directories are created). */
  static void write(Path file, String title, List<Series> series, List<Threshold> thresholds)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = render(title, series, thresholds);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }

  static BufferedImage render(String title, List<Series> series, List<Threshold> thresholds) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      YAxis y = YAxis.fit(series, thresholds);
      drawFrame(g, title, y);
      for (Threshold threshold : thresholds) {
        drawThreshold(g, y, threshold);
      }
      for (int i = 0; i < series.size(); i++) {
        drawSeries(g, y, series.get(i), PALETTE[i % PALETTE.length]);
      }
      drawLegend(g, series);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void drawFrame(Graphics2D g, String title, YAxis y) {
    int plotRight = WIDTH - RIGHT;
    int plotBottom = HEIGHT - BOTTOM;
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.setColor(Color.BLACK);
    FontMetrics titleMetrics = g.getFontMetrics();
    g.drawString(title, (WIDTH - titleMetrics.stringWidth(title)) / 2, TOP - 20);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics m = g.getFontMetrics();
    String[] labels = {"50", "90", "99", "99.9", "99.99", "max"};
    double[] positions = {nines(50), nines(90), 2, 3, 4, MAX_X};
    for (int i = 0; i < labels.length; i++) {
      int px = xPixel(positions[i]);
      g.setColor(new Color(0xe0e0e0));
      g.drawLine(px, TOP, px, plotBottom);
      g.setColor(Color.BLACK);
      g.drawLine(px, plotBottom, px, plotBottom + 5);
      g.drawString(labels[i], px - m.stringWidth(labels[i]) / 2, plotBottom + 20);
    }
    for (double tick : y.ticks()) {
      int py = y.pixel(tick);
      g.setColor(new Color(0xe0e0e0));
      g.drawLine(LEFT, py, plotRight, py);
      g.setColor(Color.BLACK);
      g.drawLine(LEFT - 5, py, LEFT, py);
      String label =
          BigDecimal.valueOf(tick).round(new MathContext(3)).stripTrailingZeros().toPlainString();
      g.drawString(label, LEFT - 8 - m.stringWidth(label), py + m.getAscent() / 2 - 1);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plotRight - LEFT, plotBottom - TOP);
    String xLabel = "percentile";
    g.drawString(xLabel, LEFT + (plotRight - LEFT - m.stringWidth(xLabel)) / 2, HEIGHT - 15);
    String yLabel = y.log() ? "latency (ms, log scale)" : "latency (ms)";
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2);
    g.drawString(yLabel, -(TOP + (plotBottom - TOP + m.stringWidth(yLabel)) / 2), 20);
    g.setTransform(saved);
  }

  private static void drawThreshold(Graphics2D g, YAxis y, Threshold threshold) {
    int py = y.pixel(threshold.millis());
    g.setColor(new Color(0xcc0000));
    g.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0));
    g.drawLine(LEFT, py, WIDTH - RIGHT, py);
    g.setStroke(new BasicStroke(1));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.drawString(threshold.label(), LEFT + 6, py - 4);
  }

  private static void drawSeries(Graphics2D g, YAxis y, Series series, Color color) {
    g.setColor(color);
    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    Path2D.Double line = new Path2D.Double();
    for (int i = 0; i < series.nines().length; i++) {
      double px = xPixel(series.nines()[i]);
      double py = y.pixel(series.millis()[i]);
      if (i == 0) {
        line.moveTo(px, py);
      } else {
        line.lineTo(px, py);
      }
    }
    g.draw(line);
    if (series.nines().length > 0) {
      int lastX = xPixel(series.nines()[series.nines().length - 1]);
      int lastY = y.pixel(series.millis()[series.millis().length - 1]);
      g.setStroke(
          new BasicStroke(
              1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {3, 4}, 0));
      g.drawLine(lastX, lastY, xPixel(MAX_X), y.pixel(series.maxMillis()));
    }
    g.setStroke(new BasicStroke(1));
    int mx = xPixel(MAX_X);
    int my = y.pixel(series.maxMillis());
    g.fillOval(mx - 4, my - 4, 8, 8);
  }

  private static void drawLegend(Graphics2D g, List<Series> series) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics m = g.getFontMetrics();
    int x = WIDTH - RIGHT + 20;
    int yPos = TOP + 10;
    g.setColor(Color.BLACK);
    g.drawString("series (p99)", x, yPos);
    for (int i = 0; i < series.size(); i++) {
      yPos += m.getHeight() + 4;
      g.setColor(PALETTE[i % PALETTE.length]);
      g.setStroke(new BasicStroke(3));
      g.drawLine(x, yPos - m.getAscent() / 2, x + 24, yPos - m.getAscent() / 2);
      g.setStroke(new BasicStroke(1));
      g.setColor(Color.BLACK);
      Series s = series.get(i);
      g.drawString(s.name() + " (" + formatMillis(s.p99Millis()) + " ms)", x + 32, yPos);
    }
  }

  private static int xPixel(double nines) {
    double fraction = (nines - MIN_X) / (MAX_X - MIN_X);
    return (int) Math.round(LEFT + fraction * (WIDTH - RIGHT - LEFT));
  }

  static String formatMillis(double millis) {
    if (millis >= 100) {
      return String.format(Locale.ROOT, "%.0f", millis);
    }
    if (millis >= 10) {
      return String.format(Locale.ROOT, "%.1f", millis);
    }
    if (millis >= 0.1) {
      return String.format(Locale.ROOT, "%.2f", millis);
    }
    return String.format(Locale.ROOT, "%.3f", millis);
  }

  /** The y axis: its range, scale and ticks. */
  private record YAxis(double low, double high, boolean log, List<Double> ticks) {

    static YAxis fit(List<Series> series, List<Threshold> thresholds) {
      double min = Double.MAX_VALUE;
      double max = 0;
      for (Series s : series) {
        for (double v : s.millis()) {
          min = Math.min(min, v);
        }
        max = Math.max(max, s.maxMillis());
      }
      for (Threshold t : thresholds) {
        max = Math.max(max, t.millis());
        min = Math.min(min, t.millis());
      }
      if (max <= 0) {
        max = 1;
      }
      min = Math.max(min == Double.MAX_VALUE ? max / 10 : min, max / 1e6);
      if (max / Math.max(min, 1e-9) > LOG_SCALE_RATIO) {
        double low = Math.pow(10, Math.floor(Math.log10(min)));
        double high = Math.pow(10, Math.ceil(Math.log10(max)));
        List<Double> ticks = new ArrayList<>();
        for (double decade = low; decade <= high * 1.0001; decade *= 10) {
          for (double step : new double[] {1, 2, 5}) {
            double tick = decade * step;
            if (tick >= low && tick <= high * 1.0001) {
              ticks.add(tick);
            }
          }
        }
        return new YAxis(low, high, true, ticks);
      }
      double step = niceStep(max / 6);
      double high = Math.ceil(max * 1.05 / step) * step;
      List<Double> ticks = new ArrayList<>();
      for (int i = 0; i * step <= high * 1.0001; i++) {
        ticks.add(i * step);
      }
      return new YAxis(0, high, false, ticks);
    }

    int pixel(double millis) {
      double top = TOP;
      double bottom = HEIGHT - BOTTOM;
      double fraction =
          log
              ? (Math.log10(Math.max(millis, low)) - Math.log10(low))
                  / (Math.log10(high) - Math.log10(low))
              : (millis - low) / (high - low);
      return (int) Math.round(bottom - fraction * (bottom - top));
    }

    private static double niceStep(double raw) {
      double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
      double normalized = raw / magnitude;
      double nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10;
      return nice * magnitude;
    }
  }
}

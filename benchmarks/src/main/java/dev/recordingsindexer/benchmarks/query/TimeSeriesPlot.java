package dev.recordingsindexer.benchmarks.query;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws metrics over time into a PNG with {@code java.awt} (headless), as {@link PercentilePlot}
 * does: a grid of panels, each with its own y axis starting at 0 (so a flat line looks flat) and
 * one or more lines; x is minutes since the start. NaN values leave gaps.
 */
final class TimeSeriesPlot {

  /** One line: its name in the panel's legend and its points (x in minutes). */
  record Line(String name, double[] minutes, double[] values) {
    Line {
      if (minutes.length != values.length) {
        throw new IllegalArgumentException("need one value per time");
      }
    }
  }

  /** One panel of the grid. */
  record Panel(String title, List<Line> lines) {}

  static final int COLUMNS = 3;
  static final int PANEL_WIDTH = 520;
  static final int PANEL_HEIGHT = 300;
  static final int HEADER = 50;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 30;
  private static final int BOTTOM = 45;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728)
  };

  private TimeSeriesPlot() {}

  static int width() {
    return COLUMNS * PANEL_WIDTH;
  }

  static int height(int panels) {
    return HEADER + (panels + COLUMNS - 1) / COLUMNS * PANEL_HEIGHT;
  }

  /** Writes the plot to {@code file} (parent directories are created). */
  static void write(Path file, String title, List<Panel> panels) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = render(title, panels);
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }

  static BufferedImage render(String title, List<Panel> panels) {
    BufferedImage image =
        new BufferedImage(width(), height(panels.size()), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
      g.drawString(title, (image.getWidth() - g.getFontMetrics().stringWidth(title)) / 2, 30);
      double maxMinutes = 0;
      for (Panel panel : panels) {
        for (Line line : panel.lines()) {
          for (double x : line.minutes()) {
            maxMinutes = Math.max(maxMinutes, x);
          }
        }
      }
      for (int i = 0; i < panels.size(); i++) {
        int x0 = i % COLUMNS * PANEL_WIDTH;
        int y0 = HEADER + i / COLUMNS * PANEL_HEIGHT;
        drawPanel(g, x0, y0, panels.get(i), Math.max(maxMinutes, 1e-3));
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void drawPanel(Graphics2D g, int x0, int y0, Panel panel, double maxMinutes) {
    int left = x0 + LEFT;
    int right = x0 + PANEL_WIDTH - RIGHT;
    int top = y0 + TOP;
    int bottom = y0 + PANEL_HEIGHT - BOTTOM;
    double maxValue = 0;
    for (Line line : panel.lines()) {
      for (double v : line.values()) {
        if (!Double.isNaN(v)) {
          maxValue = Math.max(maxValue, v);
        }
      }
    }
    double yStep = niceStep(maxValue > 0 ? maxValue / 5 : 1);
    double yMax = Math.ceil(maxValue * 1.05 / yStep) * yStep;
    if (yMax <= 0) {
      yMax = yStep;
    }
    double xStep = niceStep(maxMinutes / 6);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.setColor(Color.BLACK);
    g.drawString(panel.title(), left, y0 + 18);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    FontMetrics m = g.getFontMetrics();
    for (double tick = 0; tick <= yMax * 1.0001; tick += yStep) {
      int py = (int) Math.round(bottom - tick / yMax * (bottom - top));
      g.setColor(new Color(0xe0e0e0));
      g.drawLine(left, py, right, py);
      g.setColor(Color.BLACK);
      String label = format(tick);
      g.drawString(label, left - 6 - m.stringWidth(label), py + m.getAscent() / 2 - 1);
    }
    for (double tick = 0; tick <= maxMinutes * 1.0001; tick += xStep) {
      int px = (int) Math.round(left + tick / maxMinutes * (right - left));
      g.setColor(new Color(0xe0e0e0));
      g.drawLine(px, top, px, bottom);
      g.setColor(Color.BLACK);
      String label = format(tick);
      g.drawString(label, px - m.stringWidth(label) / 2, bottom + 15);
    }
    g.drawString("minutes", (left + right - m.stringWidth("minutes")) / 2, bottom + 32);
    g.drawRect(left, top, right - left, bottom - top);
    int legendX = left + 8;
    for (int i = 0; i < panel.lines().size(); i++) {
      Line line = panel.lines().get(i);
      Color color = PALETTE[i % PALETTE.length];
      g.setColor(color);
      g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      Path2D.Double path = new Path2D.Double();
      boolean drawing = false;
      for (int k = 0; k < line.minutes().length; k++) {
        double v = line.values()[k];
        if (Double.isNaN(v)) {
          drawing = false;
          continue;
        }
        double px = left + line.minutes()[k] / maxMinutes * (right - left);
        double py = bottom - v / yMax * (bottom - top);
        if (drawing) {
          path.lineTo(px, py);
        } else {
          path.moveTo(px, py);
          drawing = true;
        }
      }
      g.draw(path);
      g.setStroke(new BasicStroke(1));
      if (panel.lines().size() > 1) {
        g.fillRect(legendX, top + 8, 14, 4);
        g.setColor(Color.BLACK);
        g.drawString(line.name(), legendX + 18, top + 14);
        legendX += 18 + m.stringWidth(line.name()) + 14;
      }
    }
  }

  private static String format(double value) {
    return BigDecimal.valueOf(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double normalized = raw / magnitude;
    double nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10;
    return nice * magnitude;
  }
}

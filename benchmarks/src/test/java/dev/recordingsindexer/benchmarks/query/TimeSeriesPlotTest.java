package dev.recordingsindexer.benchmarks.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.benchmarks.query.TimeSeriesPlot.Line;
import dev.recordingsindexer.benchmarks.query.TimeSeriesPlot.Panel;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesPlotTest {

  @TempDir Path dir;

  @Test
  void shouldWriteAPngOfTheSoakPanelsThatImageIoReadsBack() throws Exception {
    List<SoakSample> samples = new ArrayList<>();
    for (int t = 10; t <= 600; t += 10) {
      Map<SoakMetric, Double> values = new EnumMap<>(SoakMetric.class);
      for (SoakMetric metric : SoakMetric.values()) {
        values.put(metric, 100 + metric.ordinal() + Math.sin(t));
      }
      values.put(SoakMetric.HEAP_LIVE_AFTER_GC, Double.NaN);
      samples.add(new SoakSample(t, values));
    }
    List<Panel> panels = SoakPanels.of(samples);
    Path file = dir.resolve("nested/soak.png");

    TimeSeriesPlot.write(file, "Soak", panels);

    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(TimeSeriesPlot.width());
    assertThat(image.getHeight()).isEqualTo(TimeSeriesPlot.height(panels.size()));
  }

  @Test
  void shouldDrawEveryLineOfAPanelInItsOwnColour() {
    double[] minutes = {0, 1, 2, 3};
    Panel panel =
        new Panel(
            "memory",
            List.of(
                new Line("a", minutes, new double[] {10, 10, 10, 10}),
                new Line("b", minutes, new double[] {20, Double.NaN, 22, 23})));

    BufferedImage image = TimeSeriesPlot.render("t", List.of(panel));

    assertThat(countPixels(image, 0x1f77b4)).isGreaterThan(100);
    assertThat(countPixels(image, 0xff7f0e)).isGreaterThan(50);
  }

  @Test
  void shouldRefuseALineWithMoreTimesThanValues() {
    assertThatThrownBy(() -> new Line("x", new double[] {0, 1}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int countPixels(BufferedImage image, int rgb) {
    int count = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          count++;
        }
      }
    }
    return count;
  }
}

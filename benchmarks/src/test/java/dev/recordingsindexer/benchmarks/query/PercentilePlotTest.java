package dev.recordingsindexer.benchmarks.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.recordingsindexer.benchmarks.query.PercentilePlot.Series;
import dev.recordingsindexer.benchmarks.query.PercentilePlot.Threshold;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PercentilePlotTest {

  @TempDir Path dir;

  @Test
  void shouldWriteAPngThatImageIoReadsBackAtThePlotSize() throws Exception {
    Path file = dir.resolve("nested/plot.png");

    PercentilePlot.write(
        file,
        "List latency by query mix",
        List.of(series("room", 800, 300), series("unfiltered", 2500, 2000)),
        List.of(new Threshold("p99 target 5 ms", 5)));

    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(PercentilePlot.WIDTH);
    assertThat(image.getHeight()).isEqualTo(PercentilePlot.HEIGHT);
  }

  @Test
  void shouldDrawEachSeriesInItsOwnColour() {
    BufferedImage image =
        PercentilePlot.render(
            "t", List.of(series("a", 800, 300), series("b", 2500, 2000)), List.of());

    assertThat(countPixels(image, 0x1f77b4)).isGreaterThan(100);
    assertThat(countPixels(image, 0xff7f0e)).isGreaterThan(100);
  }

  @Test
  void shouldPlaceThePercentilesOnTheNinesAxis() {
    assertThat(PercentilePlot.nines(90)).isEqualTo(1.0, offset(1e-9));
    assertThat(PercentilePlot.nines(99.9)).isEqualTo(3.0, offset(1e-9));
  }

  @Test
  void shouldSampleAHistogramOnlyAsFarAsItsCountSupports() {
    Histogram micros = new Histogram(3);
    for (int i = 1; i <= 1000; i++) {
      micros.recordValue(i * 10L);
    }

    Series series = PercentilePlot.series("x", micros);

    assertThat(series.nines()[series.nines().length - 1]).isLessThanOrEqualTo(3.0 + 1e-9);
    assertThat(series.millis()).isSorted();
    assertThat(series.maxMillis()).isEqualTo(10.0, offset(0.01));
  }

  private static Series series(String name, long medianMicros, long spreadMicros) {
    Histogram micros = new Histogram(3);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      long tail = random.nextInt(100) == 0 ? random.nextLong(spreadMicros * 10) : 0;
      micros.recordValue(medianMicros + random.nextLong(spreadMicros) + tail);
    }
    return PercentilePlot.series(name, micros);
  }

  private static int countPixels(BufferedImage image, int rgb) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          count++;
        }
      }
    }
    return count;
  }
}

package dev.recordingsindexer.benchmarks.load;

/** Reads samples out of the Prometheus text exposition format. */
public final class PrometheusText {

  private PrometheusText() {}

  /**
   * The sum of the samples of {@code name} whose label text contains {@code labelFilter} (null or
   * empty = every sample); NaN when none matches.
   */
  public static double sum(String text, String name, String labelFilter) {
    double sum = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      int labelsEnd = line.startsWith("{", name.length()) ? line.indexOf('}', name.length()) : -1;
      boolean exactName =
          labelsEnd > 0 || (line.length() > name.length() && line.charAt(name.length()) == ' ');
      if (!exactName) {
        continue;
      }
      String labels = labelsEnd > 0 ? line.substring(name.length(), labelsEnd + 1) : "";
      if (labelFilter != null && !labelFilter.isEmpty() && !labels.contains(labelFilter)) {
        continue;
      }
      String rest = line.substring(labelsEnd > 0 ? labelsEnd + 1 : name.length()).trim();
      sum += Double.parseDouble(rest.split(" ")[0]);
      found = true;
    }
    return found ? sum : Double.NaN;
  }
}

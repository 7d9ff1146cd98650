package dev.recordingsindexer.api.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads flags that mirror the environment ({@code --http-port 8081} or {@code --http-port=8081} for
 * {@code HTTP_PORT=8081}) and lays them over the environment: a flag wins over the variable. {@code
 * --demo} alone means {@code DEMO=true}.
 */
public final class CommandLineFlags {

  private CommandLineFlags() {}

  /**
   * The environment with the flags applied.
   *
   * @throws UsageException naming the first unknown flag, stray argument or flag without a value
   */
  public static Map<String, String> overlay(Map<String, String> environment, List<String> args) {
    Map<String, String> merged = new HashMap<>(environment);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument: " + arg);
      }
      int equals = arg.indexOf('=');
      String flag = equals < 0 ? arg : arg.substring(0, equals);
      Setting setting =
          Setting.forFlag(flag).orElseThrow(() -> new UsageException("unknown flag: " + flag));
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (setting == Setting.DEMO) {
        value = "true";
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        throw new UsageException("flag " + flag + " needs a value");
      }
      merged.put(setting.name(), value);
    }
    return merged;
  }
}
